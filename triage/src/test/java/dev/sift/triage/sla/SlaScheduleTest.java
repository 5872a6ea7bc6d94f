package dev.sift.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaScheduleTest {
  private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
  private static final Target FIFTEEN_MINUTES =
      new Target(Duration.ofMinutes(15), Target.Kind.WALL_CLOCK, "15m");
  private final SlaPolicy policy =
      new SlaPolicy(
          Map.of(Priority.P1, FIFTEEN_MINUTES),
          Map.of(),
          null,
          Duration.ofMinutes(30),
          2,
          BusinessHours.officeHours(ZoneOffset.UTC));

  private Optional<SlaSchedule.Due> due(Progress p, String minutesAfterStart) {
    return SlaSchedule.due(
        FIFTEEN_MINUTES,
        policy,
        START,
        p,
        START.plus(Duration.ofSeconds((long) (Double.parseDouble(minutesAfterStart) * 60))));
  }

  @Test
  void should_owe_nothing_before_half_the_sla_has_passed() {
    assertThat(due(Progress.NONE, "7.4")).isEmpty();
  }

  @Test
  void should_remind_at_half_then_breach_at_the_deadline() {
    assertThat(due(Progress.NONE, "7.5"))
        .get()
        .extracting(SlaSchedule.Due::kind)
        .isEqualTo(SlaSchedule.Kind.REMINDER);
    Progress reminded = new Progress(1, START.plusSeconds(450));
    assertThat(due(reminded, "14.9")).isEmpty();
    assertThat(due(reminded, "15"))
        .get()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(SlaSchedule.Kind.BREACH);
              assertThat(d.stepsAfter()).isEqualTo(2);
              assertThat(d.deadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));
            });
  }

  @Test
  void should_go_straight_to_the_breach_when_the_reminder_was_missed_entirely() {
    assertThat(due(Progress.NONE, "240"))
        .get()
        .extracting(SlaSchedule.Due::kind)
        .isEqualTo(SlaSchedule.Kind.BREACH);
  }

  @Test
  void should_repeat_from_the_last_reminder_sent_and_stop_at_the_cap() {
    Progress breachedLate = new Progress(2, START.plus(Duration.ofMinutes(200)));
    // Hours after the deadline but only 29 minutes after the breach was sent: nothing yet.
    assertThat(due(breachedLate, "229")).isEmpty();
    assertThat(due(breachedLate, "230"))
        .get()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(SlaSchedule.Kind.REPEAT);
              assertThat(d.repeat()).isEqualTo(1);
              assertThat(d.stepsAfter()).isEqualTo(3);
            });
    assertThat(due(new Progress(3, START.plus(Duration.ofMinutes(230))), "260"))
        .get()
        .extracting(SlaSchedule.Due::repeat)
        .isEqualTo(2);
    assertThat(due(new Progress(4, START.plus(Duration.ofMinutes(260))), "10000")).isEmpty();
  }

  @Test
  void should_not_remind_a_p3_posted_friday_afternoon_before_monday_afternoon() {
    SlaPolicy defaults = SlaPolicy.defaults(ZoneOffset.UTC);
    Target p3 = defaults.target(Timer.ACKNOWLEDGE, Priority.P3).orElseThrow();
    Instant friday = Instant.parse("2026-12-04T16:00:00Z");
    assertThat(
            SlaSchedule.due(
                p3, defaults, friday, Progress.NONE, Instant.parse("2026-12-06T23:59:00Z")))
        .isEmpty();
    assertThat(
            SlaSchedule.due(
                p3, defaults, friday, Progress.NONE, Instant.parse("2026-12-07T16:00:00Z")))
        .get()
        .extracting(SlaSchedule.Due::kind)
        .isEqualTo(SlaSchedule.Kind.REMINDER);
    assertThat(p3.deadline(friday, defaults.hours()))
        .isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
  }
}
