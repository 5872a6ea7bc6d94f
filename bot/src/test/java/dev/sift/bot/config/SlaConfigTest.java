package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.sla.Escalation;
import dev.sift.triage.sla.SlaPolicy;
import dev.sift.triage.sla.SlaSettings;
import dev.sift.triage.sla.Target;
import dev.sift.triage.sla.Timer;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sla:} section of sift.yml. */
class SlaConfigTest {
  private static final Path BASE = Path.of("/etc/sift");

  private static SlaSettings sla(String yaml) {
    return ConfigLoader.parse(yaml, "sift.yml", BASE).sla();
  }

  @Test
  void should_default_to_p1_in_15m_p2_in_4h_p3_in_2_business_days_and_nothing_for_p4() {
    SlaSettings s = sla("workspace: {time_zone: Europe/Paris}\n");

    SlaPolicy p = s.defaults();
    assertThat(s.enabled()).isTrue();
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P1))
        .get()
        .extracting(Target::length)
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P2))
        .get()
        .extracting(Target::length)
        .isEqualTo(Duration.ofHours(4));
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P3))
        .get()
        .extracting(Target::kind)
        .isEqualTo(Target.Kind.BUSINESS_DAYS);
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P4)).isEmpty();
    assertThat(p.target(Timer.RESOLVE, Priority.P1)).isEmpty();
    assertThat(p.hours().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void should_read_targets_escalation_repeats_hours_holidays_and_team_overrides() {
    SlaSettings s =
        sla(
            """
            routing:
              rules:
                - name: client problems
                  to: "#ops-triage"
            sla:
              P1: {acknowledge: 10m, resolve: 4h}
              P2: {acknowledge: 4 business hours}
              P3: none
              escalate_to: "#oncall"
              repeat_every: 20m
              max_repeats: 5
              business_hours: {time_zone: America/New_York, days: "mon-thu, sat", start: "08:30", end: "17:30"}
              holidays: [2026-12-25, 2027-01-01]
              teams:
                support:
                  rules: [client problems]
                  P1: {acknowledge: 5m}
                  escalate_to: "subteam:S0SUPPORT"
                billing:
                  channels: ["#billing"]
                  escalate_to: "@U0BILL"
                  holidays: [2026-12-24]
            """);

    SlaPolicy p = s.defaults();
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P1))
        .get()
        .extracting(Target::length)
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(p.target(Timer.RESOLVE, Priority.P1))
        .get()
        .extracting(Target::length)
        .isEqualTo(Duration.ofHours(4));
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P2))
        .get()
        .extracting(Target::kind)
        .isEqualTo(Target.Kind.BUSINESS_HOURS);
    assertThat(p.target(Timer.ACKNOWLEDGE, Priority.P3)).isEmpty();
    assertThat(p.escalateTo()).isEqualTo(new Escalation(Escalation.Kind.CHANNEL, "oncall"));
    assertThat(p.repeatEvery()).isEqualTo(Duration.ofMinutes(20));
    assertThat(p.maxRepeats()).isEqualTo(5);
    assertThat(p.hours().days())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.SATURDAY);
    assertThat(p.hours().start()).isEqualTo(LocalTime.of(8, 30));
    assertThat(p.hours().zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(p.hours().holidays()).contains(LocalDate.of(2027, 1, 1));

    SlaPolicy support = s.policyFor("client problems", List.of("C0OPS"));
    assertThat(support.target(Timer.ACKNOWLEDGE, Priority.P1))
        .get()
        .extracting(Target::length)
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(support.target(Timer.RESOLVE, Priority.P1))
        .as("P1 given: its resolve SLA goes")
        .isEmpty();
    assertThat(support.target(Timer.ACKNOWLEDGE, Priority.P2)).as("inherited").isPresent();
    assertThat(support.escalateTo()).isEqualTo(new Escalation(Escalation.Kind.GROUP, "S0SUPPORT"));

    SlaPolicy billing = s.policyFor("other", List.of("billing"));
    assertThat(billing.escalateTo()).isEqualTo(new Escalation(Escalation.Kind.USER, "U0BILL"));
    assertThat(billing.hours().holidays()).containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(billing.hours().start()).as("inherited").isEqualTo(LocalTime.of(8, 30));
    assertThat(s.policyFor("other", List.of("random"))).isSameAs(s.defaults());
  }

  @Test
  void should_switch_reminders_off_when_disabled() {
    assertThat(sla("sla:\n  enabled: false\n").enabled()).isFalse();
  }

  @Test
  void should_name_the_line_of_every_mistake() {
    assertError(
        "sla:\n  P1: {acknowledge: 15m}\n  P5: {acknowledge: 1h}\n", "line 3", "unknown key 'P5'");
    assertError("sla:\n  P1:\n    acknowlege: 15m\n", "line 3", "unknown key 'acknowlege'");
    assertError("sla:\n  P1: {acknowledge: soon}\n", "line 2", "is not an SLA");
    assertError("sla:\n  P3: {acknowledge: 2 business weeks}\n", "line 2", "2 business days");
    assertError("sla:\n  escalate_to: oncall\n", "line 2", "\"#oncall\"");
    assertError("sla:\n  escalate_to: \"@alice\"\n", "line 2", "member id");
    assertError("sla:\n  repeat_every: often\n", "line 2", "not a duration");
    assertError("sla:\n  max_repeats: many\n", "line 2", "whole number");
    assertError("sla:\n  max_repeats: -1\n", "line 2", "sla.max_repeats must be within 0..100");
    assertError("sla:\n  business_hours:\n    days: mon-fry\n", "line 3", "'fry' is not a day");
    assertError(
        "sla:\n  business_hours:\n    start: \"18:00\"\n    end: \"09:00\"\n",
        "line 3",
        "must be before");
    assertError("sla:\n  business_hours:\n    start: noon\n", "line 3", "time of day");
    assertError("sla:\n  business_hours:\n    time_zone: Mars/Base\n", "line 3", "time zone");
    assertError(
        "sla:\n  holidays: [2026-12-25, christmas]\n", "line 2", "'christmas' is not a date");
    assertError(
        "sla:\n  teams:\n    support:\n      rules: [no such rule]\n",
        "line 4",
        "routing rule 'no such rule'");
    assertError(
        "sla:\n  teams:\n    support:\n      P1: {acknowledge: 5m}\n",
        "line 4",
        "must list the routing rules or channels");
    assertError("sla:\n  teams:\n    support:\n      enabled: true\n", "line 4", "unknown key");
  }

  private static void assertError(String yaml, String line, String message) {
    assertThatThrownBy(() -> sla(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sift.yml " + line + ":")
        .hasMessageContaining(message);
  }
}
