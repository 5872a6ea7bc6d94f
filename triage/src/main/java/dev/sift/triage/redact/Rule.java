package dev.sift.triage.redact;

import com.google.re2j.Pattern;
import java.util.Objects;

/**
 * One way a kind of sensitive value shows up in text: a pattern that finds candidates and a check
 * that confirms them. The value is the first capturing group that took part in the match, or the
 * whole match when the pattern has no groups, so a rule can keep the context around a value (the
 * user in a URL, the key in {@code password=...}) and redact only the value.
 *
 * @param kind lower-case kind, which also names the placeholder ({@code "email"} → {@code
 *     [EMAIL_1]})
 * @param digitGroups whether candidates are digit groups; after a rejected candidate the search
 *     goes on from its second group, since a valid value may start there ("ref 2024 4111 1111 ...")
 */
record Rule(String kind, Pattern pattern, Confirm confirm, boolean digitGroups) {
  Rule {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(confirm, "confirm");
    if (kind.isEmpty() || !kind.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      throw new IllegalArgumentException("kind must be lower-case letters: " + kind);
    }
  }

  /** A rule whose every match is a value. */
  static Rule of(String kind, String regex) {
    return new Rule(kind, Pattern.compile(regex), (text, start, end) -> end, false);
  }

  /** Confirms a candidate found by the pattern. */
  @FunctionalInterface
  interface Confirm {
    /**
     * The end of the confirmed value in {@code text}, at most {@code end}, or -1 when the candidate
     * is not a value of this kind.
     */
    int end(String text, int start, int end);
  }
}
