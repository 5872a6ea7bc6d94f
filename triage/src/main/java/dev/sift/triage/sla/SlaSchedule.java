package dev.sift.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule for which reminder of a timer is due: the half-way reminder once half the SLA has
 * passed, the breach at the deadline, then a repeat every {@code repeat_every} after the last one,
 * up to the cap.
 *
 * <p>Only the most advanced step that is due is returned, and repeats count from the last one sent,
 * not from the deadline: after Sift was down for hours it sends one message, not one per interval
 * it missed.
 */
public final class SlaSchedule {
  /** What kind of reminder a step is. */
  public enum Kind {
    REMINDER,
    BREACH,
    REPEAT
  }

  /**
   * A step that is due.
   *
   * @param kind which kind
   * @param stepsAfter the timer's step count once it is taken (also its identity for claims)
   * @param deadline when the SLA ends (or ended)
   * @param repeat for a repeat, which one (1 for the first), else 0
   */
  public record Due(Kind kind, int stepsAfter, Instant deadline, int repeat) {}

  private SlaSchedule() {}

  /**
   * The step due by {@code now} for a timer started at {@code start}, if any.
   *
   * @param policy for the repeat interval, the cap and the business hours
   */
  public static Optional<Due> due(
      Target target, SlaPolicy policy, Instant start, Progress progress, Instant now) {
    BusinessHours hours = policy.hours();
    Instant deadline = target.deadline(start, hours);
    int steps = progress.steps();
    if (steps < 2) {
      if (!now.isBefore(deadline)) {
        return Optional.of(new Due(Kind.BREACH, 2, deadline, 0));
      }
      Instant half = target.halfway(start, hours);
      return steps == 0 && !now.isBefore(half)
          ? Optional.of(new Due(Kind.REMINDER, 1, deadline, 0))
          : Optional.empty();
    }
    if (steps >= 2 + policy.maxRepeats()) {
      return Optional.empty();
    }
    Instant last = progress.lastAt() == null ? deadline : progress.lastAt();
    Instant next = target.later(last, policy.repeatEvery(), hours);
    return now.isBefore(next)
        ? Optional.empty()
        : Optional.of(new Due(Kind.REPEAT, steps + 1, deadline, steps - 1));
  }

  /** How late an item is at {@code now}: wall-clock time since its deadline. */
  public static Duration overdue(Due due, Instant now) {
    return Duration.between(due.deadline(), now);
  }
}
