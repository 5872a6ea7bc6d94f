package dev.sift.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void should_fall_on_the_cron_time_in_the_schedules_zone() {
    Slots weekdays = Slots.of("0 9 * * 1-5", BERLIN);

    // Wed 2 Dec 2026, 08:00 UTC is 09:00 in Berlin (CET, +1).
    assertThat(weekdays.latest(Instant.parse("2026-12-02T08:00:00Z")))
        .contains(Instant.parse("2026-12-02T08:00:00Z"));
    assertThat(weekdays.latest(Instant.parse("2026-12-02T07:59:59Z")))
        .contains(Instant.parse("2026-12-01T08:00:00Z"));
    // Friday's slot is followed by Monday's.
    assertThat(weekdays.next(Instant.parse("2026-12-04T08:00:00Z")))
        .contains(Instant.parse("2026-12-07T08:00:00Z"));
  }

  @Test
  void should_post_once_on_a_spring_forward_night_when_the_slot_time_does_not_exist() {
    // New York skips 02:00-03:00 on Sun 8 Mar 2026: 02:30 becomes 03:00 EDT (07:00 UTC).
    List<Instant> slots = between("30 2 * * *", NEW_YORK, "2026-03-06T12:00:00Z", 4);

    assertThat(slots)
        .containsExactly(
            Instant.parse("2026-03-07T07:30:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-03-09T06:30:00Z"),
            Instant.parse("2026-03-10T06:30:00Z"));
  }

  @Test
  void should_post_once_on_a_fall_back_night_when_the_slot_time_happens_twice() {
    // New York repeats 01:00-02:00 on Sun 1 Nov 2026: 01:30 is taken the first time (EDT).
    List<Instant> slots = between("30 1 * * *", NEW_YORK, "2026-10-30T12:00:00Z", 4);

    assertThat(slots)
        .containsExactly(
            Instant.parse("2026-10-31T05:30:00Z"),
            Instant.parse("2026-11-01T05:30:00Z"),
            Instant.parse("2026-11-02T06:30:00Z"),
            Instant.parse("2026-11-03T06:30:00Z"));
    // Between the two 01:30s (05:30Z and 06:30Z) the latest slot is still the first one.
    assertThat(Slots.of("30 1 * * *", NEW_YORK).latest(Instant.parse("2026-11-01T06:45:00Z")))
        .contains(Instant.parse("2026-11-01T05:30:00Z"));
  }

  @Test
  void should_neither_skip_nor_double_in_berlin_in_either_direction() {
    // Berlin: 29 Mar 2026 02:00 CET -> 03:00 CEST; 25 Oct 2026 03:00 CEST -> 02:00 CET.
    assertThat(between("30 2 * * *", BERLIN, "2026-03-28T00:00:00Z", 3))
        .containsExactly(
            Instant.parse("2026-03-28T01:30:00Z"),
            Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-03-30T00:30:00Z"));
    assertThat(between("30 2 * * *", BERLIN, "2026-10-24T00:00:00Z", 3))
        .containsExactly(
            Instant.parse("2026-10-24T00:30:00Z"),
            Instant.parse("2026-10-25T00:30:00Z"),
            Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void should_count_an_hourly_slot_once_when_clocks_spring_forward() {
    // Local 02:00 and 03:00 both land at 07:00Z: one slot, not two.
    List<Instant> slots = between("0 * * * *", NEW_YORK, "2026-03-08T05:30:00Z", 3);

    assertThat(slots)
        .containsExactly(
            Instant.parse("2026-03-08T06:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-03-08T08:00:00Z"));
  }

  @Test
  void should_give_the_previous_slot_as_the_window_start() {
    Slots daily = Slots.of("0 9 * * *", ZoneId.of("UTC"));

    assertThat(daily.previous(Instant.parse("2026-12-02T09:00:00Z")))
        .contains(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(daily.local(Instant.parse("2026-12-02T09:00:00Z")))
        .isEqualTo(LocalDateTime.parse("2026-12-02T09:00"));
  }

  @Test
  void should_reject_what_is_not_five_field_cron() {
    assertThatThrownBy(() -> Slots.of("0 0 9 * * ?", BERLIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5-field cron");
    assertThatThrownBy(() -> Slots.of("61 9 * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Instant> between(String cron, ZoneId zone, String from, int n) {
    Slots slots = Slots.of(cron, zone);
    List<Instant> out = new ArrayList<>();
    Instant at = Instant.parse(from);
    for (int i = 0; i < n; i++) {
      at = slots.next(at).orElseThrow();
      out.add(at);
    }
    return out;
  }
}
