package dev.sift.bot.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.SlackTs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one Slack message object into a {@link Message}. An export's day files and the live Events
 * API carry messages in the same JSON shape, so both go through here.
 */
public final class MessageMapper {
  private final String team;
  private final People users;
  private final Function<String, String> channelNames;

  public MessageMapper(String team, People users, Function<String, String> channelNames) {
    this.team = team;
    this.users = users;
    this.channelNames = channelNames;
  }

  /**
   * Maps a message of a channel.
   *
   * @throws IllegalArgumentException with a reason for a person when the message cannot be read
   */
  public Message map(JsonNode json, ExportChannel channel) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("is not a JSON object");
    }
    String ts = timestamp(json, "ts");
    if (ts == null) {
      throw new IllegalArgumentException("has no ts");
    }
    String userId = Json.firstText(json, "user", "bot_id");
    if (userId == null) {
      // Old file_comment messages name their author only inside the comment.
      userId = Json.text(json.path("comment"), "user");
    }
    String subtype = Json.text(json, "subtype");
    boolean bot =
        "bot_message".equals(subtype) || Json.text(json, "bot_id") != null || users.isBot(userId);

    List<String> links = new ArrayList<>();
    StringBuilder text = new StringBuilder(body(json, links));
    if (bot) {
      // Integrations of Slack's first years (GitHub, Jira, CI) put all they say in attachments.
      for (JsonNode attachment : json.path("attachments")) {
        appendLine(text, attachment(attachment, links));
      }
    }
    List<String> files = files(json);
    if (text.toString().isBlank() && !files.isEmpty()) {
      text.setLength(0);
      text.append("shared a file: ").append(String.join(", ", files));
    }
    return new Message(
        team,
        channel.id(),
        channel.name(),
        ts,
        timestamp(json, "thread_ts"),
        userId,
        userName(json, userId),
        text.toString().strip(),
        subtype,
        json.path("edited").isObject(),
        editedTs(json.path("edited")),
        bot,
        // A link in the text often comes back as an attachment's title link; keep it once.
        List.copyOf(new LinkedHashSet<>(links)),
        files);
  }

  /**
   * When the message was last edited, null when it was not or Slack did not say: only used to order
   * copies of one message, so a malformed value costs the order, never the message.
   */
  private static String editedTs(JsonNode edited) {
    JsonNode value = edited.path("ts");
    if (!value.isTextual()) {
      return null;
    }
    String ts = value.asText();
    try {
      SlackTs.parse(ts);
      return ts;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A ts field's value, null when absent; a value that is no Slack ts is an error. */
  private static String timestamp(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("has a bad " + field + " " + value + " (not a string)");
    }
    try {
      SlackTs.parse(value.asText());
      return value.asText();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a bad " + field + " '" + value.asText() + "'", e);
    }
  }

  /** Rich text when the message has it (it is what the author wrote), else the mrkdwn text. */
  private String body(JsonNode json, List<String> links) {
    JsonNode blocks = json.get("blocks");
    if (SlackText.hasRichText(blocks)) {
      SlackText.Rendered rendered = SlackText.blocks(blocks, users::name, channelNames);
      links.addAll(rendered.links());
      return rendered.text();
    }
    return SlackText.mrkdwn(json.path("text").asText(""), users::name, channelNames, links);
  }

  private String attachment(JsonNode attachment, List<String> links) {
    StringBuilder out = new StringBuilder();
    appendLine(out, mrkdwn(Json.text(attachment, "pretext"), links));
    appendLine(out, mrkdwn(Json.text(attachment, "title"), links));
    String titleLink = Json.text(attachment, "title_link");
    if (titleLink != null
        && (titleLink.startsWith("http://") || titleLink.startsWith("https://"))) {
      links.add(titleLink);
    }
    appendLine(out, mrkdwn(Json.text(attachment, "text"), links));
    for (JsonNode field : attachment.path("fields")) {
      String title = mrkdwn(Json.text(field, "title"), links);
      String value = mrkdwn(Json.text(field, "value"), links);
      appendLine(out, title.isEmpty() ? value : title + ": " + value);
    }
    if (out.length() == 0) {
      appendLine(out, mrkdwn(Json.text(attachment, "fallback"), links));
    }
    return out.toString();
  }

  private String mrkdwn(String text, List<String> links) {
    return SlackText.mrkdwn(text, users::name, channelNames, links);
  }

  private static void appendLine(StringBuilder out, String line) {
    if (line.isBlank()) {
      return;
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(line.strip());
  }

  /** Names of shared files: modern exports list them in {@code files}, old ones in {@code file}. */
  private static List<String> files(JsonNode json) {
    List<String> names = new ArrayList<>();
    for (JsonNode file : json.path("files")) {
      addFileName(file, names);
    }
    if (json.path("file").isObject()) {
      addFileName(json.get("file"), names);
    }
    return names;
  }

  private static void addFileName(JsonNode file, List<String> names) {
    String name = Json.firstText(file, "name", "title");
    if (name != null) {
      names.add(name);
    }
  }

  /** The name users.json gives, else the name a bot posted under, else the author's profile. */
  private String userName(JsonNode json, String userId) {
    String name = users.name(userId);
    if (name == null) {
      name = Json.text(json, "username");
    }
    if (name == null) {
      name = Json.firstText(json.path("user_profile"), "display_name", "real_name");
    }
    return name;
  }
}
