package dev.sift.bot.intake;

import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.message.SlackTs;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When catch-ups run: on their own thread, at start and after every reconnect, never piling up
 * (requests while one runs become one more run after it). A catch-up reads from the checkpoints as
 * they were before the connection it follows: events of the new connection move them on, past what
 * was missed while there was none. After a corrupt index was replaced, the first one reads the
 * channels back as far as the rebuild window goes.
 */
public final class CatchUps implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatchUps.class);

  /** How far back a rebuilt index is read from Slack. */
  static final Duration REBUILD_WINDOW = Duration.ofDays(90);

  private final Reconciler reconciler;
  private final Intake intake;
  private final boolean rebuilding;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(NamedThreads.named("sift-catch-up"));
  private final AtomicBoolean wanted = new AtomicBoolean();
  private final Object lock = new Object();
  private Map<String, String> from; // the checkpoints the next run reads from
  private volatile Reconciler.Summary last;

  /**
   * @param rebuilding whether the index was replaced at start and must be read back from Slack
   */
  public CatchUps(Reconciler reconciler, Intake intake, boolean rebuilding) {
    this.reconciler = reconciler;
    this.intake = intake;
    this.rebuilding = rebuilding;
  }

  /**
   * Asks for a catch-up from these checkpoints (taken before the first connection, or when one came
   * back); returns at once. Requests that meet before a run are merged, each channel from the
   * earliest.
   */
  public void from(Map<String, String> checkpoints) {
    synchronized (lock) {
      from = from == null ? Map.copyOf(checkpoints) : earliest(from, checkpoints);
    }
    if (wanted.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            wanted.set(false);
            Map<String, String> start;
            synchronized (lock) {
              start = from;
              from = null;
            }
            try {
              if (!intake.awaitReplayed(2, TimeUnit.MINUTES)) {
                log.warn("the journal's replay is slow; catching up before it is done");
              }
              Instant rebuildFrom =
                  rebuilding && last == null ? Instant.now().minus(REBUILD_WINDOW) : null;
              last = reconciler.catchUp(start, rebuildFrom);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              log.warn("catch-up failed: {}", e.toString());
            }
          });
    }
  }

  /** Each channel from the earlier checkpoint; a channel one of them lacks is read from scratch. */
  static Map<String, String> earliest(Map<String, String> a, Map<String, String> b) {
    Map<String, String> out = new HashMap<>();
    a.forEach(
        (channel, ts) -> {
          String other = b.get(channel);
          if (other != null) {
            out.put(channel, SlackTs.micros(ts) <= SlackTs.micros(other) ? ts : other);
          }
        });
    return out;
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
