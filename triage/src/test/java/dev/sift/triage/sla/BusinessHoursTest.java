package dev.sift.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final BusinessHours office = BusinessHours.officeHours(LONDON);

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), LONDON).toInstant();
  }

  @Test
  void should_end_two_business_days_from_friday_afternoon_on_tuesday_at_the_same_time() {
    // 2026-12-04 is a Friday.
    assertThat(office.plus(at("2026-12-04T16:00"), office.day().multipliedBy(2)))
        .isEqualTo(at("2026-12-08T16:00"));
  }

  @Test
  void should_put_half_of_two_business_days_from_friday_afternoon_on_monday_not_the_weekend() {
    assertThat(office.plus(at("2026-12-04T16:00"), office.day())).isEqualTo(at("2026-12-07T16:00"));
  }

  @Test
  void should_start_counting_at_opening_time_when_started_at_night() {
    assertThat(office.plus(at("2026-12-07T22:30"), Duration.ofHours(1)))
        .isEqualTo(at("2026-12-08T10:00"));
  }

  @Test
  void should_skip_holidays() {
    BusinessHours christmas =
        office.withHolidays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
    // Thursday 24th 16:00 + 2h: 1h on Thursday, Friday and Monday are holidays, then Tuesday.
    assertThat(christmas.plus(at("2026-12-24T16:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-12-29T10:00"));
  }

  @Test
  void should_count_a_day_that_spans_a_clock_change_by_its_local_hours() {
    // 2026-10-25 is a Sunday when London leaves summer time; Friday 16:00 + 2h is Monday 10:00.
    assertThat(office.plus(at("2026-10-23T16:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-10-26T10:00"));
  }

  @Test
  void should_refuse_hours_that_end_before_they_start_or_no_working_days() {
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    LONDON,
                    Set.of(DayOfWeek.MONDAY),
                    LocalTime.of(18, 0),
                    LocalTime.of(9, 0),
                    null))
        .hasMessageContaining("must be before");
    assertThatThrownBy(
            () ->
                new BusinessHours(LONDON, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), null))
        .hasMessageContaining("at least one day");
  }
}
