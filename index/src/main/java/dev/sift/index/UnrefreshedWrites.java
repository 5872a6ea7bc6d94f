package dev.sift.index;

import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriageHistory.SimilarItem;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store's own writes and deletes that its searcher cannot see yet. Triage reads what it wrote a
 * moment ago (a thread's parent, an item a new report joins), and making every write searchable at
 * once would open a new searcher (Lucene: flush a tiny segment; Solr: soft-commit on every replica)
 * per message; so until the next refresh these are consulted beside the engine. Thread-safe.
 */
public final class UnrefreshedWrites {
  /** A refresh is forced after this many writes, so the overlay stays small. */
  private static final int REFRESH_EVERY = 2000;

  private final Map<String, TriagedMessage> written = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger writesSinceRefresh = new AtomicInteger();

  /** Notes a write; true when enough have piled up that the store should refresh now. */
  public boolean wrote(TriagedMessage t) {
    String id = t.key().id();
    written.put(id, t);
    deleted.remove(id);
    return writesSinceRefresh.incrementAndGet() >= REFRESH_EVERY;
  }

  /** Notes a delete. */
  public void deleted(String id) {
    written.remove(id);
    deleted.add(id);
  }

  /** Drops the writes of a workspace whose messages were all deleted. */
  public void forgetTeam(String team) {
    written.keySet().removeIf(id -> id.startsWith(team + "/"));
  }

  /** What was written with this id since the last refresh, or null. */
  public TriagedMessage written(String id) {
    return written.get(id);
  }

  /** Whether this id was deleted since the last refresh. */
  public boolean isDeleted(String id) {
    return deleted.contains(id);
  }

  /**
   * Runs the engine's refresh and forgets what it made searchable. A write that raced the refresh
   * keeps its newer entry.
   */
  public void refreshing(Runnable refresh) {
    Map<String, TriagedMessage> writtenBefore = Map.copyOf(written);
    Set<String> deletedBefore = Set.copyOf(deleted);
    writesSinceRefresh.set(0);
    refresh.run();
    writtenBefore.forEach(written::remove);
    deletedBefore.forEach(deleted::remove);
  }

  /**
   * The engine's similar open items merged with the unrefreshed ones, most similar first, at most
   * {@code limit}: an engine hit this overlay wrote again or deleted is replaced or dropped.
   */
  public List<SimilarItem> similarOpenItems(
      List<SimilarItem> fromEngine, float[] vector, Instant from, Instant to, int limit) {
    long lo = micros(from);
    long hi = micros(to);
    List<SimilarItem> found = new ArrayList<>();
    for (SimilarItem s : fromEngine) {
      String id = s.item().key().id();
      if (!written.containsKey(id) && !deleted.contains(id)) {
        found.add(s);
      }
    }
    for (TriagedMessage t : written.values()) {
      long at = SlackTs.micros(t.message().ts());
      if ((t.role() == Role.ITEM || t.role() == Role.REPORT)
          && t.status() != Status.RESOLVED
          && t.vector() != null
          && at >= lo
          && at <= hi) {
        found.add(new SimilarItem(t, Vectors.dot(vector, t.vector())));
      }
    }
    found.sort(Comparator.comparingDouble(SimilarItem::similarity).reversed());
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  /**
   * A channel's threads from the engine (ts to thread ts, as {@code MessageStore.threadsOf} gives
   * them) with this overlay's writes and deletes of that channel in {@code [fromTs, toTs]} applied.
   */
  public Map<String, String> threadsOf(
      Map<String, String> fromEngine, String channelId, String fromTs, String toTs) {
    long lo = SlackTs.micros(fromTs);
    long hi = SlackTs.micros(toTs);
    Map<String, String> out = new java.util.HashMap<>(fromEngine);
    for (String id : deleted) {
      MessageKey key = MessageKey.parse(id);
      if (key.channelId().equals(channelId)) {
        out.remove(key.ts());
      }
    }
    for (TriagedMessage t : written.values()) {
      long at = SlackTs.micros(t.message().ts());
      if (t.message().channelId().equals(channelId) && at >= lo && at <= hi) {
        out.put(t.message().ts(), t.message().threadTs());
      }
    }
    return out;
  }

  /** An instant in microseconds since the epoch, the unit of the stores' ts field. */
  public static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
  }
}
