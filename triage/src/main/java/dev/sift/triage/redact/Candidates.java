package dev.sift.triage.redact;

import java.util.function.Predicate;

/**
 * Checks on the text around a numeric candidate. RE2/J has no look-around, so whether a number
 * stands alone, rather than being part of a date, a version, an IP or a ticket id, is decided here.
 */
final class Candidates {
  private Candidates() {}

  /**
   * Whether {@code [start, end)} is not glued to a neighbouring token: no letter, digit or
   * underscore next to it, no {@code - /} before or after a letter or digit ({@code PORT-426}), and
   * no {@code . : ,} before or after a digit ({@code 2.14.1}, {@code 10:30}, {@code 1,250}). When
   * {@code spaced} is true, a space next to another digit also glues: the candidate is then one
   * part of a longer run of digit groups.
   */
  static boolean standalone(String text, int start, int end, boolean spaced) {
    return !glued(text, start - 1, -1, spaced) && !glued(text, end, 1, spaced);
  }

  /**
   * The end of the longest prefix of {@code [start, end)} that ends with a whole digit group,
   * stands alone and passes {@code valid}, or -1. Greedy patterns can run into the next number on
   * the line ("4111 1111 1111 1111 2027").
   */
  static int longestValid(String text, int start, int end, Predicate<String> valid) {
    for (int e = end; e > start; e = previousGroupEnd(text, start, e)) {
      if (standalone(text, start, e, false) && valid.test(text.substring(start, e))) {
        return e;
      }
    }
    return -1;
  }

  /** The number of ASCII digits in {@code s}. */
  static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        n++;
      }
    }
    return n;
  }

  private static int previousGroupEnd(String text, int start, int end) {
    for (int i = end - 1; i > start; i--) {
      if (text.charAt(i) == ' ' || text.charAt(i) == '-') {
        return i;
      }
    }
    return start;
  }

  private static boolean glued(String text, int i, int away, boolean spaced) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    if (Character.isLetterOrDigit(c) || c == '_') {
      return true;
    }
    int j = i + away;
    char beyond = j >= 0 && j < text.length() ? text.charAt(j) : ' ';
    boolean digit = beyond >= '0' && beyond <= '9';
    switch (c) {
      case '-':
      case '/':
        return digit || Character.isLetter(beyond);
      case '.':
      case ':':
      case ',':
        return digit;
      case ' ':
        return spaced && digit;
      default:
        return false;
    }
  }
}
