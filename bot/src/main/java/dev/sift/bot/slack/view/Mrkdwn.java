package dev.sift.bot.slack.view;

import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn, written safely: user text escaped so it can never mention or link, and clipped so
 * a view never exceeds the length Slack accepts.
 */
public final class Mrkdwn {
  /** Shown where the reader's client cannot format a {@code <!date>} token; always UTC. */
  private static final DateTimeFormatter FALLBACK_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]+");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Mrkdwn() {}

  /**
   * The text with {@code &}, {@code <} and {@code >} escaped: Slack builds every mention, special
   * mention ({@code <!channel>}) and link from angle brackets, so escaped text shows as typed.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The text cut to at most {@code max} characters, "…" included, at a word boundary when one is
   * near. It never cuts inside an escaped entity, a {@code <…>} token or a surrogate pair, so a
   * clipped string is still valid mrkdwn.
   */
  public static String clip(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1; // room for the ellipsis
    if (!Character.isWhitespace(text.charAt(end))) {
      int space = lastWhitespace(text, end);
      if (space > max / 2) {
        end = space;
      }
    }
    end = outsideTokens(text, end);
    return text.substring(0, end).stripTrailing() + "…";
  }

  /** The text on one line (runs of whitespace and newlines become one space), then clipped. */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    return clip(WHITESPACE.matcher(text).replaceAll(" ").strip(), max);
  }

  /** A coloured circle per priority, so urgency reads at a glance. */
  public static String priorityEmoji(Priority priority) {
    return switch (priority) {
      case P1 -> ":red_circle:";
      case P2 -> ":large_orange_circle:";
      case P3 -> ":large_yellow_circle:";
      case P4 -> ":white_circle:";
    };
  }

  /** {@code :red_circle: *P1 · incident*}: the verdict as every view leads with it. */
  static String label(Verdict verdict) {
    return priorityEmoji(verdict.priority())
        + " *"
        + verdict.priority()
        + " · "
        + escape(verdict.category())
        + "*";
  }

  /** The message's text escaped on one line, or a stand-in so no block is ever empty. */
  static String summary(Message message, int max) {
    if (!message.text().isBlank()) {
      return oneLine(escape(message.text()), max);
    }
    if (!message.files().isEmpty()) {
      return oneLine("(file: " + escape(message.files().get(0)) + ")", max);
    }
    return "(no text)";
  }

  /** The author by name, never as a mention, so showing a message does not ping its author. */
  static String author(Message message) {
    return message.userName() == null || message.userName().isBlank()
        ? "someone"
        : escape(message.userName());
  }

  /** A channel reference Slack renders as its name; a name when the id is not a Slack id. */
  static String channel(Message message) {
    return CHANNEL_ID.matcher(message.channelId()).matches()
        ? "<#" + message.channelId() + ">"
        : "#" + escape(message.channelName());
  }

  /** A mention of a Slack user id: used only where notifying that person is the point. */
  static String user(String userId) {
    return USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : escape(userId);
  }

  /** A date each reader sees in their own time zone, with a UTC fallback. */
  static String date(Instant when) {
    return "<!date^"
        + when.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + FALLBACK_DATE.format(when)
        + ">";
  }

  /**
   * A link with a label, or the bare label when there is no url.
   *
   * @param label mrkdwn that is already escaped
   */
  static String link(String url, String label) {
    if (url == null || url.isBlank()) {
      return label;
    }
    String safe =
        url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
    return "<" + safe + "|" + label + ">";
  }

  /** How long ago, coarsely: "just now", "5m ago", "3h ago", "4d ago". */
  static String ago(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    if (age.toMinutes() < 1) {
      return "just now";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + "m ago";
    }
    if (age.toHours() < 48) {
      return age.toHours() + "h ago";
    }
    return age.toDays() + "d ago";
  }

  /** "1 reply", "3 replies": counts read naturally. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static int lastWhitespace(String text, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Moves a cut back so it does not split "&amp;", a "<…>" token or a surrogate pair. */
  private static int outsideTokens(String text, int end) {
    int open = text.lastIndexOf('<', end - 1);
    if (open >= 0 && text.lastIndexOf('>', end - 1) < open) {
      end = open;
    }
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && end - amp < 5) {
      int semi = text.indexOf(';', amp);
      if (semi >= end && semi - amp <= 4) {
        end = amp;
      }
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
