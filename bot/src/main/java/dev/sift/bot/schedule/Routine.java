package dev.sift.bot.schedule;

import java.time.Instant;

/** Time-driven work: asked on every tick to do whatever has fallen due by {@code now}. */
public interface Routine {
  /** A short name for logs. */
  String name();

  /**
   * Does what is due by {@code now} and not yet done; what fell due while Sift was down is done
   * once, on the first tick after start. Must return quickly when nothing is due.
   */
  void runDue(Instant now);
}
