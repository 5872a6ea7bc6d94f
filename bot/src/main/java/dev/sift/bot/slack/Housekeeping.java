package dev.sift.bot.slack;

import dev.sift.bot.Sift;
import dev.sift.bot.alerts.AdminAlerts;
import dev.sift.bot.alerts.Condition;
import dev.sift.bot.feedback.SharedCorrections;
import dev.sift.bot.intake.IndexCommits;
import dev.sift.bot.intake.Reconciler;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.sinks.Sinks;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.verdict.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live app's periodic upkeep on one thread: index commits (checkpoints included), pulling the
 * other replicas' corrections, posting cards that should exist and do not, re-triaging what got the
 * embedded verdict while the LLM was down, and the admin channel's alerts.
 */
final class Housekeeping implements AutoCloseable {
  // Logged under the app's name, as before this wiring left LiveApp.
  private static final Logger log = LoggerFactory.getLogger(LiveApp.class);

  /** A sink failing this long is worth an admin's attention (the outbox holds meanwhile). */
  private static final Duration SINK_ALERT_AFTER = Duration.ofMinutes(5);

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.named("sift-commit"));
  private final Sift sift;
  private final TaskDesk desk;
  private final Reconciler reconciler;
  private final WorkQueue queue;

  private Housekeeping(Sift sift, TaskDesk desk, Reconciler reconciler, WorkQueue queue) {
    this.sift = sift;
    this.desk = desk;
    this.reconciler = reconciler;
    this.queue = queue;
  }

  /**
   * Starts the upkeep.
   *
   * @param sharedCorrections the replicas' shared corrections, or null for a single process
   */
  static Housekeeping start(
      Sift sift,
      IndexCommits commits,
      SharedCorrections sharedCorrections,
      TaskDesk desk,
      Reconciler reconciler,
      WorkQueue queue,
      TriagePipeline pipeline) {
    Housekeeping housekeeping = new Housekeeping(sift, desk, reconciler, queue);
    // Durability: the index commits every few seconds, checkpoints included.
    housekeeping.every("index commit", 2, 2, commits::commit);
    if (sharedCorrections != null) {
      housekeeping.every("shared corrections", 2, 2, sharedCorrections::pull);
    }
    // Cards that should exist and do not (a stop between triage and post, Slack away) are posted.
    housekeeping.every("card sweep", 0, 60, housekeeping::sweepCards);
    if (sift.cascade() != null) {
      housekeeping.every("re-triage", 30, 30, () -> housekeeping.retriage(pipeline));
    }
    return housekeeping;
  }

  /**
   * Ticks the admin channel's alerts every 15 seconds: the app's own conditions, then the sinks'.
   */
  void alertAdmins(
      SlackApi api, String channel, Clock clock, List<Condition> conditions, Sinks sinks) {
    AdminAlerts alerts =
        new AdminAlerts(
            api,
            channel,
            clock,
            Stream.concat(conditions.stream(), sinks.alertConditions(SINK_ALERT_AFTER).stream())
                .toList());
    every("admin alerts", 15, 15, alerts::tick);
  }

  /** Runs a job every {@code periodSeconds}, surviving its failures ({@link #guarded}). */
  private void every(String what, long initialSeconds, long periodSeconds, Runnable job) {
    executor.scheduleWithFixedDelay(
        guarded(what, job), initialSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  /**
   * A periodic job that logs its failure instead of throwing it: a scheduled executor silently
   * cancels every later run of a job that throws once, so one bad index read would stop re-triage,
   * or commits, for good.
   */
  static Runnable guarded(String what, Runnable job) {
    return () -> {
      try {
        job.run();
      } catch (RuntimeException e) {
        log.error("{} failed; it runs again at its next turn: {}", what, e.toString(), e);
      }
    };
  }

  /**
   * Messages that got the embedded verdict while the LLM was down go through triage again, a few at
   * a time, once it answers (each attempt that fails puts them back in the waiting list).
   */
  private void retriage(TriagePipeline pipeline) {
    var keys = sift.cascade().takeRetriage(50);
    if (keys.isEmpty()) {
      return;
    }
    var messages =
        keys.stream()
            .map(pipeline::find)
            .flatMap(java.util.Optional::stream)
            .map(dev.sift.triage.item.TriagedMessage::message)
            .toList();
    queue.submit(
        WorkQueue.LATER, "re-triage " + messages.size(), () -> pipeline.processAll(messages));
  }

  private void sweepCards() {
    // Not history that `sift backfill` read from before Sift watched the channel: no cards.
    desk.sweep(
        sift
            .items()
            .items(
                new ItemQuery(
                    null,
                    Instant.now().minus(Duration.ofDays(1)),
                    Set.of(),
                    Set.of(Status.OPEN, Status.ACKED),
                    ItemQuery.Order.PRIORITY,
                    500))
            .stream()
            .filter(i -> reconciler.watched(i.message().channelId(), i.message().ts()))
            .toList());
  }

  /** Stops the upkeep, letting a commit in progress finish (waits up to 10 seconds). */
  @Override
  public void close() {
    executor.shutdown(); // a commit in progress finishes: interrupting Lucene's IO is fatal
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
