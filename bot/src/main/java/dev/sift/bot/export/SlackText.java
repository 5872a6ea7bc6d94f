package dev.sift.bot.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Slack's message markup (mrkdwn text and {@code rich_text} blocks) to the plain text that
 * people read and search indexes: mentions become {@code @name}, links {@code label (url)}, and
 * HTML entities are decoded.
 *
 * <p>Name lookups map an id to a name and return null for an unknown id, which is then shown as is
 * ({@code @U123}). Emphasis markers ({@code *bold*}, {@code _italic_}) are kept: they are part of
 * what the author typed and harmless to search.
 */
public final class SlackText {
  private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
  private static final Set<String> BROADCASTS = Set.of("here", "channel", "everyone", "group");

  private SlackText() {}

  /**
   * Text rendered from markup, with the http(s) links it carries.
   *
   * @param text plain text for people and search
   * @param links URLs in order of appearance, only {@code http} and {@code https}
   */
  public record Rendered(String text, List<String> links) {
    public Rendered {
      Objects.requireNonNull(text, "text");
      links = List.copyOf(links);
    }
  }

  /** Renders a mrkdwn string, e.g. {@code <@U123> see <https://x|docs> &amp; more}. */
  public static Rendered mrkdwn(
      String mrkdwn, Function<String, String> userNames, Function<String, String> channelNames) {
    List<String> links = new ArrayList<>();
    String text = mrkdwn(mrkdwn, userNames, channelNames, links);
    return new Rendered(text, links);
  }

  /**
   * Renders a message's {@code blocks} array: {@code rich_text} blocks element by element, plus the
   * text of {@code section}, {@code header} and {@code table} blocks; other blocks are skipped.
   */
  public static Rendered blocks(
      JsonNode blocks, Function<String, String> userNames, Function<String, String> channelNames) {
    return new RichTextRenderer(userNames, channelNames).render(blocks);
  }

  /** Whether a message's {@code blocks} hold the rich text Slack's editor writes. */
  public static boolean hasRichText(JsonNode blocks) {
    if (blocks == null || !blocks.isArray()) {
      return false;
    }
    for (JsonNode block : blocks) {
      if ("rich_text".equals(block.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  static String mrkdwn(
      String mrkdwn,
      Function<String, String> userNames,
      Function<String, String> channelNames,
      List<String> links) {
    if (mrkdwn == null || mrkdwn.isEmpty()) {
      return "";
    }
    // Entities are decoded piece by piece, so "&amp;lt;" becomes "&lt;" and not "<".
    StringBuilder out = new StringBuilder();
    Matcher token = TOKEN.matcher(mrkdwn);
    int last = 0;
    while (token.find()) {
      out.append(unescape(mrkdwn.substring(last, token.start())));
      out.append(token(token.group(1), userNames, channelNames, links));
      last = token.end();
    }
    out.append(unescape(mrkdwn.substring(last)));
    return out.toString();
  }

  /** One {@code <...>} token: a mention, a special command, or a link. */
  private static String token(
      String body,
      Function<String, String> userNames,
      Function<String, String> channelNames,
      List<String> links) {
    int bar = body.indexOf('|');
    String target = unescape(bar < 0 ? body : body.substring(0, bar));
    String label = bar < 0 ? null : unescape(body.substring(bar + 1));
    boolean labelled = label != null && !label.isBlank();
    if (target.startsWith("@")) {
      return "@" + (labelled ? label : nameOr(userNames, target.substring(1)));
    }
    if (target.startsWith("#")) {
      return "#" + (labelled ? label : nameOr(channelNames, target.substring(1)));
    }
    if (target.startsWith("!")) {
      return command(target.substring(1), labelled ? label : null);
    }
    return link(target, label, links);
  }

  /** {@code <!here>}, {@code <!subteam^S1|@team>}, {@code <!date^...|fallback>} and the like. */
  private static String command(String command, String label) {
    if (BROADCASTS.contains(command)) {
      // "group" is the old name of @channel in private channels.
      return command.equals("group") ? "@channel" : "@" + command;
    }
    if (command.startsWith("subteam^")) {
      String name = label != null ? label : command.substring("subteam^".length());
      return name.startsWith("@") ? name : "@" + name;
    }
    if (command.startsWith("date^")) {
      String rest = command.substring("date^".length());
      int caret = rest.indexOf('^');
      return label != null ? label : epochSecondsText(caret < 0 ? rest : rest.substring(0, caret));
    }
    return label != null ? label : "@" + command;
  }

  private static String epochSecondsText(String seconds) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(seconds)).toString();
    } catch (NumberFormatException | DateTimeException e) {
      // Anyone can type <!date^99999999999999999>; past year 1000000000 there is no Instant.
      return seconds;
    }
  }

  /** A link as people read it; http(s) URLs are also collected for {@code has:link}. */
  static String link(String url, String label, List<String> links) {
    if (url.startsWith("mailto:")) {
      return label != null && !label.isBlank() ? label : url.substring("mailto:".length());
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      links.add(url);
    }
    if (label == null || label.isBlank() || label.equals(url) || url.endsWith("//" + label)) {
      return url;
    }
    return label + " (" + url + ")";
  }

  static String nameOr(Function<String, String> names, String id) {
    String name = names.apply(id);
    return name == null || name.isBlank() ? id : name;
  }

  /** Slack escapes exactly these three characters in message text. */
  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
