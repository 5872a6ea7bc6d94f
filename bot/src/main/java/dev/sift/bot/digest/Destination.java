package dev.sift.bot.digest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a scheduled digest goes: a channel, a DM to one user, or a DM to every member of a user
 * group. Written in {@code sift.yml} as {@code #channel-name} or a channel id ({@code C0123}),
 * {@code @U0123} or a user id ({@code U0123}, {@code W0123}), {@code subteam:S0123} or a group id
 * ({@code S0123}).
 *
 * @param kind what the destination is
 * @param ref a channel name (without '#') or id, a user id, or a user group id
 */
public record Destination(Kind kind, String ref) {
  /** What a destination is. */
  public enum Kind {
    CHANNEL,
    USER,
    GROUP
  }

  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern GROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");

  static final String SYNTAX =
      "write '#channel-name' or a channel id (C0123), '@U0123' or a user id for a DM,"
          + " or 'subteam:S0123' (or S0123) for a DM to every member of a user group";

  public Destination {
    if (kind == null || ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("a destination needs a kind and a reference");
    }
  }

  /** Reads the {@code destination} of a schedule; the error says the accepted forms. */
  public static Destination parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("#")) {
      String name = t.substring(1).toLowerCase(Locale.ROOT);
      if (CHANNEL_NAME.matcher(name).matches()) {
        return new Destination(Kind.CHANNEL, name);
      }
    } else if (t.startsWith("<@") && t.endsWith(">")) {
      return parse("@" + before(t.substring(2, t.length() - 1), "|"));
    } else if (t.startsWith("@")) {
      if (USER_ID.matcher(t.substring(1)).matches()) {
        return new Destination(Kind.USER, t.substring(1));
      }
    } else if (t.startsWith("subteam:") || t.startsWith("<!subteam^")) {
      String id = before(before(t.substring(t.startsWith("subteam:") ? 8 : 10), "|"), ">");
      if (GROUP_ID.matcher(id).matches()) {
        return new Destination(Kind.GROUP, id);
      }
    } else if (CHANNEL_ID.matcher(t).matches()) {
      return new Destination(Kind.CHANNEL, t);
    } else if (USER_ID.matcher(t).matches()) {
      return new Destination(Kind.USER, t);
    } else if (GROUP_ID.matcher(t).matches()) {
      return new Destination(Kind.GROUP, t);
    }
    throw new IllegalArgumentException("destination '" + text + "' is not understood: " + SYNTAX);
  }

  /** The text up to the first {@code stop}; indexOf rather than a backtracking {@code \\|.*$}. */
  private static String before(String text, String stop) {
    int at = text.indexOf(stop);
    return at < 0 ? text : text.substring(0, at);
  }

  /** Whether the channel is given by id; otherwise by name, looked up at start. */
  public boolean byId() {
    return kind != Kind.CHANNEL || CHANNEL_ID.matcher(ref).matches();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CHANNEL -> byId() ? ref : "#" + ref;
      case USER -> "@" + ref;
      case GROUP -> "subteam:" + ref;
    };
  }
}
