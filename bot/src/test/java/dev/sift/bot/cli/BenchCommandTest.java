package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @Test
  void should_print_search_percentiles_and_heap_over_a_replayed_export(@TempDir Path data)
      throws Exception {
    Path classic =
        Path.of(getClass().getResource("/exports/classic-2016/testarchive.redacted.zip").toURI());
    assertThat(Cli.run("replay", classic.toString(), "--data", data.toString()).exitCode())
        .isZero();

    Cli bench = Cli.run("bench", "--data", data.toString(), "--runs", "50", "--warmup", "5");

    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(bench.out())
        .contains("index: 158 messages")
        .containsPattern(
            "all: +p50 [\\d.]+ ms, p90 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms \\(n=50\\)")
        .containsPattern("heap after GC \\(model and index open\\): [\\d.]+ MB");
  }

  @Test
  void should_say_how_to_build_an_index_when_there_is_none(@TempDir Path data) {
    Cli bench = Cli.run("bench", "--data", data.resolve("nothing").toString());

    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.err()).contains("no index at").contains("sift replay");
  }

  @Test
  void should_take_nearest_rank_percentiles() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertThat(BenchCommand.percentile(sorted, 50)).isEqualTo(5);
    assertThat(BenchCommand.percentile(sorted, 99)).isEqualTo(10);
    assertThat(BenchCommand.percentile(new long[] {7}, 99)).isEqualTo(7);
  }
}
