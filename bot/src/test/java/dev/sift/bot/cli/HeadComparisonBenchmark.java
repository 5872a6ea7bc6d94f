package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code sift eval --compare} on every labelled set in one run, with each shipped sentence encoder
 * (MiniLM, the default, and BGE-small; {@code -Dsift.bench.embedding=minilm} for one): the shipped
 * classifier, the single baselines and the candidates, accuracy, macro-F1 and calibration error, as
 * the README reports them. Run: {@code mvn -pl bot -am test -DexcludedGroups=none
 * -Dgroups=benchmark -Dtest=HeadComparisonBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class HeadComparisonBenchmark {
  private static final List<String> SETS =
      List.of(
          System.getProperty(
                  "sift.bench.sets", "ask-dev,banking77-10shot,clinc150-10shot,askubuntu,webapps")
              .split(","));

  @Test
  void every_head_on_every_set() throws Exception {
    StringBuilder report = new StringBuilder();
    for (String embedding :
        System.getProperty("sift.bench.embedding", "minilm,bge-small").split(",")) {
      for (String set : SETS) {
        Path dir = ReplayCommandTest.resource("eval/" + set);
        Cli cli =
            Cli.run(
                "eval",
                "--compare",
                "--embedding",
                embedding,
                "--data",
                dir.resolve("data.jsonl").toString(),
                "--taxonomy",
                dir.resolve("taxonomy.yml").toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        report
            .append("== ")
            .append(set)
            .append(", ")
            .append(embedding)
            .append('\n')
            .append(cli.out())
            .append('\n');
      }
    }
    System.out.println(report);
  }
}
