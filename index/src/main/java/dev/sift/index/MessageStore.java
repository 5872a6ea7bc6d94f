package dev.sift.index;

import dev.sift.triage.item.Forgetting;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriageHistory;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.io.Closeable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where triaged messages and items are kept, whatever holds them: the embedded Lucene index ({@link
 * MessageIndex}, the default) or a distributed engine ({@code index/solr}). Messages are keyed by
 * team+channel+ts and replaced on upsert, so replaying the same messages leaves the same store.
 *
 * <p>One contract test ({@code MessageStoreContract}) runs against every implementation, so they
 * cannot drift.
 */
public interface MessageStore extends TriageHistory, Closeable {

  /** Adds or replaces a message; {@link #find} sees it at once. */
  void upsert(TriagedMessage t);

  /** Removes a message; a no-op when it is not there. */
  void delete(MessageKey key);

  /** The version {@link #replace} expects for a message that is not stored. */
  long ABSENT = -1;

  /**
   * A stored message with the version the store holds it at, or {@link #ABSENT}: what {@link
   * #replace} compares against.
   */
  record Versioned(Optional<TriagedMessage> message, long version) {}

  /** The stored message and its version, seen at once like {@link #find}. */
  Versioned findVersioned(MessageKey key);

  /**
   * Writes {@code t} only if its stored version is still {@code version} (from {@link
   * #findVersioned}; {@link #ABSENT}: only if none is stored). False when another writer, in this
   * process or another sharing the store, changed it first: the caller reads it again and redoes
   * its change. This is how several Sift processes update one item without a lock.
   */
  boolean replace(TriagedMessage t, long version);

  /**
   * Applies {@code change} to the latest stored state of a message, reading again and redoing it
   * when another writer got there first; empty when the message is not stored (or the change
   * returns null). {@code change} may run more than once, so it must not have side effects.
   */
  default Optional<TriagedMessage> update(MessageKey key, UnaryOperator<TriagedMessage> change) {
    for (int attempt = 1; ; attempt++) {
      Versioned current = findVersioned(key);
      if (current.message().isEmpty()) {
        return Optional.empty();
      }
      TriagedMessage changed = change.apply(current.message().get());
      if (changed == null) {
        return Optional.empty();
      }
      if (replace(changed, current.version())) {
        return Optional.of(changed);
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new IllegalStateException(
            key + " changed under " + MAX_ATTEMPTS + " attempts in a row to update it");
      }
    }
  }

  /** How often {@link #update} reads again before it gives up on a message others keep changing. */
  int MAX_ATTEMPTS = 50;

  /** Who did what first, among every process sharing this store. */
  Claims claims();

  /** What every process sharing this store reads: corrections, replicas' marks. */
  SharedNotes notes();

  /**
   * Removes every message of a workspace: Sift was uninstalled there and the grace period is over.
   * Searchable at once; durable with the next commit.
   */
  void deleteTeam(String team);

  /** Makes every write so far searchable. */
  void refresh();

  /**
   * Makes every write durable; the checkpoints travel with it, so they are durable exactly when the
   * documents are.
   */
  void commit();

  /** The queries digests, the queue and the Home tab need, answered by this store. */
  ItemQueries items();

  /** Slack-style search over this store. */
  Search search();

  /**
   * The keys of every stored message a retention sweep or a purge selects, after making every write
   * so far searchable. Only ids are read, so selecting a million messages costs no vectors.
   */
  List<MessageKey> keys(Selection selection);

  /**
   * Up to {@code limit} stored messages in the order of their ids, starting after {@code afterId}
   * (null: from the first): how a whole store is read a page at a time, to move it to another.
   */
  List<TriagedMessage> page(String afterId, int limit);

  /** Number of stored messages (after a refresh). */
  int size();

  /** Commits and lets go of the store. */
  @Override
  void close();

