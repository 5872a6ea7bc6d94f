package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a Jira issue says of an item, from the event's data as this sink may see it: a summary and
 * description with the item's words only when the event carries them (the envelope already dropped
 * a private channel's reasons and summary), the mapped priority, labels, and the comments that
 * later changes become. Descriptions and comments are rendered as wiki markup by Jira, so the
 * message's words are escaped: they can never mention someone, link, or embed anything.
 */
final class JiraIssueText {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Jira refuses longer summaries. */
  private static final int SUMMARY = 250;

  private static final String WIKI_SPECIAL = "\\[]{}!|*_^~+-?#";

  private JiraIssueText() {}

  /** The issue's fields for {@code POST /rest/api/2/issue}. */
  static ObjectNode fields(JsonNode data, SinkSettings.Jira jira, String itemLabel) {
    ObjectNode f = JSON.createObjectNode();
    f.putObject("project").put("key", jira.project());
    f.putObject("issuetype").put("name", jira.issueType());
    f.put("summary", summary(data));
    f.put("description", description(data));
    String mapped = jira.priorities().get(data.path("priority").asText());
    if (mapped != null) {
      f.putObject("priority").put("name", mapped);
    }
    ArrayNode labels = f.putArray("labels");
    labels(data, jira, itemLabel).forEach(labels::add);
    return f;
  }

  /**
   * A label on the issue that names the item without showing its id: how an issue created by a
   * request whose answer was lost is found again.
   */
  static String itemLabel(String itemId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(itemId.getBytes(StandardCharsets.UTF_8));
      return "sift-item-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** "P1 incident: checkout fails", or without words "P1 incident in #support". */
  static String summary(JsonNode data) {
    String head = data.path("priority").asText("") + " " + data.path("category").asText("item");
    String words =
        data.hasNonNull("summary")
            ? data.path("summary").asText()
            : data.hasNonNull("text") ? data.path("text").asText() : null;
    String line =
        words == null || words.isBlank()
            ? head + " in #" + data.path("channel").asText(data.path("channel_id").asText())
            : head + ": " + words;
    line = line.replaceAll("\\s+", " ").strip();
    return line.length() > SUMMARY ? line.substring(0, SUMMARY - 1) + "…" : line;
  }

  static String description(JsonNode data) {
    StringBuilder b = new StringBuilder("Sift triaged a message in #");
    b.append(escape(data.path("channel").asText(data.path("channel_id").asText())))
        .append(" as ")
        .append(data.path("priority").asText())
        .append(' ')
        .append(escape(data.path("category").asText()))
        .append(" (")
        .append(Math.round(data.path("confidence").asDouble() * 100))
        .append("% confident, decided by ")
        .append(escape(data.path("decided_by").asText("sift")))
        .append(").\n");
    if (data.path("reasons").size() > 0) {
      b.append("\nWhy:\n");
      data.path("reasons").forEach(r -> b.append("* ").append(escape(r.asText())).append('\n'));
    }
    if (data.hasNonNull("text")) {
      b.append("\nThe message (redacted):\n")
          .append(escape(data.path("text").asText()))
          .append('\n');
    }
    b.append('\n');
    if (data.hasNonNull("permalink")) {
      b.append("In Slack: ").append(data.path("permalink").asText()).append('\n');
    }
    b.append("Reported by ")
        .append(people(data.path("reporters").size()))
        .append("; status in Sift: ")
        .append(data.path("status").asText("open"))
        .append('\n')
        .append("Sift item: ")
        .append(escape(data.path("item_id").asText()));
    return b.toString();
  }

  /**
   * What changed since the issue last heard of the item (priority, status, owner, reporters), or
   * null when nothing it shows did.
   */
  static String changes(JiraIssues.Issue before, JsonNode data) {
    JiraIssues.Issue now = state(before.key(), data);
    List<String> lines = new ArrayList<>();
    if (!Objects.equals(before.priority(), now.priority())) {
      lines.add("priority " + before.priority() + " → " + now.priority());
    }
    if (!Objects.equals(before.status(), now.status())) {
      lines.add("status " + before.status() + " → " + now.status());
    }
    if (!Objects.equals(before.owner(), now.owner())) {
      lines.add("owner " + owner(before.owner()) + " → " + owner(now.owner()));
    }
    if (before.reporters() != now.reporters()) {
      lines.add("reported by " + people(now.reporters()) + " (was " + before.reporters() + ")");
    }
    if (lines.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder("Updated in Sift:\n");
    lines.forEach(l -> b.append("* ").append(l).append('\n'));
    return link(b, data);
  }

  /** The comment an {@code item.resolved} becomes. */
  static String resolved(JsonNode data) {
    String owner = data.path("owner").asText(null);
    StringBuilder b = new StringBuilder("Resolved in Sift");
    if (owner != null) {
      b.append(" (owner: ").append(owner(owner)).append(')');
    }
    return link(b.append(".\n"), data);
  }

  /** What the issue now knows of the item. */
  static JiraIssues.Issue state(String key, JsonNode data) {
    return new JiraIssues.Issue(
        key,
        data.path("priority").asText(null),
        data.path("status").asText(null),
        data.path("owner").asText(null),
        data.path("reporters").size());
  }

  private static Set<String> labels(JsonNode data, SinkSettings.Jira jira, String itemLabel) {
    Set<String> labels = new LinkedHashSet<>();
    labels.add("sift");
    if (data.hasNonNull("category")) {
      labels.add(label(data.path("category").asText()));
    }
    jira.labels().forEach(l -> labels.add(label(l)));
    labels.add(itemLabel);
    return labels;
  }

  /** Jira labels have no spaces. */
  private static String label(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
  }

  private static String link(StringBuilder b, JsonNode data) {
    if (data.hasNonNull("permalink")) {
      b.append("In Slack: ").append(data.path("permalink").asText());
    }
    return b.toString().strip();
  }

  private static String owner(String slackUser) {
    return slackUser == null ? "nobody" : "Slack user " + escape(slackUser);
  }

  private static String people(int n) {
    return n == 1 ? "1 person" : n + " people";
  }

  /** Wiki markup's special characters taken literally, so user text stays text. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (WIKI_SPECIAL.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
