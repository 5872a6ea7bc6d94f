package dev.sift.triage.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread factory of the process: daemon threads named {@code prefix-1}, {@code prefix-2}, …
 * so a thread dump says which pool each thread belongs to.
 */
public final class NamedThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger next = new AtomicInteger();

  private NamedThreads(String prefix) {
    this.prefix = prefix;
  }

  /** Daemon threads named after {@code prefix}. */
  public static NamedThreads named(String prefix) {
    return new NamedThreads(prefix);
  }

  @Override
  public Thread newThread(Runnable work) {
    Thread t = new Thread(work, prefix + "-" + next.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
