package dev.sift.bot.sinks;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.redact.Redactor;
import dev.sift.triage.verdict.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a change to an item into the event other systems are told: {@code item.opened} for a new
 * item, {@code item.resolved} when it is resolved, {@code item.updated} when its priority,
 * category, reporters, status or owner changed; nothing when nothing they see changed.
 */
public final class ItemEvents {
  private final Function<TriagedMessage, String> permalink;
  private final Predicate<String> isPrivate;
  private final Redactor redactor = Redactor.standard();

  /**
   * @param permalink the item's link in Slack, or null when none is known
   * @param isPrivate whether a channel is private (an unknown one counts as private)
   */
  public ItemEvents(Function<TriagedMessage, String> permalink, Predicate<String> isPrivate) {
    this.permalink = permalink;
    this.isPrivate = isPrivate;
  }

  /**
   * @param before the item as it was, or null for a new one
   */
  public Optional<SiftEvent> of(TriagedMessage before, TriagedMessage after, Instant now) {
    SiftEvent.Type type;
    if (before == null) {
      type = SiftEvent.Type.ITEM_OPENED;
    } else if (after.status() == Status.RESOLVED && before.status() != Status.RESOLVED) {
      type = SiftEvent.Type.ITEM_RESOLVED;
    } else if (state(before).equals(state(after))) {
      return Optional.empty();
    } else {
      type = SiftEvent.Type.ITEM_UPDATED;
    }
    String itemId = after.key().id();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", 1);
    data.put("item_id", itemId);
    data.put("team", after.message().team());
    data.put("channel_id", after.message().channelId());
    data.put("channel", after.message().channelName());
    data.put("ts", after.message().ts());
    String link = permalink.apply(after);
    if (link != null) {
      data.put("permalink", link);
    }
    data.put("category", after.verdict().category());
    data.put("priority", after.verdict().priority().name());
    data.put("confidence", after.verdict().confidence());
    data.put("decided_by", after.verdict().decidedBy());
    data.put("reasons", after.verdict().reasons());
    if (after.verdict().summary() != null) {
      data.put("summary", after.verdict().summary());
    }
    data.put(
        "status",
        switch (after.status()) {
          case OPEN -> "open";
          case ACKED -> "acknowledged";
          case RESOLVED -> "resolved";
        });
    data.put("owner", after.task().assigneeId());
    data.put("reporters", after.reporters());
    data.put("reports", after.reportIds().size() + 1);
    data.put("replies", after.replyIds().size());
    String state = state(after);
    return Optional.of(
        new SiftEvent(
            // The same change made twice (a replay after a crash) gets the same id, so a consumer
            // that drops repeated ids sees it once.
            id(
                type.wire()
                    + "|"
                    + itemId
                    + "|"
                    + (before == null ? "" : state(before))
                    + ">"
                    + state),
            type,
            after.message().team(),
            now,
            itemId,
            after.message().channelId(),
            after.message().channelName(),
            isPrivate.test(after.message().channelId()),
            after.verdict().category(),
            after.verdict().priority().name(),
            redactor.redact(after.message().text()).text(),
            data));
  }

  /** What consumers see of an item; an event goes out when it changes. */
  private static String state(TriagedMessage t) {
    return t.verdict().category()
        + "|"
        + t.verdict().priority()
        + "|"
        + t.status()
        + "|"
        + t.task().assigneeId()
        + "|"
        + String.join(",", t.reporters())
        + "|"
        + t.reportIds().size();
  }

  private static String id(String seed) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
