package dev.sift.bot.slack.view;

import dev.sift.triage.verdict.Priority;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures {@code /triage stats} shows.
 *
 * @param messages messages triaged
 * @param byCategory messages per category name
 * @param byPriority items per priority: a problem reported in several messages counts once
 * @param reviewed verdicts a person looked at (acknowledged, resolved or corrected)
 * @param corrected of those, the ones a person corrected
 */
public record Stats(
    long messages,
    Map<String, Long> byCategory,
    Map<Priority, Long> byPriority,
    long reviewed,
    long corrected) {

  public Stats {
    if (messages < 0 || reviewed < 0 || corrected < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
    byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
  }

  /** Items triaged: the sum over priorities. */
  public long items() {
    return byPriority.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The share of reviewed verdicts nobody corrected, or empty before any feedback. Counts taken at
   * slightly different moments can show more corrections than reviews; that reads as 0%.
   */
  public OptionalDouble accuracy() {
    return reviewed == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(1.0 - (double) Math.min(corrected, reviewed) / reviewed);
  }
}
