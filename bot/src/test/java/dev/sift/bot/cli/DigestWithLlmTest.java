package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.llm.LlmStub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestWithLlmTest {

  @Test
  void should_add_a_cited_summary_and_drop_bullets_citing_nothing(@TempDir Path dir)
      throws Exception {
    try (LlmStub stub = new LlmStub()) {
      Path config = dir.resolve("sift.yml");
      Files.writeString(
          config,
          "workspace: {domain: northwind}\nllm:\n  provider: openai-compatible\n  base_url: "
              + stub.baseUrl()
              + "\n  model: confident\n");
      Path data = dir.resolve("data");
      Cli replay =
          Cli.run(
              "replay",
              Path.of("..", "samples", "northwind-week.zip").toString(),
              "--config",
              config.toString(),
              "--data",
              data.toString());
      assertThat(replay.exitCode()).as(replay.err()).isZero();
      assertThat(replay.out()).containsPattern("LLM: \\d+ calls").contains("decided by");

      Cli digest =
          Cli.run(
              "digest",
              // #eng keeps open P1/P2 items under this stub's keyword verdicts; #support lost its
              // own when centring changed the classifier's confidences, and so what the stub
              // judges.
              "--channel",
              "#eng",
              "--since",
              "7d",
              "--config",
              config.toString(),
              "--data",
              data.toString());

      assertThat(digest.exitCode()).as(digest.err()).isZero();
      assertThat(digest.out())
          .contains("Summary (LLM, each line cites its messages):")
          .contains("- Point 1 from m1")
          .contains("https://northwind.slack.com/archives/")
          .doesNotContain("Something nobody said")
          .contains("Open P1/P2 items");
    }
  }
}
