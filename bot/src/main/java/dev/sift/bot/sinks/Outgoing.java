package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One event as it waits in a sink's outbox: the CloudEvent exactly as the sink receives it, and the
 * attributes a transport needs without reading it again.
 *
 * @param id the CloudEvent's id: the idempotency key a consumer drops repeats by
 * @param subject the item's id (Kafka's record key, so one item's events stay in order)
 * @param type the CloudEvent's type, {@code dev.sift.item.opened.v1} and so on
 * @param time when it happened, or null when the event does not say
 * @param json the CloudEvent in JSON structured mode
 */
record Outgoing(String id, String subject, String type, java.time.Instant time, String json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads an outbox entry or a dead letter back. */
  static Outgoing of(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("an outbox entry is not a CloudEvent: " + e.getMessage(), e);
    }
    if (n == null || !n.path("id").isTextual() || !n.path("type").isTextual()) {
      throw new IllegalStateException("an outbox entry is not a CloudEvent (no id or type)");
    }
    return new Outgoing(
        n.path("id").asText(),
        n.path("subject").asText(null),
        n.path("type").asText(),
        n.path("time").isTextual()
            ? java.time.OffsetDateTime.parse(n.path("time").asText()).toInstant()
            : null,
        json);
  }

  /** The CloudEvent's {@code data}, for transports that map fields (Jira). */
  JsonNode data() {
    try {
      return JSON.readTree(json).path("data");
    } catch (IOException e) {
      throw new IllegalStateException("an outbox entry is not a CloudEvent: " + e.getMessage(), e);
    }
  }
}
