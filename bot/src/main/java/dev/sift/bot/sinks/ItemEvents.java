package dev.sift.bot.sinks;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.redact.Redactor;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
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
 * item, {@code item.resolved} when it is resolved, {@code correction.recorded} when a person
 * corrected its verdict, {@code sla.breached} when it first missed its SLA, {@code item.updated}
 * when its priority, category, reporters, status or owner changed otherwise; nothing when nothing
 * they see changed. Each event carries the item's whole state, so a consumer needs no other.
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
    } else if (Verdict.HUMAN.equals(after.verdict().decidedBy())
        && !verdictOf(before).equals(verdictOf(after))) {
      type = SiftEvent.Type.CORRECTION_RECORDED;
    } else if (before.task().slaBreachedAt() == null && after.task().slaBreachedAt() != null) {
      type = SiftEvent.Type.SLA_BREACHED;
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
    data.put("status", statusName(after.status()));
    data.put("owner", after.task().assigneeId());
    data.put("reporters", after.reporters());
    data.put("reports", after.reportIds().size() + 1);
    data.put("replies", after.replyIds().size());
    if (after.task().slaBreachedAt() != null) {
      data.put("sla_breached_at", after.task().slaBreachedAt().toString());
    }
    if (type == SiftEvent.Type.CORRECTION_RECORDED) {
      data.put("previous_category", before.verdict().category());
      data.put("previous_priority", before.verdict().priority().name());
    }
    return Optional.of(
        new SiftEvent(
            // The same change made twice (a replay after a crash) gets the same id, so a consumer
            // that drops repeated ids sees it once.
            id(
                type.wire()
                    + "|"
                    + itemId
                    + "|"
                    + (before == null ? "" : seed(before))
                    + ">"
                    + seed(after)),
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

  /**
   * The state and the task's clock: acknowledged again after a reopen is a new change (the reopen
   * restarted the clock), while the same change replayed after a crash has the same seed.
   */
  private static String seed(TriagedMessage t) {
    var times = t.task().times();
    return state(t)
        + "|"
        + times.startedAt()
        + "|"
        + times.acknowledgedAt()
        + "|"
        + times.resolvedAt();
  }

  private static String verdictOf(TriagedMessage t) {
    return t.verdict().category() + "|" + t.verdict().priority();
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
        + t.reportIds().size()
        + "|"
        + t.task().slaBreachedAt()
        + "|"
        + t.verdict().decidedBy();
  }

  /** A status as other systems read it (events, the HTTP API). */
  public static String statusName(Status status) {
    return switch (status) {
      case OPEN -> "open";
      case ACKED -> "acknowledged";
      case RESOLVED -> "resolved";
    };
  }

  static String id(String seed) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
