package dev.sift.bot.feedback;

import dev.sift.index.SharedNotes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections shared by the replicas of one store: a correction made through one replica is written
 * to the store as well as to its own log, and every replica polls the store every couple of
 * seconds, adds what it lacks to its log and relearns. A replica started later reads them all at
 * start, so it learns what the others were taught before it existed.
 */
public final class SharedCorrections {
  private static final Logger log = LoggerFactory.getLogger(SharedCorrections.class);
  static final String KIND = "correction";

  /**
   * How far before the newest correction seen the next poll reads again: the replicas' clocks
   * differ, and a correction written with an older time by another replica must not be missed.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

  private final SharedNotes notes;
  private final CorrectionLog corrections;
  private final Runnable relearn;
  private final java.util.Queue<Correction> unshared =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private Instant readFrom = Instant.EPOCH;

  /**
   * @param relearn teaches the classifier and the priority model the log's corrections again
   */
  public SharedCorrections(SharedNotes notes, CorrectionLog corrections, Runnable relearn) {
    this.notes = notes;
    this.corrections = corrections;
    this.relearn = relearn;
  }

  /**
   * Shares a correction this replica has just saved in its own log. Never throws: when the store
   * cannot be written, the correction waits here and goes with the next poll.
   */
  public void publish(Correction c) {
    unshared.add(c);
    shareWaiting();
  }

  private synchronized void shareWaiting() {
    Correction next;
    while ((next = unshared.peek()) != null) {
      try {
        notes.put(
            new SharedNotes.Note(KIND, next.messageId(), CorrectionLog.toJson(next), next.at()));
      } catch (RuntimeException e) {
        log.warn(
            "cannot share the correction of {} yet ({} waiting): {}",
            next.messageId(),
            unshared.size(),
            e.toString());
        return;
      }
      unshared.poll();
    }
  }

  /**
   * Adds the corrections other replicas shared since the last poll to this replica's log and
   * relearns if there were any; returns how many. A failure is logged and the next poll reads the
   * same span again.
   */
  public synchronized int pull() {
    shareWaiting();
    int learned = 0;
    Instant newest = readFrom;
    try {
      for (SharedNotes.Note note : notes.since(KIND, readFrom.minus(CLOCK_SKEW))) {
        try {
          learned += corrections.addIfNewer(CorrectionLog.fromJson(note.body())) ? 1 : 0;
        } catch (IOException e) {
          log.warn("skipped an unreadable shared correction of {}: {}", note.id(), e.getMessage());
        }
        if (note.at().isAfter(newest)) {
          newest = note.at();
        }
      }
      readFrom = newest;
    } catch (RuntimeException e) {
      log.warn("cannot read the shared corrections: {}", e.toString());
    }
    if (learned > 0) {
      // Also after a failed read: what reached the log is learnt now, not at the next addition.
      relearn.run();
      log.info("learnt {} corrections made through other replicas", learned);
    }
    return learned;
  }
}
