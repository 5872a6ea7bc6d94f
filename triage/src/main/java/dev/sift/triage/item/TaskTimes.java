package dev.sift.triage.item;

import dev.sift.triage.sla.Progress;
import dev.sift.triage.sla.Timer;
import java.time.Instant;

/**
 * A task's SLA clock readings (when its timers started, when it was acknowledged and resolved, how
 * far each timer has gone), stored with the item so that a restart recomputes every timer from the
 * index instead of starting them again.
 *
 * @param startedAt when the timers started (the card was first seen, or the item reopened), or null
 *     before that
 * @param acknowledgedAt when someone acknowledged the card, or null
 * @param resolvedAt when someone resolved it, or null
 * @param acknowledge progress of the acknowledge timer
 * @param resolve progress of the resolve timer
 */
public record TaskTimes(
    Instant startedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    Progress acknowledge,
    Progress resolve) {
  /** No timer started. */
  public static final TaskTimes NONE = new TaskTimes(null, null, null, null, null);

  public TaskTimes {
    acknowledge = acknowledge == null ? Progress.NONE : acknowledge;
    resolve = resolve == null ? Progress.NONE : resolve;
  }

  /** Fresh timers from {@code at}: a new card, or a reopened item that is owed a new answer. */
  public static TaskTimes startingAt(Instant at) {
    return new TaskTimes(at, null, null, null, null);
  }

  public Progress progress(Timer timer) {
    return timer == Timer.ACKNOWLEDGE ? acknowledge : resolve;
  }

  public TaskTimes with(Timer timer, Progress p) {
    return timer == Timer.ACKNOWLEDGE
        ? new TaskTimes(startedAt, acknowledgedAt, resolvedAt, p, resolve)
        : new TaskTimes(startedAt, acknowledgedAt, resolvedAt, acknowledge, p);
  }

  /** The first acknowledgement is kept: the time to acknowledge is measured to it. */
  public TaskTimes acknowledged(Instant at) {
    return new TaskTimes(
        startedAt, acknowledgedAt != null ? acknowledgedAt : at, resolvedAt, acknowledge, resolve);
  }

  public TaskTimes resolved(Instant at) {
    return new TaskTimes(startedAt, acknowledgedAt, at, acknowledge, resolve);
  }
}
