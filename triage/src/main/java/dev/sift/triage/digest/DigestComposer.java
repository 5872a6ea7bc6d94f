package dev.sift.triage.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Composes an extractive digest from stored triage results; no model, no network. */
public final class DigestComposer {
  private static final int URGENT_LIMIT = 10;
  private static final int THREAD_LIMIT = 5;

  private final DigestSource source;

  public DigestComposer(DigestSource source) {
    this.source = source;
  }

  /**
   * A digest of one channel ({@code channelId}) or all (null), from {@code since} (null: all time).
   */
  public Digest compose(String channelId, String scope, Instant since) {
    List<TriagedMessage> urgent =
        source.items(ItemQuery.openUrgent(channelId, since, URGENT_LIMIT));
    List<TriagedMessage> threads =
        source
            .items(
                new ItemQuery(
                    channelId,
                    since,
                    Set.of(),
                    EnumSet.allOf(Status.class),
                    ItemQuery.Order.REPLIES,
                    THREAD_LIMIT))
            .stream()
            .filter(t -> !t.replyIds().isEmpty())
            .toList();
    return new Digest(
        scope,
        since,
        source.messagesByCategory(channelId, since),
        source.itemsByPriority(channelId, since),
        urgent,
        threads);
  }
}