  /** Records that every message of a channel up to {@code ts} is stored (durable on commit). */
  void checkpoint(String channelId, String ts);

  /**
   * Sets a channel's checkpoint to a low-water mark: every message of the channel up to {@code ts}
   * that Sift took in is stored. Unlike {@link #checkpoint(String, String)} it may move back (a
   * late message below the old mark is still being triaged).
   */
  void setCheckpoint(String channelId, String ts);

  /** Every channel's checkpoint (as committed, or set since). */
  Map<String, String> checkpoints();

  /** The last ts committed for a channel, if any. */
  default Optional<String> checkpoint(String channelId) {
    return Optional.ofNullable(checkpoints().get(channelId));
  }

  /**
   * Each stored message of a channel posted in {@code [fromTs, toTs]}: its ts, with its thread's ts
   * (null when it is not in a thread).
   */
  Map<String, String> threadsOf(String channelId, String fromTs, String toTs);

  /**
   * The ts of every stored message of a channel posted in {@code [fromTs, toTs]} that is not a
   * thread reply (what {@code conversations.history} lists), for a catch-up to find deletes.
   */
  default Set<String> topLevelTs(String channelId, String fromTs, String toTs) {
    Set<String> out = new HashSet<>();
    threadsOf(channelId, fromTs, toTs)
        .forEach(
            (ts, thread) -> {
              if (thread == null || thread.equals(ts)) {
                out.add(ts);
              }
            });
    return out;
  }

  /**
   * The ts of every stored reply of a thread posted in {@code [fromTs, toTs]} (what {@code
   * conversations.replies} lists besides the parent), for a catch-up to find deleted replies.
   */
  default Set<String> replyTs(String channelId, String threadTs, String fromTs, String toTs) {
    Set<String> out = new HashSet<>();
    threadsOf(channelId, fromTs, toTs)
        .forEach(
            (ts, thread) -> {
              if (threadTs.equals(thread) && !ts.equals(thread)) {
                out.add(ts);
              }
            });
    return out;
  }

  /** The threads of a channel that have stored replies posted in {@code [fromTs, toTs]}. */
  default Set<String> threadsWithReplies(String channelId, String fromTs, String toTs) {
    Set<String> out = new HashSet<>();
    threadsOf(channelId, fromTs, toTs)
        .forEach(
            (ts, thread) -> {
              if (thread != null && !thread.equals(ts)) {
                out.add(thread);
              }
            });
    return out;
  }

  /**
   * Removes a message and its traces in its item (its id, its author among the reporters, reasons
   * naming them): what a delete, a retention sweep or a purge does to each message. Returns what
   * was stored.
   */
  default Optional<Forgotten> forget(MessageKey key) {
    Optional<TriagedMessage> stored = find(key);
    delete(key);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    TriagedMessage gone = stored.get();
    Optional<TriagedMessage> item = Optional.empty();
    int reportersRemoved = 0;
    // The item is changed only if nobody changed it since it was read; else read again.
    for (int attempt = 1; gone.role() != Role.ITEM && attempt <= MAX_ATTEMPTS; attempt++) {
      Versioned before = findVersioned(gone.itemKey());
      TriagedMessage b = before.message().orElse(null);
      TriagedMessage a = b == null ? null : Forgetting.without(b, gone, this);
      if (a == b) {
        break; // no item, or nothing of the message in it
      }
      if (replace(a, before.version())) {
        item = Optional.of(a);
        reportersRemoved = b.reporters().size() - a.reporters().size();
        break;
      }
    }
    return Optional.of(new Forgotten(gone, item, reportersRemoved));
  }

  /**
   * A message removed by {@link #forget}.
   *
   * @param message what was stored
   * @param item its item as updated (without its traces), when it had one that changed
   * @param reportersRemoved how many names left the item's reporters (0 or 1)
   */
  record Forgotten(TriagedMessage message, Optional<TriagedMessage> item, int reportersRemoved) {}
}
