package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full crash drill: 10,000 events against a real {@code sift run} killed with {@code kill -9}
 * 24 times. Prints what was lost, doubled and stale (all must be 0). Run: {@code mvn -pl bot test
 * -DexcludedGroups=none -Dgroups=benchmark -Dtest=CrashRecoveryBenchmark}.
 */
@Tag("benchmark")
class CrashRecoveryBenchmark {
  @TempDir Path work;

  @Test
  void ten_thousand_events_and_twenty_four_kills() throws Exception {
    CrashDrill.Result result = new CrashDrill(work, 10_000, 24, 60, 42L).run();
    String report = result.report();
    System.out.print(report);
    Path out = Path.of("target", "benchmarks", "crash-drill.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(result.clean()).as(report).isTrue();
  }

  @Test
  void catch_up_after_a_thousand_messages_missed_while_down() throws Exception {
    StringBuilder report =
        new StringBuilder("catch-up of 1,000 messages posted while Sift was down:\n");
    for (String pace : new String[] {"1200ms", "20ms"}) {
      double[] s = new CrashDrill(work.resolve(pace), 0, 0, 1, 7L).catchUp(1000, pace);
      report.append(
          String.format(
              "  history pace %s: %.1f s from restart, %.1f s once up%n", pace, s[0], s[1]));
    }
    System.out.print(report);
    Path out = Path.of("target", "benchmarks", "catch-up.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }
}
