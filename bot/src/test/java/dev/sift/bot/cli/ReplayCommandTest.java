package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.MessageIndex;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  private static final Path SAMPLE = Path.of("..", "samples", "northwind-week.zip");

  @Test
  void should_triage_the_bundled_sample_and_put_the_wednesday_outage_in_the_queue(
      @TempDir Path data) {
    Cli replay =
        Cli.run(
            "replay",
            SAMPLE.toString(),
            "--data",
            data.toString(),
            "--workspace-domain",
            "northwind");

    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out())
        .contains("9 channels, 857 messages")
        .contains("Messages by category:")
        .contains("Open P1/P2 queue:")
        .containsPattern("P1 incident .*reporters")
        .contains("https://northwind.slack.com/archives/");

    Cli search = Cli.run("search", "portal category:incident", "--data", data.toString());
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("incident").containsPattern("\\d+ results? for");

    Cli digest =
        Cli.run("digest", "--channel", "#support", "--since", "7d", "--data", data.toString());
    assertThat(digest.exitCode()).as(digest.err()).isZero();
    assertThat(digest.out()).contains("Digest of #support").contains("by category");
  }

  @Test
  void should_leave_the_index_the_same_when_an_export_is_replayed_twice(@TempDir Path data)
      throws Exception {
    Path classic = resource("exports/classic-2016/testarchive.redacted.zip");
    assertThat(Cli.run("replay", classic.toString(), "--data", data.toString()).exitCode())
        .isZero();
    int first = size(data);

    Cli again = Cli.run("replay", classic.toString(), "--data", data.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(size(data)).isEqualTo(first).isEqualTo(158);
  }

  @Test
  void should_replay_the_modern_export_with_threads_and_broadcasts(@TempDir Path data)
      throws Exception {
    Cli replay =
        Cli.run("replay", resource("exports/modern-zulip").toString(), "--data", data.toString());

    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).containsPattern("[1-9]\\d* thread replies");
  }

  @Test
  void should_refuse_a_path_that_is_no_export_with_a_clear_error(@TempDir Path data) {
    Cli replay = Cli.run("replay", data.toString(), "--data", data.resolve("d").toString());

    assertThat(replay.exitCode()).isEqualTo(2);
    assertThat(replay.err()).contains("is not a Slack workspace export");
  }

  @Test
  void should_reject_a_malformed_search_before_loading_anything(@TempDir Path data) {
    Cli search = Cli.run("search", "priority:p7", "--data", data.toString());

    assertThat(search.exitCode()).isEqualTo(2);
    assertThat(search.err()).contains("unknown priority 'p7'");
  }

  private static int size(Path data) {
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      return index.size();
    }
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(ReplayCommandTest.class.getClassLoader().getResource(name).toURI());
  }
}
