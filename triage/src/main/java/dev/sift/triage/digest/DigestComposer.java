package dev.sift.triage.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Composes digests from stored triage results: the extractive part always (no model, no network),
 * and for one channel a cited LLM summary when a summariser is configured and answers.
 */
public final class DigestComposer {
  private static final int URGENT_LIMIT = 10;
  private static final int THREAD_LIMIT = 5;
  private static final int SUMMARY_MESSAGES = 2000;

  private final DigestSource source;
  private final Summariser summariser;

  public DigestComposer(DigestSource source) {
    this(source, null);
  }

  /**
   * @param summariser writes the cited summary, or null for extractive digests only
   */
  public DigestComposer(DigestSource source, Summariser summariser) {
    this.source = source;
    this.summariser = summariser;
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
    List<Summariser.Bullet> summary = List.of();
    if (summariser != null && channelId != null) {
      summary =
          summariser
              .summarise(scope, source.messages(channelId, since, SUMMARY_MESSAGES))
              .orElse(List.of());
    }
    return new Digest(
        scope,
        since,
        source.messagesByCategory(channelId, since),
        source.itemsByPriority(channelId, since),
        urgent,
        threads,
        summary);
  }
}
