package dev.sift.bot.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.storage.ReplicaMarks;
import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.Selection;
import dev.sift.index.SharedNotes;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@link Purge} on a store several replicas share (SolrCloud): the messages leave the collection
 * with their traces in items, the corrections the replicas share lose them too, and so does this
 * host's data folder. Every replica must be stopped first, as the embedded index's write lock
 * demands of {@code sift run}: a running one could write a purged message back from its queue.
 *
 * <p>Each replica keeps a data folder of its own (its correction log, failed events, journal), so
 * the purge is run once on every replica's host. The ids of the messages a run removes are kept in
 * the store under the target, written before the first is removed, so a later run (on another host,
 * or after a run that failed half-way) knows which corrections were of them. A dry run erases a
 * copy, in memory, of the messages and items concerned: SolrCloud has no rollback.
 */
public final class SharedPurge {
  /** Notes of the message ids a purge removed, by target ({@code user U0ANA}). */
  static final String PURGED = "purged";

  private static final String CORRECTION = "correction";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedPurge() {}

  /**
   * Purges {@code target} from the shared store and from {@code dataDir}; records it in {@code
   * audit} unless a dry run.
   *
   * @throws IllegalArgumentException when a replica of the store is running, or this host's journal
   *     holds events not triaged
   */
  public static Purge.Report run(
      MessageStore store,
      Path dataDir,
      Purge.Target target,
      boolean dryRun,
      Audit audit,
      String actor,
      Instant now) {
    long start = System.nanoTime();
    SharedNotes notes = store.notes();
    refuseWhileRunning(notes, now);
    Path journal = dataDir.resolve("journal");
    int journalSegments = JournalTraces.check(journal); // refuses before anything changes
    Purge.Target resolved = Purge.resolve(store, target);
    Selection selection = Purge.selection(resolved);
    Set<String> removed = new TreeSet<>(removedBefore(notes, resolved));
    Erased erased;
    if (dryRun) {
      try (MessageIndex copy = concerned(store, selection)) {
        erased = Eraser.offline(copy).erase(selection);
      }
    } else {
      // Recorded before anything is removed: a purge that fails half-way leaves no trace of what
      // it removed but this, and its rerun (here or on another host) needs it for the corrections.
      int before = removed.size();
      store.keys(selection).forEach(k -> removed.add(k.id()));
      if (removed.size() > before) {
        notes.put(new SharedNotes.Note(PURGED, resolved.toString(), ids(removed), now));
      }
      erased = Eraser.offline(store).erase(selection);
    }
    removed.addAll(erased.ids());
    UnaryOperator<Correction> change = Purge.corrections(resolved, removed);
    CorrectionLog.Rewrite shared = rewriteShared(notes, change, dryRun);
    Purge.Local local = Purge.cleanLocal(dataDir, resolved, removed, dryRun);
    if (!dryRun) {
      JournalTraces.clear(journal);
    }
    Purge.Report report =
        new Purge.Report(
            resolved,
            dryRun,
            erased,
            local.corrections(),
            shared,
            local.failedEvents(),
            journalSegments,
            Duration.ofNanos(System.nanoTime() - start));
    if (!dryRun) {
      audit.record(actor, "purge", resolved.toString(), report.details());
    }
    return report;
  }

  private static void refuseWhileRunning(SharedNotes notes, Instant now) {
    Map<String, Instant> running = ReplicaMarks.running(notes, now);
    if (!running.isEmpty()) {
      throw new IllegalArgumentException(
          "replicas of this collection are running: "
              + running.entrySet().stream()
                  .map(
                      r ->
                          r.getKey()
                              + " (renewed its marks "
                              + Duration.between(r.getValue(), now).toSeconds()
                              + " s ago)")
                  .collect(Collectors.joining(", "))
              + "; a running replica could store a purged message again. Stop every `sift run`"
              + " on it (a replica counts as running for 2 minutes after its last renewal),"
              + " then purge. Nothing was changed");
    }
  }

  /**
   * An in-memory copy of what erasing {@code selection} reads and changes: the messages selected,
   * their items, and the items' other reports (whose authors an item keeps).
   */
  private static MessageIndex concerned(MessageStore store, Selection selection) {
    MessageIndex copy = MessageIndex.inMemory();
    for (MessageKey key : store.keys(selection)) {
      store
          .find(key)
          .ifPresent(
              m -> {
                copy.upsert(m);
                if (m.role() != Role.ITEM) {
                  store.find(m.itemKey()).ifPresent(item -> copyWithReports(store, item, copy));
                }
              });
    }
    copy.refresh();
    return copy;
  }

  private static void copyWithReports(MessageStore store, TriagedMessage item, MessageIndex copy) {
    copy.upsert(item);
    for (String id : item.reportIds()) {
      store.find(MessageKey.parse(id)).ifPresent(copy::upsert);
    }
  }

  /** Changes the shared corrections as the data folder's log is changed. */
  private static CorrectionLog.Rewrite rewriteShared(
      SharedNotes notes, UnaryOperator<Correction> change, boolean dryRun) {
    int removed = 0;
    int changed = 0;
    for (SharedNotes.Note note : notes.since(CORRECTION, Instant.EPOCH)) {
      Correction before;
      try {
        before = CorrectionLog.fromJson(note.body());
      } catch (IOException e) {
        continue; // not one Sift can read, so not one it learns from either
      }
      Correction after = change.apply(before);
      if (after == null) {
        removed++;
        if (!dryRun) {
          notes.remove(CORRECTION, note.id());
        }
      } else if (!after.equals(before)) {
        changed++;
        if (!dryRun) {
          notes.put(
              new SharedNotes.Note(CORRECTION, note.id(), CorrectionLog.toJson(after), note.at()));
        }
      }
    }
    return new CorrectionLog.Rewrite(removed, changed);
  }

  /** The ids an earlier run for the same target removed from the store (on another host). */
  private static Set<String> removedBefore(SharedNotes notes, Purge.Target target) {
    for (SharedNotes.Note note : notes.since(PURGED, Instant.EPOCH)) {
      if (note.id().equals(target.toString())) {
        try {
          return JSON.readValue(note.body(), new TypeReference<Set<String>>() {});
        } catch (IOException e) {
          throw new UncheckedIOException(
              "the store's record of an earlier purge of " + target + " is unreadable", e);
        }
      }
    }
    return Set.of();
  }

  private static String ids(Set<String> ids) {
    try {
      return JSON.writeValueAsString(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
