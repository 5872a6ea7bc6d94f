package dev.sift.triage.item;

import dev.sift.triage.message.MessageKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What triage needs to remember: earlier messages (for threads and re-triage) and open items
 * similar to a new message (for duplicates). The index implements it; triage never sees Lucene.
 */
public interface TriageHistory {

  /** The stored message with this key, including what was written a moment ago. */
  Optional<TriagedMessage> find(MessageKey key);

  /**
   * Items not yet resolved and the reports already joined to items, posted within {@code [from,
   * to]}, most similar to {@code vector} first. Reports count so that a problem described in many
   * ways gathers its reporters by any of them, not only by the first wording (single linkage); the
   * caller checks the report's item is still open.
   */
  List<SimilarItem> similarOpenItems(float[] vector, Instant from, Instant to, int limit);

  /** An item and its cosine similarity to the query vector. */
  record SimilarItem(TriagedMessage item, double similarity) {}
}
