package dev.sift.bot.sinks;

import dev.sift.bot.intake.Journal;
import dev.sift.triage.concurrent.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one sink's outbox in order, on its own thread: an event the sink cannot take now is
 * tried again after a back-off that doubles from one second to a minute, with jitter so a fleet of
 * senders does not come back at once; the events behind it wait, so the sink gets them in order
 * once it is back. Only an event the sink refuses for good, or one still failing after {@code
 * give_up_after}, is set aside.
 */
final class SinkRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  private final SinkSettings settings;
  private final Outbox outbox;
  private final Transport transport;
  private final SetAside setAside;
  private final Clock clock;
  private final Duration firstWait;
  private final ExecutorService thread;
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private volatile Instant failingSince;
  private volatile String lastError;
  private volatile boolean stopping;

  SinkRunner(
      SinkSettings settings,
      Outbox outbox,
      Transport transport,
      SetAside setAside,
      Clock clock,
      Duration firstWait) {
    this.settings = settings;
    this.outbox = outbox;
    this.transport = transport;
    this.setAside = setAside;
    this.clock = clock;
    this.firstWait = firstWait;
    this.thread =
        Executors.newSingleThreadExecutor(NamedThreads.named("sift-sink-" + settings.name()));
    thread.submit(this::deliverForever);
  }

  void enqueue(String payload) {
    outbox.add(payload);
  }

  SinkSettings settings() {
    return settings;
  }

  long sent() {
    return sent.sum();
  }

  long failed() {
    return failed.sum();
  }

  int lag() {
    return outbox.size();
  }

  /** The last failure's detail (an HTTP status, an exception), or null before any. */
  String lastError() {
    return lastError;
  }

  /** How long the oldest waiting event has waited, zero when none waits. */
  Duration oldestWait() {
    Journal.Entry oldest = outbox.peek();
    if (oldest == null) {
      return Duration.ZERO;
    }
    Instant time = Outgoing.of(oldest.payload()).time();
    return time == null ? Duration.ZERO : Duration.between(time, clock.instant());
  }

  /** Events set aside in the dead-letter file. */
  int deadLetters() {
    return setAside.count();
  }

  /** Since when every delivery has failed, or null while the sink takes events. */
  Instant failingSince() {
    return failingSince;
  }

  private void deliverForever() {
    Duration wait = firstWait;
    Instant firstFailure = null;
    while (!stopping) {
      Journal.Entry next;
      try {
        next = outbox.oldest(500);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        continue;
      }
      Outgoing event = Outgoing.of(next.payload());
      String id = event.id();
      Transport.Result result = send(event);
      switch (result.outcome()) {
        case DELIVERED -> {
          sent.increment();
          outbox.done(next);
          wait = firstWait;
          firstFailure = null;
          failingSince = null;
        }
        case REFUSED -> {
          failed.increment();
          lastError = result.detail();
          // A sink that refuses everything (a wrong secret, a moved endpoint) is failing too.
          failingSince = failingSince == null ? clock.instant() : failingSince;
          setAside(next, id, "refused: " + result.detail());
          wait = firstWait;
          firstFailure = null;
        }
        case TRY_AGAIN -> {
          failed.increment();
          lastError = result.detail();
          Instant now = clock.instant();
          firstFailure = firstFailure == null ? now : firstFailure;
          if (failingSince == null) {
            failingSince = now;
            log.warn(
                "sink '{}' cannot take events ({}); trying again with back-off, {} waiting",
                settings.name(),
                result.detail(),
                outbox.size());
          }
          if (Duration.between(firstFailure, now).compareTo(settings.giveUpAfter()) > 0) {
            setAside(
                next, id, "failing for over " + settings.giveUpAfter() + ": " + result.detail());
            firstFailure = null;
            continue;
          }
          // A sink that said when to come back (Retry-After) is not asked sooner.
          Duration pause = jittered(wait);
          if (!sleep(result.retryAfter().compareTo(pause) > 0 ? result.retryAfter() : pause)) {
            return;
          }
          wait =
              wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0
                  ? LONGEST_WAIT
                  : wait.multipliedBy(2);
        }
      }
    }
  }

  private void setAside(Journal.Entry e, String id, String why) {
    setAside.add(new SetAside.Letter(id, e.payload(), why, clock.instant()));
    outbox.done(e);
    log.error(
        "sink '{}' did not take event {} ({}); it is in its dead letters: `sift sinks replay"
            + " --sink {}` sends it again",
        settings.name(),
        id,
        why,
        settings.name());
  }

  /** A transport that throws is a sink that failed this time, not a dead delivery thread. */
  private Transport.Result send(Outgoing event) {
    try {
      return transport.send(event);
    } catch (RuntimeException e) {
      return Transport.Result.tryAgain(e.toString());
    }
  }

  /** Between half and all of the wait, so senders that failed together retry apart. */
  private static Duration jittered(Duration wait) {
    long ms = wait.toMillis();
    return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
  }

  private boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stopping = true;
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    transport.close();
    outbox.close();
  }
}
