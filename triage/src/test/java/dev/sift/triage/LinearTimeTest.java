package dev.sift.triage;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sift.triage.fuzz.Adversarial;
import dev.sift.triage.fuzz.Timing;
import dev.sift.triage.item.TrivialMessages;
import dev.sift.triage.llm.InjectionGuard;
import dev.sift.triage.message.Message;
import dev.sift.triage.priority.Alert;
import dev.sift.triage.priority.AllClear;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.redact.InvisibleText;
import dev.sift.triage.redact.Redactor;
import dev.sift.triage.taxonomy.Taxonomy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every stage that runs regexes over message text, on one-megabyte adversarial inputs. The test
 * only checks that each finishes (a hang guard, not a performance target); the benchmark prints the
 * median times.
 */
class LinearTimeTest {
  private static final Redactor REDACTOR = Redactor.standard();
  private static final Prioritiser PRIORITISER = Prioritiser.defaults();
  private static final Taxonomy TAXONOMY = Taxonomy.defaults();

  /** Stage name → the work it does on a text. */
  static Map<String, Consumer<String>> stages() {
    Map<String, Consumer<String>> stages = new LinkedHashMap<>();
    stages.put("redactor", REDACTOR::redact);
    stages.put("invisible text", InvisibleText::strip);
    stages.put(
        "prioritiser", text -> PRIORITISER.assess(TAXONOMY.categories().get(0), message(text), 1));
    stages.put(
        "severe / calm",
        text -> {
          Prioritiser.looksSevere(text);
          Prioritiser.isCalm(text);
        });
    stages.put("alert", Alert::in);
    stages.put("all-clear", AllClear::in);
    stages.put("injection guard", InjectionGuard::looksLikeInjection);
    stages.put("trivial messages", text -> TrivialMessages.isTrivial(message(text)));
    return stages;
  }

  @Test
  void should_finish_every_stage_on_the_worst_one_megabyte_inputs() {
    Map<String, Consumer<String>> stages = stages();
    stages.remove("severe / calm"); // the prioritiser runs the same patterns; CI time is dear
    Adversarial.worst()
        .forEach(
            (name, text) ->
                stages.forEach(
                    (stage, work) ->
                        assertTimeoutPreemptively(
                            Duration.ofSeconds(30),
                            () -> work.accept(text),
                            stage + " on " + name)));
  }

  /**
   * Median times on 512 KB and 1 MB of each input; a ratio near 2 is linear, near 4 quadratic. Run
   * with {@code -DexcludedGroups=none -Dgroups=benchmark} (and {@code -Dbench.runs=N}, default 5).
   */
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

  private static Message message(String text) {
    return new Message(
        "T1",
        "C1",
        "general",
        "1452837352.000006",
        null,
        "U1",
        "ann",
        text,
        null,
        false,
        false,
        null,
        null);
  }
}
