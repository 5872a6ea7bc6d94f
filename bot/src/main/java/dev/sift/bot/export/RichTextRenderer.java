package dev.sift.bot.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a message's Block Kit {@code blocks} to plain text, one use per message. Rich text holds
 * raw characters (no HTML entities) and typed elements, so it needs no markup parsing.
 */
final class RichTextRenderer {
  private static final String INDENT = "    ";

  private final Function<String, String> userNames;
  private final Function<String, String> channelNames;
  private final List<String> links = new ArrayList<>();

  RichTextRenderer(Function<String, String> userNames, Function<String, String> channelNames) {
    this.userNames = userNames;
    this.channelNames = channelNames;
  }

  SlackText.Rendered render(JsonNode blocks) {
    List<String> parts = new ArrayList<>();
    if (blocks == null) {
      return new SlackText.Rendered("", links);
    }
    for (JsonNode block : blocks) {
      String text = block(block).stripTrailing();
      if (!text.isBlank()) {
        parts.add(text);
      }
    }
    return new SlackText.Rendered(String.join("\n", parts), links);
  }

  private String block(JsonNode block) {
    return switch (block.path("type").asText()) {
      case "rich_text" -> richText(block.path("elements"));
      case "header" -> block.path("text").path("text").asText("");
      case "section" -> section(block);
      case "table" -> table(block.path("rows"));
      case "raw_text" -> block.path("text").asText("");
      // Dividers, images, actions and the like carry no text worth indexing.
      default -> "";
    };
  }

  private String richText(JsonNode elements) {
    StringBuilder out = new StringBuilder();
    for (JsonNode element : elements) {
      // Each top-level element is a paragraph of its own in Slack's client.
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      switch (element.path("type").asText()) {
        case "rich_text_list" -> list(element, out);
        case "rich_text_preformatted" ->
            out.append("```\n")
                .append(inline(element.path("elements")).stripTrailing())
                .append("\n```\n");
        case "rich_text_quote" -> quote(inline(element.path("elements")), out);
        default -> out.append(inline(element.path("elements")));
      }
    }
    return out.toString();
  }

  private void list(JsonNode list, StringBuilder out) {
    String indent = INDENT.repeat(Math.max(0, list.path("indent").asInt(0)));
    boolean ordered = "ordered".equals(list.path("style").asText());
    int number = list.path("offset").asInt(0);
    for (JsonNode item : list.path("elements")) {
      number++;
      out.append(indent).append(ordered ? number + ". " : "• ");
      out.append(inline(item.path("elements")).strip()).append('\n');
    }
  }

  private static void quote(String text, StringBuilder out) {
    for (String line : text.stripTrailing().split("\n", -1)) {
      out.append("> ").append(line).append('\n');
    }
  }

  /** The text of a run of inline elements; their style (bold, code...) is dropped. */
  private String inline(JsonNode elements) {
    StringBuilder out = new StringBuilder();
    for (JsonNode element : elements) {
      out.append(element(element));
    }
    return out.toString();
  }

  private String element(JsonNode element) {
    return switch (element.path("type").asText()) {
      case "user" -> "@" + SlackText.nameOr(userNames, element.path("user_id").asText());
      // Exports carry no user group names; the id still lets a search find the mention.
      case "usergroup" -> "@" + element.path("usergroup_id").asText();
      case "channel" -> "#" + SlackText.nameOr(channelNames, element.path("channel_id").asText());
      case "link" ->
          SlackText.link(element.path("url").asText(), Json.text(element, "text"), links);
      case "emoji" -> ":" + element.path("name").asText() + ":";
      case "broadcast" -> "@" + element.path("range").asText();
      case "date" -> date(element);
      case "color" -> element.path("value").asText("");
      default -> element.path("text").asText("");
    };
  }

  private static String date(JsonNode element) {
    String fallback = Json.text(element, "fallback");
    if (fallback != null) {
      return fallback;
    }
    long seconds = element.path("timestamp").asLong();
    try {
      return Instant.ofEpochSecond(seconds).toString();
    } catch (DateTimeException e) {
      return Long.toString(seconds); // beyond any Instant: shown as the number it is
    }
  }

  private String section(JsonNode section) {
    List<String> lines = new ArrayList<>();
    addTextObject(section.path("text"), lines);
    for (JsonNode field : section.path("fields")) {
      addTextObject(field, lines);
    }
    return String.join("\n", lines);
  }

  private void addTextObject(JsonNode textObject, List<String> lines) {
    String text = textObject.path("text").asText("");
    if (text.isBlank()) {
      return;
    }
    boolean markup = "mrkdwn".equals(textObject.path("type").asText());
    lines.add(markup ? SlackText.mrkdwn(text, userNames, channelNames, links) : text);
  }

  /** A table as one line per row, cells separated by " | ". */
  private String table(JsonNode rows) {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      for (JsonNode cell : row) {
        cells.add(block(cell).strip());
      }
      lines.add(String.join(" | ", cells));
    }
    return String.join("\n", lines);
  }
}
