package dev.sift.bot.cards;

import com.slack.api.model.Message;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable record of task cards, so a restart never posts a second card for an item: a card is
 * claimed (fsynced) before it is posted and recorded (channel and ts) right after, before anything
 * else can post for the item. A claim without its record means Sift stopped, or lost Slack's
 * answer, in between: the card, if Slack has it, is found by its message metadata in the
 * destination's history and adopted instead of posted again.
 *
 * <p>The card's metadata carries the task's status and owner too, updated with the card: after an
 * index rebuild the card, not the rebuilt item, knows that someone acknowledged or resolved it.
 * After an index rebuild, items older than the ledger's memory get no new card unless someone asks
 * for one: a card for months-old work would be noise, and its old card may well exist.
 */
final class CardLedger {
  /** The metadata event type Sift's task cards carry. */
  static final String EVENT_TYPE = "sift_task_card";

  /** Errors after which posting again cannot help; anything else is tried again later. */
  private static final Set<String> PERMANENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "invalid_blocks",
          "invalid_blocks_format",
          "msg_too_long",
          "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_thread_only_channel",
          "restricted_action_non_threadable_channel",
          "cannot_reply_to_message",
          "thread_not_found",
          "invalid_auth",
          "account_inactive",
          "token_revoked",
          "tokens_revoked",
          "missing_scope",
          "not_allowed_token_type",
          "ekm_access_denied",
          "team_access_not_granted");

  /** What the ledger knows of an item's card. */
  sealed interface State {}

  /** No card was ever attempted. */
  record None() implements State {}

  /** The card is in Slack. */
  record Posted(String channel, String ts) implements State {}

  /** Slack refused it for good; the error says why. */
  record Failed(String error) implements State {}

  /** A post was started and its outcome is unknown; Slack's history did not show it. */
  record Unknown() implements State {}

  /** At most this many pages of a destination's history are read looking for a card. */
  private static final int MAX_PAGES = 10;

  /**
   * How old an item may be and still get a card without being asked: the claims file keeps cards
   * for 35 days, and an older item may have a card the ledger forgot.
   */
  static final Duration MEMORY = Duration.ofDays(30);

  private final Claims claims;
  private final SlackApi slack;
  private final Clock clock;

  CardLedger(Claims claims, SlackApi slack, Clock clock) {
    this.claims = claims;
    this.slack = slack;
    this.clock = clock;
  }

  /** Whether the item's message is older than what the ledger remembers. */
  boolean predates(TriagedMessage item) {
    return SlackTs.parse(item.message().ts()).isBefore(clock.instant().minus(MEMORY));
  }

  /** Someone asked for the card again after Slack refused it: the refusal is forgotten. */
  void retry(MessageKey item) {
    claims.release(key(item));
  }

  /**
   * The status and owner a card in Slack shows (from its metadata), or empty when Slack cannot say;
   * for restoring an item rebuilt from history.
   */
  Optional<Map<String, Object>> shown(String channel, String ts, String threadTs) {
    List<Message> found;
    try {
      found = slack.messagesWithMetadata(channel, threadTs, ts, ts, 1);
    } catch (SlackCallException e) {
      return Optional.empty();
    }
    if (found == null) {
      return Optional.empty();
    }
    return found.stream()
        .filter(m -> ts.equals(m.getTs()))
        .map(Message::getMetadata)
        .filter(meta -> meta != null && EVENT_TYPE.equals(meta.getEventType()))
        .map(Message.Metadata::getEventPayload)
        .filter(payload -> payload != null)
        .findFirst();
  }

  /**
   * What is known of the item's card; for an unfinished post, looks in {@code channel} (the thread
   * {@code threadTs} when the card goes in one) for it and records it when found.
   */
  State state(MessageKey item, String channel, String threadTs) {
    var claim = claims.get(key(item));
    if (claim.isEmpty()) {
      return new None();
    }
    if (claim.get().done()) {
      String detail = claim.get().detail();
      if (detail != null && detail.startsWith("failed:")) {
        return new Failed(detail.substring("failed:".length()));
      }
      int slash = detail == null ? -1 : detail.indexOf('/');
      return slash < 0
          ? new Unknown()
          : new Posted(detail.substring(0, slash), detail.substring(slash + 1));
    }
    String oldest =
        SlackTs.of(
            claim.get().claimedAt().minusSeconds(60).isBefore(java.time.Instant.EPOCH)
                ? java.time.Instant.EPOCH
                : claim.get().claimedAt().minusSeconds(60));
    for (Message m : recent(channel, threadTs, oldest)) {
      Message.Metadata meta = m.getMetadata();
      if (meta != null
          && EVENT_TYPE.equals(meta.getEventType())
          && meta.getEventPayload() != null
          && item.id().equals(String.valueOf(meta.getEventPayload().get("item")))) {
        posted(item, channel, m.getTs());
        return new Posted(channel, m.getTs());
      }
    }
    return new Unknown();
  }

  /**
   * Claims the item's card before it is posted; false when it is not this process's to post:
   * another replica is posting it or has, or (taking over from a replica that stopped mid-post)
   * Slack already shows it, which is then recorded.
   */
  boolean posting(MessageKey item, String channel, String threadTs) {
    if (claims.claim(key(item), clock.instant())) {
      return true;
    }
    var claim = claims.get(key(item));
    if (claim.isEmpty() || claim.get().done()) {
      return false;
    }
    // Claimed before and not done: this process's own interrupted post, or one taken over.
    return !(state(item, channel, threadTs) instanceof Posted);
  }

  /** The card is in Slack: recorded before anything else may post for the item. */
  void posted(MessageKey item, String channel, String ts) {
    claims.done(key(item), channel + "/" + ts);
  }

  /** Slack refused the card for good. */
  void failed(MessageKey item, String error) {
    claims.done(key(item), "failed:" + error);
  }

  /** The metadata the card is posted and updated with, so it can be found and read again. */
  static Message.Metadata metadata(TriagedMessage item) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("item", item.key().id());
    payload.put("status", item.status().name());
    if (item.task().assigneeId() != null) {
      payload.put("assignee", item.task().assigneeId());
    }
    return new Message.Metadata(EVENT_TYPE, payload);
  }

  /** Whether an error is one that posting again will not fix. */
  static boolean permanent(SlackCallException e) {
    return PERMANENT.contains(e.error());
  }

  private List<Message> recent(String channel, String threadTs, String oldest) {
    try {
      return slack.messagesWithMetadata(channel, threadTs, oldest, null, MAX_PAGES);
    } catch (SlackCallException e) {
      if (permanent(e)) {
        return List.of(); // cannot ever tell (no history scope): post; a rare double beats none
      }
      throw e; // try again later, when Slack can say
    }
  }

  private static String key(MessageKey item) {
    return "card/" + item.id();
  }

  Optional<Claims.Claim> claim(MessageKey item) {
    return claims.get(key(item));
  }
}
