package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.digest.Destination;
import dev.sift.bot.digest.DigestSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestsConfigTest {
  private static final Path BASE = Path.of("/etc/sift");

  private static SiftConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "sift.yml", BASE);
  }

  @Test
  void should_read_a_schedule_with_every_key() {
    SiftConfig c =
        parse(
            """
            workspace: {time_zone: Europe/London}
            digests:
              - name: support morning
                cron: "30 8 * * 1-5"
                time_zone: America/New_York
                channels: ["#support", "client-*"]
                destination: "subteam:S0123ABC"
                window: 7d
                skip_when_empty: false
                llm_summary: no
            """);

    DigestSchedule s = c.digests().get(0);
    assertThat(s.name()).isEqualTo("support morning");
    assertThat(s.cron()).isEqualTo("30 8 * * 1-5");
    assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(s.channels()).containsExactly("support", "client-*");
    assertThat(s.destination()).isEqualTo(new Destination(Destination.Kind.GROUP, "S0123ABC"));
    assertThat(s.window()).isEqualTo(Duration.ofDays(7));
    assertThat(s.skipWhenEmpty()).isFalse();
    assertThat(s.llmSummary()).isFalse();
  }

  @Test
  void should_default_to_the_workspace_zone_all_channels_the_previous_slot_and_skipping_empty() {
    SiftConfig c =
        parse(
            "workspace: {time_zone: Europe/Berlin}\n"
                + "digests:\n  - {name: daily, cron: '0 9 * * *', destination: '@U0123ABC'}\n");

    DigestSchedule s = c.digests().get(0);
    assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.allChannels()).isTrue();
    assertThat(s.window()).isNull();
    assertThat(s.skipWhenEmpty()).isTrue();
    assertThat(s.llmSummary()).isTrue();
    assertThat(s.destination()).isEqualTo(new Destination(Destination.Kind.USER, "U0123ABC"));
    assertThat(
            parse("digests:\n  - {name: d, cron: '0 9 * * *', destination: C0123}\n")
                .digests()
                .get(0)
                .zone())
        .isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void should_treat_all_as_every_monitored_channel() {
    DigestSchedule s =
        parse("digests:\n  - {name: d, cron: '0 9 * * *', destination: '#x', channels: all}\n")
            .digests()
            .get(0);

    assertThat(s.allChannels()).isTrue();
    assertThat(s.covers("C1", "anything")).isTrue();
  }

  @Test
  void should_name_the_line_and_the_fix_of_each_mistake() {
    String start = "digests:\n  - name: daily\n";
    assertThatThrownBy(() -> parse(start + "    cron: '0 25 * * *'\n    destination: '#a'\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sift.yml line 3")
        .hasMessageContaining("5-field cron");
    assertThatThrownBy(
            () ->
                parse(
                    start
                        + "    cron: '0 9 * * *'\n    time_zone: Mars/Olympus\n"
                        + "    destination: '#a'\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("use a name such as Europe/London");
    assertThatThrownBy(() -> parse(start + "    cron: '0 9 * * *'\n    destination: support\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("'#channel-name'")
        .hasMessageContaining("subteam:S0123");
    assertThatThrownBy(
            () ->
                parse(
                    start
                        + "    cron: '0 9 * * *'\n    destination: '#a'\n"
                        + "  - {name: daily, cron: '0 10 * * *', destination: '#b'}\n"))
        .hasMessageContaining("line 5")
        .hasMessageContaining("already defined; rename one");
    assertThatThrownBy(() -> parse(start + "    cron: '0 9 * * *'\n    destiny: '#a'\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("unknown key 'destiny'");
    assertThatThrownBy(() -> parse(start + "    cron: '0 9 * * *'\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("needs name, cron and destination");
  }

  @Test
  void should_read_every_destination_form() {
    assertThat(Destination.parse("#Support-Leads"))
        .isEqualTo(new Destination(Destination.Kind.CHANNEL, "support-leads"));
    assertThat(Destination.parse("C0123ABC").byId()).isTrue();
    assertThat(Destination.parse("<@U0123ABC>"))
        .isEqualTo(new Destination(Destination.Kind.USER, "U0123ABC"));
    assertThat(Destination.parse("W0123ABC").kind()).isEqualTo(Destination.Kind.USER);
    assertThat(Destination.parse("<!subteam^S0123ABC|@oncall>"))
        .isEqualTo(new Destination(Destination.Kind.GROUP, "S0123ABC"));
    assertThat(Destination.parse("S0123ABC").kind()).isEqualTo(Destination.Kind.GROUP);
    assertThatThrownBy(() -> Destination.parse("@ana")).hasMessageContaining("not understood");
  }

  @Test
  void should_match_sources_by_name_id_and_pattern() {
    DigestSchedule s =
        new DigestSchedule(
            "d",
            "0 9 * * *",
            ZoneId.of("UTC"),
            List.of("#support", "client-*", "C0999"),
            Destination.parse("#leads"),
            null,
            true,
            true);

    assertThat(s.covers("C1", "support")).isTrue();
    assertThat(s.covers("C2", "client-acme")).isTrue();
    assertThat(s.covers("C0999", "renamed")).isTrue();
    assertThat(s.covers("C3", "general")).isFalse();
    assertThat(s.covers("C4", "old-client-x")).isFalse();
    assertThat(s.namedChannels()).containsExactly("support", "C0999");
  }
}
