package dev.sift.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.config.Durations;
import dev.sift.bot.digest.Destination;
import dev.sift.bot.digest.DigestSchedule;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.MessageMapper;
import dev.sift.bot.export.People;
import dev.sift.bot.export.SlackText;
import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.triage.fuzz.Adversarial;
import dev.sift.triage.fuzz.Timing;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bot's parsers and regexes over user text (message markup, the message mapper, card text,
 * config values) on one-megabyte adversarial inputs: a hang guard in CI, medians in the benchmark.
 */
class LinearTimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MessageMapper MAPPER = new MessageMapper("T1", new Nobody(), id -> null);

  static Map<String, Consumer<String>> stages() {
    Map<String, Consumer<String>> stages = new LinkedHashMap<>();
    stages.put("slack markup", text -> SlackText.mrkdwn(text, id -> null, id -> null));
    stages.put(
        "message mapper",
        text ->
            MAPPER.map(
                JSON.createObjectNode().put("ts", "1452837352.000006").put("text", text),
                new ExportChannel("C1", "general", false)));
    stages.put("card text", text -> Mrkdwn.oneLine(Mrkdwn.escape(text), 3000));
    stages.put("destination", text -> refused(() -> Destination.parse(text)));
    stages.put("duration", text -> refused(() -> Durations.parse(text)));
    return stages;
  }

  @Test
  void should_finish_every_stage_on_the_worst_one_megabyte_inputs() {
    Adversarial.worst()
        .forEach(
            (name, text) ->
                stages()
                    .forEach(
                        (stage, work) ->
                            assertTimeoutPreemptively(
                                Duration.ofSeconds(30),
                                () -> work.accept(text),
                                stage + " on " + name)));
  }

  /** A glob of many stars backtracked exponentially in java.util.regex; RE2/J is linear. */
  @Test
  void should_match_a_star_heavy_channel_glob_at_once() {
    DigestSchedule schedule =
        new DigestSchedule(
            "daily",
            "0 9 * * 1-5",
            ZoneId.of("UTC"),
            List.of("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"),
            Destination.parse("#leads"),
            null,
            true,
            false);

    assertTimeoutPreemptively(
        Duration.ofSeconds(30), () -> assertThat(schedule.covers("C1", "a".repeat(80))).isFalse());
  }

  /** Run with {@code -DexcludedGroups=none -Dgroups=benchmark} (and {@code -Dbench.runs=N}). */
  @Test
  @Tag("benchmark")
  void benchmark_every_stage_on_one_megabyte_inputs() {
    int runs = Integer.getInteger("bench.runs", 5);
    Map<String, String> half = Adversarial.inputs(Adversarial.SIZE / 2);
    stages()
        .forEach(
            (stage, work) ->
                Adversarial.inputs()
                    .forEach(
                        (name, text) -> {
                          double small =
                              Timing.medianMillis(runs, () -> work.accept(half.get(name)));
                          double full = Timing.medianMillis(runs, () -> work.accept(text));
                          System.out.printf(
                              "bench %-18s %-20s 512KB %8.1f ms  1MB %8.1f ms  x%.1f%n",
                              stage, name, small, full, full / Math.max(small, 0.1));
                        }));
  }

  /** Config values are refused with an IllegalArgumentException; that is a finished run too. */
  private static void refused(Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException expected) {
      // a clear refusal
    }
  }

  private static final class Nobody implements People {
    @Override
    public String name(String userId) {
      return null;
    }

    @Override
    public boolean isBot(String userId) {
      return false;
    }
  }
}
