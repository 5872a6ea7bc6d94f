package dev.sift.bot.digest;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * The instants a cron expression falls on in a time zone, with one rule for daylight-saving changes
 * so that a change neither skips nor doubles a slot.
 *
 * <p>Cron is evaluated on the wall clock (local date-times, where no day has a gap or an overlap);
 * each local slot then becomes one instant: a time that does not exist (02:30 on the night clocks
 * go forward) becomes the instant the clocks jump (03:00 new time), and a time that happens twice
 * (01:30 on the night clocks go back) is taken the first time. Local slots that land on the same
 * instant are one slot, since a slot is known by its instant.
 */
public final class Slots {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** More than any zone's daylight-saving shift: how far to look around an instant's wall time. */
  private static final Duration MARGIN = Duration.ofHours(3);

  /** A bound on the search, so a cron that never fires (30 February) cannot loop. */
  private static final int MAX_STEPS = 10_000;

  private final ExecutionTime cron;
  private final ZoneId zone;

  private Slots(ExecutionTime cron, ZoneId zone) {
    this.cron = cron;
    this.zone = zone;
  }

  /**
   * The slots of a standard 5-field UNIX cron expression ({@code 30 9 * * 1-5}) in a zone.
   *
   * @throws IllegalArgumentException naming the problem when the expression is not valid cron
   */
  public static Slots of(String expression, ZoneId zone) {
    Cron parsed;
    try {
      parsed = UNIX.parse(expression.trim()).validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + expression
              + "' is not a 5-field cron expression (minute hour day-of-month month day-of-week,"
              + " e.g. '0 9 * * 1-5'): "
              + e.getMessage(),
          e);
    }
    return new Slots(ExecutionTime.forCron(parsed), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first slot strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    LocalDateTime local = after.atZone(zone).toLocalDateTime().minus(MARGIN);
    for (int i = 0; i < MAX_STEPS; i++) {
      Optional<ZonedDateTime> n = cron.nextExecution(local.atZone(ZoneOffset.UTC));
      if (n.isEmpty()) {
        return Optional.empty();
      }
      local = n.get().toLocalDateTime();
      Instant slot = instant(local);
      if (slot.isAfter(after)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  /** The last slot at or before {@code atOrBefore}. */
  public Optional<Instant> latest(Instant atOrBefore) {
    // lastExecution is strictly before its argument: start just past the wall time plus a margin.
    LocalDateTime local = atOrBefore.atZone(zone).toLocalDateTime().plus(MARGIN).plusSeconds(1);
    for (int i = 0; i < MAX_STEPS; i++) {
      Optional<ZonedDateTime> p = cron.lastExecution(local.atZone(ZoneOffset.UTC));
      if (p.isEmpty()) {
        return Optional.empty();
      }
      local = p.get().toLocalDateTime();
      Instant slot = instant(local);
      if (!slot.isAfter(atOrBefore)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  /** The slot before {@code slot}: where a window "since the previous slot" starts. */
  public Optional<Instant> previous(Instant slot) {
    return latest(slot.minusNanos(1));
  }

  /** The wall-clock time of an instant in this zone, e.g. for "Sift was down at 09:00". */
  public LocalDateTime local(Instant instant) {
    return instant.atZone(zone).toLocalDateTime();
  }

  private Instant instant(LocalDateTime local) {
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    if (gap != null && gap.isGap()) {
      return gap.getInstant();
    }
    // Valid or overlapping: ofLocal without a preference takes the earlier offset.
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
