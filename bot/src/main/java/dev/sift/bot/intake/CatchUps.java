package dev.sift.bot.intake;

import dev.sift.triage.concurrent.NamedThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When catch-ups run: on their own thread, at start and after every reconnect, never piling up
 * (requests while one runs become one more run after it). After a corrupt index was replaced, the
 * first one reads the channels back as far as the rebuild window goes.
 */
public final class CatchUps implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatchUps.class);

  /** How far back a rebuilt index is read from Slack. */
  static final Duration REBUILD_WINDOW = Duration.ofDays(90);

  private final Reconciler reconciler;
  private final boolean rebuilding;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(NamedThreads.named("sift-catch-up"));
  private final AtomicBoolean wanted = new AtomicBoolean();
  private volatile Reconciler.Summary last;

  /**
   * @param rebuilding whether the index was replaced at start and must be read back from Slack
   */
  public CatchUps(Reconciler reconciler, boolean rebuilding) {
    this.reconciler = reconciler;
    this.rebuilding = rebuilding;
  }

  /** Asks for a catch-up; returns at once. */
  public void soon() {
    if (wanted.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            wanted.set(false);
            try {
              Instant rebuildFrom =
                  rebuilding && last == null ? Instant.now().minus(REBUILD_WINDOW) : null;
              last = reconciler.catchUp(rebuildFrom);
            } catch (RuntimeException e) {
              log.warn("catch-up failed: {}", e.toString());
            }
          });
    }
  }

  /** What the last catch-up did, or null before the first one finished. */
  public Reconciler.Summary last() {
    return last;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
