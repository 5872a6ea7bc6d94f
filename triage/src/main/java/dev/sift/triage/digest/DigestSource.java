package dev.sift.triage.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The stored triage results a digest is composed from; the index implements it. */
public interface DigestSource {

  /** Items matching the query, in its order. */
  List<TriagedMessage> items(ItemQuery query);

  /** Messages per category posted since {@code since} (null: all time) in a channel or all. */
  default Map<String, Long> messagesByCategory(String channelId, Instant since) {
    return messagesByCategory(channelId, since, null);
  }

  /** Messages per category posted in {@code [since, until)} (either null: unbounded). */
  Map<String, Long> messagesByCategory(String channelId, Instant since, Instant until);

  /** Items per priority opened since {@code since} in a channel or all. */
  default Map<Priority, Long> itemsByPriority(String channelId, Instant since) {
    return itemsByPriority(channelId, since, null);
  }

  /** Items per priority opened in {@code [since, until)} (either null: unbounded). */
  Map<Priority, Long> itemsByPriority(String channelId, Instant since, Instant until);

  /**
   * Items resolved in {@code [since, until)}, whenever they were opened, in a channel or all, at
   * most {@code limit}, highest priority first.
   */
  List<TriagedMessage> resolvedBetween(String channelId, Instant since, Instant until, int limit);

  /**
   * A channel's messages since {@code since}, thread replies included, oldest first, at most {@code
   * limit} (the newest are kept): what a summary is written from.
   */
  List<Message> messages(String channelId, Instant since, int limit);

  /**
   * Items that breached their SLA: those whose breach came at or after {@code since} and those
   * still open that breached at any time, in a channel or all, earliest breach first, at most
   * {@code limit}.
   */
  List<TriagedMessage> slaBreaches(String channelId, Instant since, int limit);
}
