package dev.sift.index;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sift.triage.fuzz.Adversarial;
import dev.sift.triage.fuzz.Timing;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The search query parser on one-megabyte adversarial queries: it answers or refuses each one (too
 * long, an unclosed quote) without hanging; the benchmark prints the medians.
 */
class LinearTimeTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static final Consumer<String> PARSE =
      query -> {
        try {
          SlackQuery.parse(query, UTC);
        } catch (QuerySyntaxException refused) {
          // a clear refusal is a finished run
        }
      };

  @Test
  void should_parse_or_refuse_every_one_megabyte_query() {
    Adversarial.inputs()
        .forEach(
            (name, query) ->
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> PARSE.accept(query), name));
  }

  /** Run with {@code -DexcludedGroups=none -Dgroups=benchmark} (and {@code -Dbench.runs=N}). */
  @Test
  @Tag("benchmark")
  void benchmark_the_query_parser_on_one_megabyte_inputs() {
    int runs = Integer.getInteger("bench.runs", 5);
    Map<String, String> half = Adversarial.inputs(Adversarial.SIZE / 2);
    Adversarial.inputs()
        .forEach(
            (name, query) -> {
              double small = Timing.medianMillis(runs, () -> PARSE.accept(half.get(name)));
              double full = Timing.medianMillis(runs, () -> PARSE.accept(query));
              System.out.printf(
                  "bench %-18s %-20s 512KB %8.1f ms  1MB %8.1f ms  x%.1f%n",
                  "search query", name, small, full, full / Math.max(small, 0.1));
            });
  }
}
