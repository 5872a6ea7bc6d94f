package dev.sift.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.TestClock;
import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.index.solr.SolrCluster;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Sift processes' worth of replicas (each its own Sift, data folder and claims file) sharing
 * one SolrCloud collection on 127.0.0.1: what lands on one must not undo what lands on the other,
 * and once-only work is done once.
 */
class ReplicasTest {
  private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

  @RegisterExtension static final SolrCluster solr = SolrCluster.perClass();

  @Test
  void replies_triaged_at_once_on_two_replicas_all_reach_their_item(@TempDir Path dir)
      throws Exception {
    try (Sift a = replica(dir.resolve("a"), "replies-");
        Sift b = replica(dir.resolve("b"), "replies-")) {
      TriagePipeline onA = a.livePipeline(outcome -> {});
      TriagePipeline onB = b.livePipeline(outcome -> {});
      Message parent = message("1764752400.000100", null, "ann", "The client portal is down");
      onA.process(parent);

      int each = 15;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (TriagePipeline replica : List.of(onA, onB)) {
        int offset = replica == onA ? 0 : each;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    String ts = String.format("1764752500.%06d", offset + i + 1);
                    replica.process(message(ts, parent.ts(), "u" + (offset + i), "still down?"));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      TriagedMessage item = b.index().find(parent.key()).orElseThrow();
      assertThat(item.role()).isEqualTo(Role.ITEM);
      assertThat(item.replyIds()).as("no reply lost to another replica's write").hasSize(2 * each);
      assertThat(item.replyIds()).doesNotHaveDuplicates();
    }
  }

  @Test
  void a_scheduled_occurrence_is_done_by_one_replica_and_taken_over_if_it_stops(@TempDir Path dir)
      throws Exception {
    TestClock clock = new TestClock(T0);
    try (Sift a = replica(dir.resolve("a"), "claims-");
        Sift b = replica(dir.resolve("b"), "claims-");
        Claims onA = Claims.open(dir.resolve("a/claims.jsonl"), T0.minus(Duration.ofDays(35)));
        Claims onB = Claims.open(dir.resolve("b/claims.jsonl"), T0.minus(Duration.ofDays(35)))) {
      onA.shareWith(new Replica(a.index().claims(), "replica-a", clock));
      onB.shareWith(new Replica(b.index().claims(), "replica-b", clock));
      String slot = "digest/daily/2026-12-03T09:00:00Z";

      assertThat(onA.claim(slot, clock.instant())).isTrue();
      assertThat(onB.claim(slot, clock.instant())).isFalse();
      assertThat(onB.get(slot)).as("another replica's: asked again next tick").isEmpty();
      onA.done(slot, "C1/1764752400.000100");
      assertThat(onB.claim(slot, clock.instant())).isFalse();
      assertThat(onB.get(slot).orElseThrow().done()).isTrue();
      assertThat(onB.get(slot).orElseThrow().detail()).contains("replica-a");

      // replica-a claims the next slot and stops before posting; replica-b waits out its lease,
      // then takes it over as if after its own crash: claimed at a's time, to check Slack first.
      String next = "digest/daily/2026-12-04T09:00:00Z";
      Instant claimedByA = clock.instant();
      assertThat(onA.claim(next, claimedByA)).isTrue();
      clock.advance(Duration.ofMinutes(5));
      assertThat(onB.claim(next, clock.instant())).isFalse();
      assertThat(onB.get(next)).isEmpty();
      clock.advance(Duration.ofMinutes(6));
      assertThat(onB.claim(next, clock.instant())).isFalse();
      Claims.Claim taken = onB.get(next).orElseThrow();
      assertThat(taken.done()).isFalse();
      assertThat(taken.claimedAt()).isEqualTo(claimedByA);
    }
  }

  @Test
  void an_event_slack_delivers_to_two_replicas_is_taken_in_by_one(@TempDir Path dir)
      throws Exception {
    try (Sift a = replica(dir.resolve("a"), "events-");
        Sift b = replica(dir.resolve("b"), "events-")) {
      Replica onA = new Replica(a.index().claims(), "replica-a", Clock.systemUTC());
      Replica onB = new Replica(b.index().claims(), "replica-b", Clock.systemUTC());
      assertThat(onA.take("event/Ev0ABC", Duration.ofSeconds(30))).isTrue();
      assertThat(onB.take("event/Ev0ABC", Duration.ofSeconds(30))).isFalse();
      onA.giveBack("event/Ev0ABC"); // its journal failed: Slack's retry may land anywhere
      assertThat(onB.take("event/Ev0ABC", Duration.ofSeconds(30))).isTrue();
      onB.finished("event/Ev0ABC");
      assertThat(onA.take("event/Ev0ABC", Duration.ofSeconds(30))).isFalse();
    }
  }

  private static Sift replica(Path data, String prefix) {
    IndexSettings shared =
        new IndexSettings(
            IndexSettings.Backend.SOLR,
            List.of(URI.create(solr.url())),
            prefix,
            1,
            1,
            null,
            null,
            false);
    return new Sift(SiftConfig.defaults().withDataDir(data).withIndex(shared), name -> null);
  }

  private static Message message(String ts, String threadTs, String user, String text) {
    return new Message(
        "T1",
        "C1",
        "support",
        ts,
        threadTs,
        "U" + user,
        user,
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }
}
