package dev.sift.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.TestClock;
import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.feedback.SharedCorrections;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.index.solr.SolrCluster;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void a_message_and_its_edit_triaged_at_once_on_two_replicas_keep_the_edit(@TempDir Path dir)
      throws Exception {
    try (Sift a = replica(dir.resolve("a"), "edits-");
        Sift b = replica(dir.resolve("b"), "edits-")) {
      TriagePipeline onA = a.livePipeline(outcome -> {});
      TriagePipeline onB = b.livePipeline(outcome -> {});
      Message parent = message("1764752400.000100", null, "ann", "The client portal is down");
      onA.process(parent);

      // Slack sends a message and, a moment later, its edit; each lands on another replica, and
      // either may be stored first. Replies and top-level messages alike end with the edit's text.
      int n = 24;
      List<Message> originals = new ArrayList<>();
      List<Message> edits = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String ts = String.format("1764752500.%06d", i + 1);
        Message original =
            message(ts, i % 3 == 0 ? null : parent.ts(), "u" + i, "still down for me " + i);
        originals.add(original);
        edits.add(
            original
                .withText("fixed for me now " + i)
                .editedAt(String.format("1764752600.%06d", i)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      List<Future<?>> done = new ArrayList<>();
      for (var run : List.of(Map.entry(onA, originals), Map.entry(onB, edits))) {
        done.add(
            pool.submit(
                () -> {
                  for (Message m : run.getValue()) {
                    together.await();
                    run.getKey().process(m);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      for (Message edit : edits) {
        TriagedMessage stored = b.index().find(edit.key()).orElseThrow();
        assertThat(stored.message().text()).as(edit.ts()).isEqualTo(edit.text());
      }
      TriagedMessage item = b.index().find(parent.key()).orElseThrow();
      assertThat(item.replyIds()).hasSize(n - n / 3).doesNotHaveDuplicates();
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

  @Test
  void a_correction_made_through_one_replica_is_learnt_by_the_other(@TempDir Path dir)
      throws Exception {
    try (Sift a = replica(dir.resolve("a"), "corrections-");
        Sift b = replica(dir.resolve("b"), "corrections-")) {
      String text = "Heads up: the quarterly report template moved to the new drive folder";
      a.livePipeline(outcome -> {}).process(message("1764752400.000100", null, "ann", text));
      String wrong =
          a.index()
              .find(message("1764752400.000100", null, "ann", text).key())
              .orElseThrow()
              .verdict()
              .category();
      String right = wrong.equals("question") ? "bug" : "question";

      CorrectionLog logA = new CorrectionLog(dir.resolve("a/corrections.jsonl"));
      CorrectionLog logB = new CorrectionLog(dir.resolve("b/corrections.jsonl"));
      SharedCorrections onA =
          new SharedCorrections(a.index().notes(), logA, () -> a.learning().relearn(logA));
      int[] relearntOnB = {0};
      SharedCorrections onB =
          new SharedCorrections(
              b.index().notes(),
              logB,
              () -> {
                relearntOnB[0]++;
                b.learning().relearn(logB);
              });
      Correction c =
          new Correction(
              "T1/C1/1764752400.000100", text, right, Priority.P3, "", "Uann", T0.plusSeconds(60));
      logA.add(c);
      onA.publish(c);
      a.index().refresh();

      assertThat(onB.pull()).isEqualTo(1);
      assertThat(logB.all()).containsExactly(c);
      assertThat(relearntOnB[0]).isEqualTo(1);
      assertThat(onB.pull()).as("learnt once").isZero();
      assertThat(onA.pull()).as("its own correction is in its log already").isZero();

      // B now judges the same words as it was taught through A.
      Message again = message("1764752460.000200", null, "bob", text);
      b.livePipeline(outcome -> {}).process(again);
      assertThat(b.index().find(again.key()).orElseThrow().verdict().category()).isEqualTo(right);

      // A replica started later learns every correction made before it existed.
      CorrectionLog logC = new CorrectionLog(dir.resolve("c/corrections.jsonl"));
      new SharedCorrections(b.index().notes(), logC, () -> {}).pull();
      assertThat(logC.all()).containsExactly(c);
    }
  }

  @Test
  void a_replica_whose_marks_stop_being_renewed_is_caught_up_once_by_another(@TempDir Path dir)
      throws Exception {
    TestClock clock = new TestClock(T0);
    try (Sift a = replica(dir.resolve("a"), "marks-");
        Sift b = replica(dir.resolve("b"), "marks-")) {
      List<Map<String, String>> coveredByA = new ArrayList<>();
      List<Map<String, String>> coveredByB = new ArrayList<>();
      List<Instant> startedAt = new ArrayList<>();
      ReplicaMarks onA = marks(a, "replica-a", clock, (marks, since) -> coveredByA.add(marks));
      ReplicaMarks onB =
          marks(
              b,
              "replica-b",
              clock,
              (marks, since) -> {
                coveredByB.add(marks);
                startedAt.add(since);
              });
      onA.committed(Map.of("C1", "1764752400.000100", "C2", "1764752300.000100"));
      onB.committed(Map.of("C1", "1764752401.000100"));
      a.index().refresh();

      clock.advance(Duration.ofMinutes(1));
      onB.runDue(clock.instant());
      assertThat(coveredByB).as("a's marks are a minute old: alive").isEmpty();
      // b restarting now would catch up from a's marks, not from far-back shared checkpoints.
      assertThat(onB.startFrom(Map.of("C1", "1764740000.000100", "C3", "1764740000.000200")))
          .isEqualTo(
              Map.of(
                  "C1", "1764752400.000100",
                  "C2", "1764752300.000100",
                  "C3", "1764740000.000200"));

      // b goes on committing; a stops.
      clock.advance(Duration.ofMinutes(2));
      onB.committed(Map.of("C1", "1764752402.000100"));
      b.index().refresh();
      onA.runDue(clock.instant());
      assertThat(coveredByA).as("b renewed its marks: alive").isEmpty();
      onB.runDue(clock.instant());
      assertThat(coveredByB)
          .containsExactly(Map.of("C1", "1764752400.000100", "C2", "1764752300.000100"));
      assertThat(startedAt).as("channels it has no mark for: from its start").containsExactly(T0);
      assertThat(onB.startFrom(Map.of("C1", "1764740000.000100")))
          .as("no other replica live: the store's checkpoints")
          .isEqualTo(Map.of("C1", "1764740000.000100"));
      b.index().refresh();

      clock.advance(Duration.ofMinutes(1));
      onA.runDue(clock.instant());
      onB.runDue(clock.instant());
      assertThat(coveredByA).as("covered once, by b alone").isEmpty();
      assertThat(coveredByB).hasSize(1);
    }
  }

  @Test
  void a_dead_replica_whose_catch_up_fails_is_covered_on_a_later_check(@TempDir Path dir)
      throws Exception {
    TestClock clock = new TestClock(T0);
    try (Sift a = replica(dir.resolve("a"), "marks-again-");
        Sift b = replica(dir.resolve("b"), "marks-again-")) {
      marks(a, "replica-a", clock, (marks, since) -> {})
          .committed(Map.of("C1", "1764752400.000100"));
      a.index().refresh();
      int[] attempts = {0};
      ReplicaMarks onB =
          marks(
              b,
              "replica-b",
              clock,
              (marks, since) -> {
                if (attempts[0]++ == 0) {
                  throw new IllegalStateException("Slack said ratelimited");
                }
              });
      clock.advance(Duration.ofMinutes(3));
      onB.runDue(clock.instant());
      clock.advance(Duration.ofSeconds(31));
      onB.runDue(clock.instant());
      b.index().refresh();
      assertThat(attempts[0]).isEqualTo(2);
      clock.advance(Duration.ofSeconds(31));
      onB.runDue(clock.instant());
      assertThat(attempts[0]).as("done: its marks are gone").isEqualTo(2);
    }
  }

  /** The replica's marks in the store, covering a dead one on the calling thread. */
  private static ReplicaMarks marks(
      Sift sift, String id, TestClock clock, ReplicaMarks.CatchUp catchUp) {
    return new ReplicaMarks(
        sift.index().notes(),
        new Replica(sift.index().claims(), id, clock),
        clock,
        catchUp,
        Runnable::run);
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
