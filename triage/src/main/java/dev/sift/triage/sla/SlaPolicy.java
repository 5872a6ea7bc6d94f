package dev.sift.triage.sla;

import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLAs one team works to: per priority, how long a card may wait to be acknowledged and
 * (optionally) resolved; whom a breach escalates to; how often and how many times a breach is
 * repeated; and the team's business hours.
 *
 * @param acknowledge per priority, the acknowledge SLA; a priority that is absent has none
 * @param resolve per priority, the resolve SLA; absent means none
 * @param escalateTo the backup told at breach, or null to tell only the owner (or channel)
 * @param repeatEvery how long after the last breach reminder the next one is due
 * @param maxRepeats how many reminders follow the breach at most (0: the breach is the last)
 * @param hours the business hours business-time SLAs count in
 */
public record SlaPolicy(
    Map<Priority, Target> acknowledge,
    Map<Priority, Target> resolve,
    Escalation escalateTo,
    Duration repeatEvery,
    int maxRepeats,
    BusinessHours hours) {

  public SlaPolicy {
    acknowledge = copy(acknowledge);
    resolve = copy(resolve);
    Objects.requireNonNull(repeatEvery, "repeatEvery");
    Objects.requireNonNull(hours, "hours");
    if (repeatEvery.isNegative() || repeatEvery.isZero()) {
      throw new IllegalArgumentException("repeat_every must be longer than zero");
    }
    if (maxRepeats < 0) {
      throw new IllegalArgumentException("max_repeats must be 0 or more, got " + maxRepeats);
    }
  }

  /**
   * The defaults: P1 acknowledged within 15 minutes, P2 within 4 hours, P3 within 2 business days
   * (Monday to Friday, 09:00–17:00 in {@code zone}), P4 never chased; a breach repeated every 30
   * minutes, 3 times at most, to the owner or channel alone.
   */
  public static SlaPolicy defaults(ZoneId zone) {
    BusinessHours hours = BusinessHours.officeHours(zone);
    Map<Priority, Target> ack = new EnumMap<>(Priority.class);
    ack.put(Priority.P1, new Target(Duration.ofMinutes(15), Target.Kind.WALL_CLOCK, "15m"));
    ack.put(Priority.P2, new Target(Duration.ofHours(4), Target.Kind.WALL_CLOCK, "4h"));
    ack.put(
        Priority.P3, new Target(Duration.ofDays(2), Target.Kind.BUSINESS_DAYS, "2 business days"));
    return new SlaPolicy(ack, Map.of(), null, Duration.ofMinutes(30), 3, hours);
  }

  /** The SLA of one timer for a priority, if it has one. */
  public Optional<Target> target(Timer timer, Priority priority) {
    return Optional.ofNullable((timer == Timer.ACKNOWLEDGE ? acknowledge : resolve).get(priority));
  }

  private static Map<Priority, Target> copy(Map<Priority, Target> targets) {
    return targets == null || targets.isEmpty() ? Map.of() : Map.copyOf(targets);
  }
}
