package dev.sift.triage.verdict;

import java.util.Locale;

/** How soon a message needs a human: P1 now, P2 today, P3 this week, P4 whenever. */
public enum Priority {
  P1,
  P2,
  P3,
  P4;

  /** Parses "P1", "p2" or "1"; the error names the accepted values. */
  public static Priority parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (t.length() == 1) {
      t = "P" + t;
    }
    for (Priority p : values()) {
      if (p.name().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown priority '" + text + "': use P1, P2, P3 or P4");
  }

  /** The priority {@code steps} levels more urgent, never beyond P1. */
  public Priority raisedBy(int steps) {
    return values()[Math.max(0, ordinal() - Math.max(0, steps))];
  }

  /** True when this is more urgent than {@code other}. */
  public boolean moreUrgentThan(Priority other) {
    return ordinal() < other.ordinal();
  }

  /** The more urgent of two priorities. */
  public static Priority mostUrgent(Priority a, Priority b) {
    return a.moreUrgentThan(b) ? a : b;
  }
}
