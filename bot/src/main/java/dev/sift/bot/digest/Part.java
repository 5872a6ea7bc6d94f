package dev.sift.bot.digest;

import java.util.List;

/**
 * One piece of a digest post, independent of Slack: a header, a context line, a titled list of
 * entries, or a divider. Entries are kept whole when a list is split over several blocks or posts.
 *
 * @param title the list's title, repeated (marked continued) when its entries are split
 */
public record Part(Kind kind, String title, List<String> entries) {
  /** What a part is. */
  public enum Kind {
    HEADER,
    CONTEXT,
    LIST,
    DIVIDER
  }

  public Part {
    entries = List.copyOf(entries);
  }

  static Part header(String text) {
    return new Part(Kind.HEADER, text, List.of());
  }

  static Part context(String text) {
    return new Part(Kind.CONTEXT, text, List.of());
  }

  static Part list(String title, List<String> entries) {
    return new Part(Kind.LIST, title, entries);
  }

  static Part divider() {
    return new Part(Kind.DIVIDER, "", List.of());
  }
}
