package dev.sift.bot.slack.view;

import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Figures on one line, as the digest and the stats show them. */
final class Counts {
  /** Enough categories for any sane taxonomy; the rest are summed up so a line stays short. */
  private static final int CATEGORIES = 25;

  private Counts() {}

  /** {@code :red_circle: P1 3 · :large_orange_circle: P2 5}, most urgent first, zeros left out. */
  static String priorities(Map<Priority, Long> counts) {
    List<String> parts = new ArrayList<>();
    for (Priority p : Priority.values()) {
      long n = counts.getOrDefault(p, 0L);
      if (n > 0) {
        parts.add(Mrkdwn.priorityEmoji(p) + " " + p + " " + n);
      }
    }
    return parts.isEmpty() ? "none" : String.join(" · ", parts);
  }

  /** {@code bug 10 · question 4}, largest first, names escaped. */
  static String categories(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> sorted =
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    if (sorted.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    sorted.stream()
        .limit(CATEGORIES)
        .forEach(e -> parts.add(Mrkdwn.escape(e.getKey()) + " " + e.getValue()));
    if (sorted.size() > CATEGORIES) {
      parts.add("…and " + (sorted.size() - CATEGORIES) + " more");
    }
    return String.join(" · ", parts);
  }
}
