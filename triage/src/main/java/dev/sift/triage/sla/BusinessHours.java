package dev.sift.triage.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A team's working week: the days and hours that count towards a business-time SLA in its time
 * zone, less its holidays. "2 business days" from Friday 16:00 ends on Tuesday 16:00, not Sunday.
 *
 * @param zone the time zone the hours are in
 * @param days the working days
 * @param start when a working day starts
 * @param end when it ends (after {@code start}: night shifts are not modelled)
 * @param holidays whole days that do not count, in {@code zone}
 */
public record BusinessHours(
    ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, Set<LocalDate> holidays) {

  /** How far ahead a deadline is looked for before the calendar is judged to have no work days. */
  private static final int MAX_DAYS = 3660;

  public BusinessHours {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business_hours.days must name at least one day");
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "business_hours.start (" + start + ") must be before business_hours.end (" + end + ")");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  /** Monday to Friday, 09:00 to 17:00 in {@code zone}, no holidays. */
  public static BusinessHours officeHours(ZoneId zone) {
    return new BusinessHours(
        zone,
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        Set.of());
  }

  /** The same hours with other holidays. */
  public BusinessHours withHolidays(Set<LocalDate> dates) {
    return new BusinessHours(zone, days, start, end, dates);
  }

  /** The length of one working day: what "1 business day" means. */
  public Duration day() {
    return Duration.between(start, end);
  }

  /** The instant when {@code amount} of business time has passed since {@code from}. */
  public Instant plus(Instant from, Duration amount) {
    Duration left = amount;
    ZonedDateTime at = from.atZone(zone);
    for (int i = 0; i < MAX_DAYS; i++) {
      LocalDate date = at.toLocalDate();
      if (days.contains(date.getDayOfWeek()) && !holidays.contains(date)) {
        ZonedDateTime open = date.atTime(start).atZone(zone);
        ZonedDateTime close = date.atTime(end).atZone(zone);
        ZonedDateTime from0 = at.isBefore(open) ? open : at;
        if (from0.isBefore(close)) {
          Duration available = Duration.between(from0, close);
          if (left.compareTo(available) <= 0) {
            return from0.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      at = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException(
        "no working time in the next " + MAX_DAYS + " days: check business_hours and holidays");
  }
}
