package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.solr.SolrCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short replica drill, run in CI: three {@code sift run} processes on one in-process SolrCloud,
 * events spread over their connections, one killed with {@code kill -9} midway and restarted;
 * nothing lost, nothing doubled. The long one is {@link ReplicaDrillBenchmark}.
 */
class ReplicaDrillTest {
  @TempDir Path work;

  @Test
  void three_replicas_lose_nothing_and_double_nothing_across_a_kill_9() throws Exception {
    try (SolrCluster solr = SolrCluster.start(work.resolve("solr"))) {
      ReplicaDrill.Result result =
          new ReplicaDrill(work, solr.url(), Integer.getInteger("drill.events", 600), 40, 20261203L)
              .run();
      System.out.print(result.report());
      assertNothingLostOrDoubled(result);
      assertThat(result.digestPosts()).as("digests posted").isPositive();
      assertThat(result.clicks()).as("card buttons clicked and acked").isPositive();
    }
  }

  @Test
  void a_replica_killed_for_good_is_covered_by_the_others_from_its_marks() throws Exception {
    try (SolrCluster solr = SolrCluster.start(work.resolve("solr"))) {
      ReplicaDrill drill = new ReplicaDrill(work, solr.url(), 400, 40, 20261204L, false);
      ReplicaDrill.Result result = drill.run();
      System.out.print(result.report());
      System.out.printf(
          "the dead replica held %d uncommitted events in its journal%n",
          drill.unfinishedAtDeath());
      assertNothingLostOrDoubled(result);
    }
  }

  private static void assertNothingLostOrDoubled(ReplicaDrill.Result result) {
    assertThat(result.missing()).as("messages missing from the collection").isZero();
    assertThat(result.extra()).as("deleted messages still in the collection").isZero();
    assertThat(result.wrongText()).as("messages with a stale text").isZero();
    assertThat(result.repliesNotInItem()).as("replies lost from their item").isZero();
    assertThat(result.itemsWithWrongReporters())
        .as("items whose reporters or reports are not those stored")
        .isZero();
    assertThat(result.digestSlotsPostedTwice()).as("digest slots posted twice").isZero();
    assertThat(result.duplicateCards()).as("items with two task cards").isZero();
    assertThat(result.clicksLost()).as("acked clicks not on their item").isZero();
  }
}
