package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestDryRunTest {
  private static final Path SAMPLE = Path.of("..", "samples", "northwind-week.zip");

  @Test
  void should_print_the_next_post_of_a_schedule_without_slack(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("sift.yml");
    Files.writeString(
        config,
        """
        workspace: {domain: northwind}
        digests:
          - name: clients daily
            cron: "0 9 * * *"
            time_zone: UTC
            channels: ["#support", "client-*"]
            destination: "#leads"
            skip_when_empty: false
        """);
    Path data = dir.resolve("data");
    Cli replay =
        Cli.run(
            "replay", SAMPLE.toString(), "--config", config.toString(), "--data", data.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();

    Cli dry =
        Cli.run(
            "digest",
            "--schedule",
            "clients daily",
            "--dry-run",
            "--at",
            "2026-03-04T12:00",
            "--config",
            config.toString(),
            "--data",
            data.toString());

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("Dry run of digest 'clients daily': the post at Thu 5 Mar 09:00 UTC to #leads")
        .contains("Nothing is posted")
        .contains("clients daily · Wed 4 Mar 09:00 – Thu 5 Mar 09:00")
        .contains("Items by priority:")
        .containsPattern("#support · \\d+ messages")
        .containsPattern("#client-\\w+ · \\d+ messages")
        .doesNotContain("#eng ·")
        .contains("https://northwind.slack.com/archives/")
        .contains("/triage queue")
        .doesNotContain(" 0m old"); // nothing after the slot: the post describes its window
  }

  @Test
  void should_name_the_known_schedules_when_asked_for_an_unknown_one(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("sift.yml");
    Files.writeString(
        config, "digests:\n  - {name: daily, cron: '0 9 * * *', destination: '#leads'}\n");

    Cli dry =
        Cli.run(
            "digest",
            "--schedule",
            "weekly",
            "--dry-run",
            "--config",
            config.toString(),
            "--data",
            dir.resolve("data").toString());

    assertThat(dry.exitCode()).isNotZero();
    assertThat(dry.err()).contains("no digest named 'weekly'").contains("daily");
  }
}
