package dev.sift.bot.intake;

import dev.sift.index.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes triage durable, every couple of seconds: the channels' low-water marks go into the index
 * commit with the documents, and the journal forgets what that commit covers (its mark is taken
 * first, so an entry finished during the commit stays until the next one). Work a full queue set
 * aside comes back after each commit.
 */
public final class IndexCommits {
  private static final Logger log = LoggerFactory.getLogger(IndexCommits.class);

  private final MessageStore index;
  private final Journal journal;
  private final Intake intake;
  private final Clock clock;
  private volatile Instant last;
  private volatile Consumer<Map<String, String>> committed = marks -> {};

  public IndexCommits(MessageStore index, Journal journal, Intake intake, Clock clock) {
    this.index = index;
    this.journal = journal;
    this.intake = intake;
    this.clock = clock;
    this.last = clock.instant();
  }

  /** Commits once; a failure is logged and the next run tries again. */
  public void commit() {
    try {
      long mark = journal.lowWater();
      Map<String, String> marks = intake.checkpoints();
      marks.forEach(index::setCheckpoint);
      index.commit();
      last = clock.instant();
      journal.committed(mark);
      committed.accept(marks);
      intake.requeueSpilled();
    } catch (RuntimeException e) {
      log.warn("index commit failed: {}", e.toString());
    }
  }

  /**
   * Tells {@code listener} the channels' marks each commit made durable (replicas share them, so
   * the others can cover a replica that dies).
   */
  public void onCommitted(Consumer<Map<String, String>> listener) {
    this.committed = listener;
  }

  /** Time since the last commit that succeeded (health, metrics, the admin alert). */
  public Duration age() {
    return Duration.between(last, clock.instant());
  }
}
