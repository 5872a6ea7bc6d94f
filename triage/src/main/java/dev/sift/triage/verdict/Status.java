package dev.sift.triage.verdict;

import java.util.Locale;

/** Where a triaged item stands: nobody has it, somebody has it, it is done. */
public enum Status {
  OPEN,
  ACKED,
  RESOLVED;

  /** Lower-case name as users type it ({@code status:open}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label; the error names the accepted values. */
  public static Status parse(String text) {
    for (Status s : values()) {
      if (s.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown status '" + text + "': use open, acked or resolved");
  }
}
