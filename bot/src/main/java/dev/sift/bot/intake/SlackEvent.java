package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A message event as the intake sees it, read once from the Events API's {@code event_callback}
 * JSON (Socket Mode's payload, HTTP mode's body, a journal entry): what happened, where, to which
 * message.
 *
 * @param kind what happened to the message
 * @param eventId the callback's {@code event_id} (Slack's retries repeat it); null from history
 * @param channelId where
 * @param channelType {@code channel}, {@code group} (private), {@code im}, {@code mpim}, or null
 * @param ts the message's ts (for a delete, the deleted message's)
 * @param message the message object (for an edit, its new state); null for a delete
 * @param previousText an edit's text before, or null
 */
public record SlackEvent(
    Kind kind,
    String eventId,
    String channelId,
    String channelType,
    String ts,
    JsonNode message,
    String previousText) {

  /** What happened to a message. */
  public enum Kind {
    NEW,
    EDITED,
    DELETED
  }

  /** Message subtypes that carry something a person (or a monitoring bot) said. */
  private static final Set<String> SAID =
      Set.of("bot_message", "file_share", "thread_broadcast", "me_message");

  /**
   * Reads an {@code event_callback}; null when it is not a message event Sift triages (a channel
   * join, a topic change, a reaction: acked and left to Bolt's listeners or ignored).
   */
  public static SlackEvent read(JsonNode callback) {
    JsonNode e = callback.path("event");
    if (!"message".equals(e.path("type").asText())) {
      return null;
    }
    String eventId = callback.path("event_id").asText(null);
    String channel = e.path("channel").asText(null);
    String channelType = e.path("channel_type").asText(null);
    String subtype = e.path("subtype").asText("");
    if (channel == null) {
      return null;
    }
    switch (subtype) {
      case "message_changed" -> {
        JsonNode m = e.path("message");
        JsonNode before = e.path("previous_message");
        return new SlackEvent(
            Kind.EDITED,
            eventId,
            channel,
            channelType,
            m.path("ts").asText(null),
            m,
            before.hasNonNull("text") ? before.get("text").asText() : null);
      }
      case "message_deleted" -> {
        return new SlackEvent(
            Kind.DELETED,
            eventId,
            channel,
            channelType,
            e.path("deleted_ts").asText(null),
            null,
            null);
      }
      default -> {
        if (!subtype.isEmpty() && !SAID.contains(subtype)) {
          return null;
        }
        return new SlackEvent(
            Kind.NEW, eventId, channel, channelType, e.path("ts").asText(null), e, null);
      }
    }
  }

  /** A message found in {@code conversations.history} or {@code .replies} during a catch-up. */
  public static SlackEvent fromHistory(String channelId, JsonNode message, boolean edited) {
    return new SlackEvent(
        edited ? Kind.EDITED : Kind.NEW,
        null,
        channelId,
        null,
        message.path("ts").asText(null),
        message,
        null);
  }

  /** A message that Slack's history no longer has. */
  public static SlackEvent deletedFromHistory(String channelId, String ts) {
    return new SlackEvent(Kind.DELETED, null, channelId, null, ts, null, null);
  }

  /** The message's text, for urgency before triage. */
  public String text() {
    return message == null ? "" : message.path("text").asText("");
  }
}
