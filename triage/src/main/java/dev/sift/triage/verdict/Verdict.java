package dev.sift.triage.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What triage decided about one message, with the evidence a human needs to trust or correct it.
 *
 * @param category a category name of the active taxonomy
 * @param priority P1..P4 after all signals
 * @param confidence the classifier's probability for {@code category}, 0..1 (1 for rules)
 * @param margin probability gap between the best and the second-best category, 0..1
 * @param reasons human-readable reasons, the category's first, then each priority signal
 * @param decidedBy which classifier decided: {@code rule}, {@code embedded}, {@code llm}, {@code
 *     human}
 * @param summary a one-line summary when an LLM wrote one, else null
 */
public record Verdict(
    String category,
    Priority priority,
    double confidence,
    double margin,
    List<String> reasons,
    String decidedBy,
    String summary) {

  public static final String RULE = "rule";
  public static final String EMBEDDED = "embedded";
  public static final String LLM = "llm";
  public static final String HUMAN = "human";

  /** A verdict without a summary (rules, the embedded classifier, people). */
  public Verdict(
      String category,
      Priority priority,
      double confidence,
      double margin,
      List<String> reasons,
      String decidedBy) {
    this(category, priority, confidence, margin, reasons, decidedBy, null);
  }

  public Verdict {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(decidedBy, "decidedBy");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
    }
  }

  /** A copy at a new priority, with the reason for the change appended. */
  public Verdict withPriority(Priority newPriority, String reason) {
    List<String> more = new ArrayList<>(reasons);
    if (reason != null && !more.contains(reason)) {
      more.add(reason);
    }
    return new Verdict(category, newPriority, confidence, margin, more, decidedBy, summary);
  }
}
