package dev.sift.triage.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing: after {@code threshold} failures in a row it opens
 * for {@code cooldown}, then lets one call through; success closes it, failure opens it again.
 * While open, messages get the embedded verdict and wait for re-triage.
 */
public final class CircuitBreaker {
  private final int threshold;
  private final Duration cooldown;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;
  private boolean trial;

  public CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
    this.threshold = threshold;
    this.cooldown = cooldown;
    this.clock = clock;
  }

  /** Whether a call may go out now. */
  public synchronized boolean allows() {
    if (failures < threshold) {
      return true;
    }
    if (clock.instant().isBefore(openUntil) || trial) {
      return false;
    }
    trial = true; // half-open: one call finds out whether the provider is back
    return true;
  }

  public synchronized void succeeded() {
    failures = 0;
    trial = false;
  }

  public synchronized void failed() {
    failures++;
    trial = false;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(cooldown);
    }
  }

  public synchronized boolean isOpen() {
    return failures >= threshold;
  }
}
