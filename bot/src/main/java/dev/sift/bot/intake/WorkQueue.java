package dev.sift.bot.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that listeners hand off after acking: a bounded queue served by named worker threads, most
 * urgent first and in arrival order within an urgency. When it is full the least urgent, newest job
 * is shed (and counted) so a burst of chatter can never hold back an outage report.
 */
public final class WorkQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

  /** How urgent a job looks before triage: lower runs first. */
  public static final int LIKELY_P1 = 0;

  public static final int CONTROL = 1;
  public static final int NORMAL = 2;
  public static final int LATER = 3;

  private record Job(
      int urgency, long seq, String name, Runnable work, Runnable onShed, long queuedAt) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final TreeSet<Job> jobs =
      new TreeSet<>(Comparator.comparingInt(Job::urgency).thenComparingLong(Job::seq));
  private final AtomicLong seq = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final int capacity;
  private final LongSupplier nanoTime;
  private final List<Thread> workers = new ArrayList<>();
  private int running;
  private volatile boolean closed;

  public WorkQueue(String name, int workers, int capacity) {
    this(name, workers, capacity, System::nanoTime);
  }

  /**
   * @param nanoTime the clock for how long jobs wait ({@link System#nanoTime} but in tests)
   */
  public WorkQueue(String name, int workers, int capacity, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.nanoTime = nanoTime;
    for (int i = 1; i <= workers; i++) {
      Thread t = new Thread(this::serve, name + "-" + i);
      t.setDaemon(true);
      this.workers.add(t);
      t.start();
    }
  }

  /** Queues work; never blocks, so a listener can ack at once. */
  public void submit(int urgency, String name, Runnable work) {
    submit(urgency, name, work, () -> {});
  }

  /**
   * Queues work with what to do if it is shed unrun (release what it holds).
   *
   * @param onShed runs when the queue is full and this job is the least urgent, newest one
   */
  public void submit(int urgency, String name, Runnable work, Runnable onShed) {
    Job dropped = null;
    lock.lock();
    try {
      jobs.add(new Job(urgency, seq.incrementAndGet(), name, work, onShed, nanoTime.getAsLong()));
      if (jobs.size() > capacity) {
        dropped = jobs.pollLast();
        shed.incrementAndGet();
        log.warn("queue full ({}): shed {}", capacity, dropped.name());
      }
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    if (dropped != null) {
      dropped.onShed().run();
    }
  }

  /** Jobs waiting now. */
  public int size() {
    lock.lock();
    try {
      return jobs.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long the job queued longest ago has waited (zero when nothing waits): a queue that drains
   * slowly shows here before its depth looks alarming.
   */
  public Duration oldestWait() {
    lock.lock();
    try {
      long oldest = Long.MAX_VALUE;
      for (Job job : jobs) {
        oldest = Math.min(oldest, job.queuedAt());
      }
      return oldest == Long.MAX_VALUE
          ? Duration.ZERO
          : Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - oldest));
    } finally {
      lock.unlock();
    }
  }

  /** How many jobs may wait before the least urgent are shed. */
  public int capacity() {
    return capacity;
  }

  public long shed() {
    return shed.get();
  }

  public long done() {
    return done.get();
  }

  /** Waits until nothing is queued or running; true when that happened within the timeout. */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (!jobs.isEmpty() || running > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void serve() {
    while (!closed) {
      Job job;
      lock.lock();
      try {
        while (jobs.isEmpty() && !closed) {
          notEmpty.await();
        }
        if (closed) {
          return;
        }
        job = jobs.pollFirst();
        running++;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      try {
        job.work().run();
      } catch (Throwable e) {
        // Logged and survived: one bad message must not take a worker (and its share of the
        // queue) down with it.
        log.error("{} failed: {}", job.name(), e.toString(), e);
      } finally {
        done.incrementAndGet();
        lock.lock();
        try {
          running--;
          if (jobs.isEmpty() && running == 0) {
            idle.signalAll();
          }
        } finally {
          lock.unlock();
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    lock.lock();
    try {
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    for (Thread t : workers) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
