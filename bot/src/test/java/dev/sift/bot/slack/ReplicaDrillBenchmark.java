package dev.sift.bot.slack;

import dev.sift.index.solr.SolrCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long replica drill: 10,000 events over three replicas, one killed with {@code kill -9}
 * midway, at 20 events a second ({@code -Ddrill.rate}): what three replicas, SolrCloud and the
 * emulator can serve on a two-core machine. Prints what it found (and writes it to
 * target/benchmarks/replica-drill.txt); run with {@code -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=ReplicaDrillBenchmark}.
 */
@Tag("benchmark")
class ReplicaDrillBenchmark {
  @TempDir Path work;

  @Test
  void ten_thousand_events_over_three_replicas() throws Exception {
    try (SolrCluster solr = SolrCluster.start(work.resolve("solr"))) {
      ReplicaDrill.Result result =
          new ReplicaDrill(
                  work,
                  solr.url(),
                  Integer.getInteger("drill.events", 10_000),
                  Integer.getInteger("drill.rate", 20),
                  42L)
              .run();
      String report =
          String.format("%d events a second%n", Integer.getInteger("drill.rate", 20))
              + result.report();
      System.out.print(report);
      Path out = Path.of("target", "benchmarks", "replica-drill.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    }
  }
}
