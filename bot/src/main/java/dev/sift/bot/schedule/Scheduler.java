package dev.sift.bot.schedule;

import dev.sift.triage.concurrent.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of the process: a single named thread that asks every {@link Routine} what is
 * due, at start and then on every tick. Time comes from the injected clock, so tests drive it with
 * a fixed one and call {@link #tick()} themselves.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final Clock clock;
  private final List<Routine> routines;
  private final Duration every;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.named("sift-scheduler"));

  /**
   * @param every how often routines are asked (a digest posts at most this late)
   */
  public Scheduler(Clock clock, List<Routine> routines, Duration every) {
    this.clock = clock;
    this.routines = List.copyOf(routines);
    this.every = every;
  }

  /** Starts ticking: the first tick runs at once, catching up on what fell due while down. */
  public void start() {
    thread.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks every routine once; a routine that throws is logged and asked again next tick. */
  public void tick() {
    for (Routine r : routines) {
      try {
        r.runDue(clock.instant());
      } catch (RuntimeException e) {
        log.error("{} failed: {}", r.name(), e.toString(), e);
      }
    }
  }

  /** Stops ticking; a tick in progress finishes (a post half-made is worse than a late one). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("the scheduler did not finish its tick within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
