package dev.sift.triage.sla;

import java.time.Instant;

/**
 * One timer's progress on one card: how many of its steps were taken (1: the half-way reminder, 2:
 * the breach, 3 and on: repeats) and when the last one was.
 *
 * @param steps steps taken, 0 while nothing was sent
 * @param lastAt when the last step was taken, or null
 */
public record Progress(int steps, Instant lastAt) {
  public static final Progress NONE = new Progress(0, null);

  public Progress {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be 0 or more, got " + steps);
    }
  }
}
