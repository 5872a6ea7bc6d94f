package dev.sift.bot.sinks;

import dev.sift.bot.intake.Journal;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A sink's events waiting to be delivered, in order, on disk: the intake's {@link Journal}, so an
 * event added is fsynced before {@link #add} returns, and one not yet delivered when Sift stops is
 * delivered after the next start.
 */
final class Outbox implements AutoCloseable {
  /** Delivered events are let go from disk in batches of at most this many. */
  private static final int FORGET_EVERY = 64;

  private final Journal journal;
  private final LinkedBlockingDeque<Journal.Entry> waiting = new LinkedBlockingDeque<>();
  private int deliveredSinceForget;

  private Outbox(Journal journal) {
    this.journal = journal;
    waiting.addAll(journal.unfinished());
  }

  static Outbox open(Path dir) {
    return new Outbox(Journal.open(dir));
  }

  /** Adds an event once it is on disk; one at a time, so the order on disk is the order sent. */
  synchronized void add(String payload) {
    long seq = journal.append(payload).join();
    waiting.add(new Journal.Entry(seq, payload));
  }

  /** The oldest undelivered event, waiting up to {@code millis} for one; null if none came. */
  Journal.Entry oldest(long millis) throws InterruptedException {
    Journal.Entry e = waiting.peekFirst();
    if (e != null) {
      return e;
    }
    e = waiting.pollFirst(millis, TimeUnit.MILLISECONDS);
    if (e != null) {
      waiting.addFirst(e);
    }
    return e;
  }

  /** The oldest undelivered event without waiting, or null. */
  Journal.Entry peek() {
    return waiting.peekFirst();
  }

  /** The oldest event is delivered (or set aside): it is let go. */
  synchronized void done(Journal.Entry e) {
    waiting.remove(e);
    journal.processed(e.seq());
    if (++deliveredSinceForget >= FORGET_EVERY || waiting.isEmpty()) {
      journal.committed(journal.lowWater());
      deliveredSinceForget = 0;
    }
  }

  /** Events waiting: the sink's lag. */
  int size() {
    return waiting.size();
  }

  @Override
  public void close() {
    journal.close();
  }
}
