package dev.sift.bot.intake;

import dev.sift.index.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
      intake.checkpoints().forEach(index::setCheckpoint);
      index.commit();
      last = clock.instant();
      journal.committed(mark);
      intake.requeueSpilled();
    } catch (RuntimeException e) {
      log.warn("index commit failed: {}", e.toString());
    }
  }

  /** Time since the last commit that succeeded (health, metrics, the admin alert). */
  public Duration age() {
    return Duration.between(last, clock.instant());
  }
}
