package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.llm.LlmStub;
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
  void should_use_the_cited_llm_summary_only_where_the_schedule_asks_for_it(@TempDir Path dir)
      throws Exception {
    try (LlmStub stub = new LlmStub()) {
      Path config = dir.resolve("sift.yml");
      Files.writeString(
          config,
          "workspace: {domain: northwind}\n"
              + "llm: {provider: openai-compatible, base_url: '"
              + stub.baseUrl()
              + "', model: confident}\n"
              + "digests:\n"
              + "  - {name: with llm, cron: '0 9 * * *', time_zone: UTC, channels: [support],"
              + " destination: '#leads'}\n"
              + "  - {name: extractive, cron: '0 9 * * *', time_zone: UTC, channels: [support],"
              + " destination: '#leads', llm_summary: false}\n");
      Path data = dir.resolve("data");
      Cli replay =
          Cli.run(
              "replay",
              SAMPLE.toString(),
              "--config",
              config.toString(),
              "--data",
              data.toString());
      assertThat(replay.exitCode()).as(replay.err()).isZero();

      Cli withLlm = dryRun("with llm", config, data);
      int calls = stub.received().size();
      Cli extractive = dryRun("extractive", config, data);

      assertThat(withLlm.exitCode()).as(withLlm.err()).isZero();
      assertThat(withLlm.out())
          .contains("summary by the LLM, each line cites its source")
          .contains("Point 1 from m1 [1] https://northwind.slack.com/archives/");
      assertThat(extractive.exitCode()).as(extractive.err()).isZero();
      assertThat(extractive.out()).doesNotContain("Point 1").doesNotContain("summary by the LLM");
      assertThat(stub.received()).hasSize(calls);
    }
  }

  private static Cli dryRun(String schedule, Path config, Path data) {
    return Cli.run(
        "digest",
        "--schedule",
        schedule,
        "--dry-run",
        "--at",
        "2026-03-04T12:00",
        "--config",
        config.toString(),
        "--data",
        data.toString());
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
