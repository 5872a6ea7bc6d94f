package dev.sift.bot.pipeline;

import dev.sift.index.MessageStore;
import dev.sift.triage.item.TriageHistory;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store as the triager reads it, noting the version of every message it reads, so the item it
 * updates is written back only if nobody changed it since ({@link MessageStore#replace}). A search
 * hit may be a moment old, so each similar item is read again, at its latest state, and noted too.
 * The notes are per thread: each worker triages its own message.
 */
public final class VersionedReads implements TriageHistory {
  private final MessageStore store;
  private final ThreadLocal<Map<MessageKey, Long>> seen = ThreadLocal.withInitial(HashMap::new);

  public VersionedReads(MessageStore store) {
    this.store = store;
  }

  /** The store read. */
  public MessageStore store() {
    return store;
  }

  /** Starts noting afresh, for one triage attempt on this thread. */
  void begin() {
    seen.get().clear();
  }

  /** The version this thread's triage read {@code key} at, or empty when it did not read it. */
  Optional<Long> versionRead(MessageKey key) {
    return Optional.ofNullable(seen.get().get(key));
  }

  @Override
  public Optional<TriagedMessage> find(MessageKey key) {
    MessageStore.Versioned v = store.findVersioned(key);
    seen.get().put(key, v.version());
    return v.message();
  }

  @Override
  public List<SimilarItem> similarOpenItems(float[] vector, Instant from, Instant to, int limit) {
    List<SimilarItem> fresh = new ArrayList<>();
    for (SimilarItem hit : store.similarOpenItems(vector, from, to, limit)) {
      find(hit.item().key())
          .filter(latest -> latest.status() != Status.RESOLVED) // resolved since the search saw it
          .ifPresent(latest -> fresh.add(new SimilarItem(latest, hit.similarity())));
    }
    return fresh;
  }
}
