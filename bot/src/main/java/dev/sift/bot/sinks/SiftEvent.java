package dev.sift.bot.sinks;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, as other systems are told of it: the CloudEvent's {@code data} is {@link
 * #data}, its {@code type} {@code dev.sift.<type>.v1}, its {@code subject} the item's id.
 *
 * @param id unique and stable: a consumer drops a second delivery with the same id
 * @param team the workspace it happened in
 * @param channelId the channel of the item, for the sinks' channel filters and privacy
 * @param isPrivate whether that channel is private (text never leaves unless a sink is allowed it)
 * @param text the message's text, redacted; sent only to sinks with {@code include_text}
 */
public record SiftEvent(
    String id,
    Type type,
    String team,
    Instant time,
    String subject,
    String channelId,
    String channelName,
    boolean isPrivate,
    String category,
    String priority,
    String text,
    Map<String, Object> data) {

  /** The kinds of event; the wire name is what consumers filter on. */
  public enum Type {
    ITEM_OPENED("item.opened"),
    ITEM_UPDATED("item.updated"),
    ITEM_RESOLVED("item.resolved"),
    SLA_BREACHED("sla.breached"),
    DIGEST_POSTED("digest.posted"),
    CORRECTION_RECORDED("correction.recorded");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The CloudEvents {@code type}: reverse-DNS, versioned, so a consumer can tell schemas. */
    public String cloudEventType() {
      return "dev.sift." + wire + ".v1";
    }
  }

  public SiftEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    // In order, and nulls kept (an item with no owner says "owner": null).
    data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }
}
