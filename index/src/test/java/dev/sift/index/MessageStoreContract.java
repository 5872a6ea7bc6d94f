package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriageHistory.SimilarItem;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do, run against each backend by a subclass that says how to
 * open one: the embedded Lucene index and the distributed engine cannot drift apart. A subclass
 * opens a fresh, empty store in {@link #open()} and the same store again (its durable state only)
 * in {@link #reopen()}. Every vector here has two dimensions: a distributed engine fixes one
 * dimension per collection, as production fixes it per embedding model.
 */
public abstract class MessageStoreContract {
  private static final Instant FROM = Instant.ofEpochSecond(1772632000L);
  private static final Instant TO = Instant.ofEpochSecond(1772640000L);

  protected MessageStore store;

  /** A new, empty store. */
  protected abstract MessageStore open() throws Exception;

  /** The store opened in {@link #open()}, closed and opened again: only what was durable. */
  protected abstract MessageStore reopen() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void a_message_stored_twice_is_stored_once_and_the_second_version_wins() {
    TriagedMessage first = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    store.upsert(first);
    store.upsert(first.withStatus(Status.ACKED));

    assertThat(store.find(first.key()))
        .get()
        .extracting(TriagedMessage::status)
        .isEqualTo(Status.ACKED);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void a_write_is_found_at_once_and_a_delete_is_gone_at_once_before_and_after_a_refresh() {
    TriagedMessage m = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    store.upsert(m);
    assertThat(store.find(m.key())).isPresent();
    store.refresh();
    store.delete(m.key());
    assertThat(store.find(m.key())).isEmpty();
    store.refresh();
    assertThat(store.find(m.key())).isEmpty();
    assertThat(store.size()).isZero();
    store.delete(m.key()); // not there: no error
  }

  @Test
  void everything_stored_comes_back_as_it_went_in_vector_included() {
    TriagedMessage m =
        item("T1", "C1", "1772632654.000100", "ann", "portal is down: `HTTP 502` ✓", v(1, 2));
    store.upsert(m);
    store.refresh();

    TriagedMessage back = store.find(m.key()).orElseThrow();
    assertThat(back.message()).isEqualTo(m.message());
    assertThat(back.verdict()).isEqualTo(m.verdict());
    assertThat(back.vector()).containsExactly(m.vector());
    assertThat(back.reporters()).isEqualTo(m.reporters());
    assertThat(back.role()).isEqualTo(Role.ITEM);
  }

  @Test
  void an_edited_message_comes_back_with_slacks_time_of_its_edit() {
    Message original = msg("T1", "C1", "1772632654.000100", null, "ann", "portal is down");
    Message edited = original.withText("portal is slow").editedAt("1772632700.000200");
    TriagedMessage item = item("T1", "C1", "1772632654.000100", "ann", "x", v(1, 0));
    store.upsert(item.withMessage(edited));
    store.refresh();

    Message back = store.find(item.key()).orElseThrow().message();
    assertThat(back).isEqualTo(edited);
    assertThat(back.editedTs()).isEqualTo("1772632700.000200");
  }

  @Test
  void open_items_and_reports_in_the_window_are_found_by_meaning_most_similar_first() {
    TriagedMessage close = item("T1", "C1", "1772632654.000100", "ann", "vpn is down", v(1, 0.1f));
    TriagedMessage far = item("T1", "C1", "1772632655.000100", "bob", "lunch?", v(0, 1));
    TriagedMessage resolved =
        item("T1", "C1", "1772632656.000100", "cy", "vpn down", v(1, 0))
            .withStatus(Status.RESOLVED);
    TriagedMessage tooOld = item("T1", "C1", "1772631000.000100", "di", "vpn down", v(1, 0));
    TriagedMessage report =
        TriagedMessage.partOf(
            msg("T1", "C1", "1772632657.000100", null, "ed", "vpn broken for me too"),
            close.verdict(),
            v(1, 0.05f),
            Role.REPORT,
            close.key());
    TriagedMessage reply =
        TriagedMessage.partOf(
            msg("T1", "C1", "1772632658.000100", close.message().ts(), "fi", "looking"),
            close.verdict(),
            v(1, 0),
            Role.REPLY,
            close.key());
    for (TriagedMessage t : List.of(close, far, resolved, tooOld, report, reply)) {
      store.upsert(t);
    }
    for (boolean refreshed : new boolean[] {false, true}) {
      if (refreshed) {
        store.refresh();
      }
      List<SimilarItem> found = store.similarOpenItems(v(1, 0), FROM, TO, 10);

      assertThat(found)
          .extracting(s -> s.item().key())
          .as("refreshed: %s", refreshed)
          .containsExactly(report.key(), close.key(), far.key());
      assertThat(found.get(0).similarity())
          .isCloseTo(0.9988, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(found.get(2).similarity())
          .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(store.similarOpenItems(v(1, 0), FROM, TO, 1)).hasSize(1);
    }
  }

  @Test
  void threads_and_top_level_messages_of_a_channel_are_listed_by_ts_range() {
    store.upsert(item("T1", "C1", "1772632654.000100", "ann", "parent", v(1, 0)));
    store.upsert(part("C1", "1772632655.000100", "1772632654.000100", "reply one"));
    store.upsert(part("C1", "1772632656.000100", "1772632654.000100", "reply two"));
    store.upsert(item("T1", "C1", "1772632657.000100", "bob", "another", v(0, 1)));
    store.upsert(item("T1", "C2", "1772632658.000100", "cy", "other channel", v(0, 1)));

    assertThat(store.topLevelTs("C1", "1772632000.000000", "1772639999.000000"))
        .containsExactlyInAnyOrder("1772632654.000100", "1772632657.000100");
    assertThat(store.replyTs("C1", "1772632654.000100", "1772632000.000000", "1772639999.000000"))
        .containsExactlyInAnyOrder("1772632655.000100", "1772632656.000100");
    assertThat(store.replyTs("C1", "1772632654.000100", "1772632656.000000", "1772639999.000000"))
        .containsExactly("1772632656.000100");
    assertThat(store.threadsWithReplies("C1", "1772632000.000000", "1772639999.000000"))
        .containsExactly("1772632654.000100");
  }

  @Test
  void forgetting_a_report_takes_its_author_out_of_the_item() {
    TriagedMessage item = item("T1", "C1", "1772632654.000100", "ann", "vpn is down", v(1, 0));
    Message reportMessage = msg("T1", "C1", "1772632655.000100", null, "bob", "vpn down here too");
    TriagedMessage report =
        TriagedMessage.partOf(reportMessage, item.verdict(), v(1, 0), Role.REPORT, item.key());
    store.upsert(item.withReport(reportMessage));
    store.upsert(report);

    MessageStore.Forgotten forgotten = store.forget(report.key()).orElseThrow();

    assertThat(forgotten.reportersRemoved()).isEqualTo(1);
    assertThat(store.find(report.key())).isEmpty();
    assertThat(store.find(item.key()).orElseThrow().reporters()).containsExactly("ann");
    assertThat(store.forget(report.key())).isEmpty();
  }

  @Test
  void deleting_a_workspace_leaves_the_others() {
    TriagedMessage north = item("T0NORTH", "C1", "1772632654.000100", "ann", "down", v(1, 0));
    TriagedMessage north2 = item("T0NORTH", "C2", "1772632655.000100", "ann", "down", v(1, 0));
    TriagedMessage south = item("T0SOUTH", "C9", "1772632656.000100", "bob", "down", v(1, 0));
    store.upsert(north);
    store.refresh();
    store.upsert(north2);
    store.upsert(south);

    store.deleteTeam("T0NORTH");

    assertThat(store.find(north.key())).isEmpty();
    assertThat(store.find(north2.key())).isEmpty();
    assertThat(store.find(south.key())).isPresent();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void checkpoints_only_move_forward_unless_set_and_are_durable_with_the_commit() throws Exception {
    TriagedMessage m = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    store.upsert(m);
    store.checkpoint("C1", "1772632654.000100");
    store.checkpoint("C1", "1772632600.000100");
    assertThat(store.checkpoint("C1")).contains("1772632654.000100");
    store.setCheckpoint("C2", "1772632000.000100");
    store.commit();
    store.checkpoint("C3", "1772632000.000100"); // not committed: closing commits it

    store.close();
    store = reopen();

    assertThat(store.find(m.key())).isPresent();
    assertThat(store.checkpoints())
        .isEqualTo(
            Map.of(
                "C1", "1772632654.000100",
                "C2", "1772632000.000100",
                "C3", "1772632000.000100"));
    store.setCheckpoint("C1", "1772632500.000100");
    assertThat(store.checkpoint("C1")).contains("1772632500.000100");
  }

  @Test
  void a_conditional_write_goes_through_only_on_the_version_it_read() {
    TriagedMessage m = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    assertThat(store.findVersioned(m.key()).version()).isEqualTo(MessageStore.ABSENT);
    assertThat(store.replace(m, MessageStore.ABSENT)).isTrue();
    assertThat(store.replace(m, MessageStore.ABSENT)).as("created twice").isFalse();

    MessageStore.Versioned read = store.findVersioned(m.key());
    assertThat(read.message().orElseThrow().message()).isEqualTo(m.message());
    store.upsert(m.withStatus(Status.ACKED)); // another writer gets there first
    assertThat(store.replace(m.withStatus(Status.RESOLVED), read.version())).isFalse();
    assertThat(store.find(m.key()).orElseThrow().status()).isEqualTo(Status.ACKED);

    MessageStore.Versioned again = store.findVersioned(m.key());
    assertThat(store.replace(m.withStatus(Status.RESOLVED), again.version())).isTrue();
    assertThat(store.find(m.key()).orElseThrow().status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void concurrent_updates_of_one_item_lose_none_of_each_others_changes() throws Exception {
    TriagedMessage m = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    store.upsert(m);
    int writers = 4;
    int each = 15;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    Message report =
                        msg(
                            "T1",
                            "C1",
                            "1772632700.00" + writer + i,
                            null,
                            "u" + writer + "x" + i,
                            "me too");
                    store.update(m.key(), stored -> stored.withReport(report));
                  }
                }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // Every report made it in: none was overwritten by a writer that had read the item earlier.
    assertThat(store.find(m.key()).orElseThrow().reporters()).hasSize(1 + writers * each);
  }

  @Test
  void update_of_a_message_not_stored_changes_nothing() {
    TriagedMessage m = item("T1", "C1", "1772632654.000100", "ann", "portal is down", v(1, 0));
    assertThat(store.update(m.key(), t -> t.withStatus(Status.ACKED))).isEmpty();
    assertThat(store.find(m.key())).isEmpty();
  }

  @Test
  void a_claim_goes_to_one_claimant_until_its_lease_runs_out_and_never_again_once_done() {
    Claims claims = store.claims();
    java.time.Duration lease = java.time.Duration.ofMinutes(5);
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-a", FROM, lease)).isTrue();
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-b", FROM.plusSeconds(1), lease))
        .isFalse();
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-a", FROM.plusSeconds(2), lease))
        .as("its holder's retry goes on")
        .isTrue();
    // replica-a died: once its lease runs out the work is someone else's.
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-b", FROM.plusSeconds(302), lease))
        .isTrue();
    claims.done("digest/daily/2026-12-03", "replica-a"); // not its claim any more: no effect
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-c", FROM.plusSeconds(603), lease))
        .isTrue();
    claims.done("digest/daily/2026-12-03", "replica-c");
    assertThat(claims.claim("digest/daily/2026-12-03", "replica-c", FROM.plusSeconds(9999), lease))
        .as("done is done, even for its holder")
        .isFalse();
    assertThat(claims.held("digest/daily/2026-12-03"))
        .contains(new Claims.Held("replica-c", FROM.plusSeconds(603), true));
    assertThat(claims.claim("digest/daily/2026-12-04", "replica-b", FROM, lease)).isTrue();
    assertThat(claims.held("digest/daily/2026-12-05")).isEmpty();
    // A claimant whose work failed before doing anything gives it back for anyone to take now.
    claims.release("digest/daily/2026-12-04", "replica-a"); // not its own: no effect
    assertThat(claims.claim("digest/daily/2026-12-04", "replica-a", FROM, lease)).isFalse();
    claims.release("digest/daily/2026-12-04", "replica-b");
    assertThat(claims.claim("digest/daily/2026-12-04", "replica-a", FROM, lease)).isTrue();
  }

  @Test
  void notes_are_listed_by_kind_from_a_time_oldest_first_replaced_by_id_and_removable() {
    SharedNotes notes = store.notes();
    notes.put(new SharedNotes.Note("correction", "T1/C1/1.0", "{\"category\":\"bug\"}", FROM));
    notes.put(new SharedNotes.Note("marks", "replica-a", "{}", FROM.plusSeconds(1)));
    notes.put(
        new SharedNotes.Note("correction", "T1/C1/2.0", "x".repeat(40_000), FROM.plusSeconds(5)));
    notes.put(new SharedNotes.Note("correction", "T1/C1/0.5", "old", FROM.minusSeconds(60)));
    store.refresh();

    assertThat(notes.since("correction", FROM))
        .extracting(SharedNotes.Note::id)
        .containsExactly("T1/C1/1.0", "T1/C1/2.0");
    assertThat(notes.since("correction", FROM.plusSeconds(5)).get(0).body())
        .as("a long body comes back whole")
        .hasSize(40_000);

    notes.put(new SharedNotes.Note("correction", "T1/C1/1.0", "again", FROM.plusSeconds(9)));
    notes.remove("marks", "replica-a");
    notes.remove("marks", "never-written");
    store.refresh();
    assertThat(notes.since("correction", FROM))
        .extracting(SharedNotes.Note::id, SharedNotes.Note::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("T1/C1/2.0", "x".repeat(40_000)),
            org.assertj.core.groups.Tuple.tuple("T1/C1/1.0", "again"));
    assertThat(notes.since("marks", Instant.EPOCH)).isEmpty();
    assertThat(store.size()).as("notes are not messages").isZero();
  }

  @Test
  void a_claim_made_done_in_one_step_goes_to_the_first_claimant_only() {
    Claims claims = store.claims();
    assertThat(claims.claimDone("event/Ev9", "replica-a", FROM)).isTrue();
    assertThat(claims.claimDone("event/Ev9", "replica-b", FROM)).isFalse();
    assertThat(claims.claimDone("event/Ev9", "replica-a", FROM))
        .as("not twice, even by its owner")
        .isFalse();
    assertThat(
            claims.claim("event/Ev9", "replica-b", FROM.plusSeconds(3600), Duration.ofMinutes(1)))
        .as("done, so never taken over")
        .isFalse();
    assertThat(claims.held("event/Ev9").orElseThrow().done()).isTrue();

    // An unfinished claim, even one whose lease ran out, is not claimed done by someone else: it
    // is the holder's or a takeover's to finish.
    claims.claim("digest/x/1", "replica-a", FROM, Duration.ofSeconds(1));
    assertThat(claims.claimDone("digest/x/1", "replica-b", FROM.plusSeconds(60))).isFalse();
  }

  @Test
  void of_many_racing_claimants_exactly_one_wins() throws Exception {
    int racers = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      for (int round = 0; round < 5; round++) {
        String name = "event/Ev" + round;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> wins = new java.util.ArrayList<>();
        for (int r = 0; r < racers; r++) {
          String owner = "replica-" + r;
          wins.add(
              pool.submit(
                  () -> {
                    start.await();
                    // Odd rounds race the one-step claim events use.
                    return name.endsWith("1") || name.endsWith("3")
                        ? store.claims().claimDone(name, owner, FROM)
                        : store.claims().claim(name, owner, FROM, java.time.Duration.ofMinutes(5));
                  }));
        }
        start.countDown();
        int won = 0;
        for (var w : wins) {
          won += w.get() ? 1 : 0;
        }
        assertThat(won).as(name).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void old_claims_are_forgotten_and_claims_never_count_as_messages() {
    java.time.Duration lease = java.time.Duration.ofMinutes(5);
    store.claims().claim("event/Ev1", "a", FROM, lease);
    store.claims().done("event/Ev1", "a");
    store.claims().claim("event/Ev2", "a", FROM.plusSeconds(3600), lease);
    store.claims().done("event/Ev2", "a");
    assertThat(store.size()).isZero();

    store.claims().claim("digest/d/1", "a", FROM, lease);
    store.claims().done("digest/d/1", "a");

    store.claims().forgetBefore("event/", FROM.plusSeconds(60));
    store.refresh();
    assertThat(store.claims().claim("event/Ev1", "b", FROM.plusSeconds(7200), lease)).isTrue();
    assertThat(store.claims().claim("event/Ev2", "b", FROM.plusSeconds(7200), lease)).isFalse();
    assertThat(store.claims().claim("digest/d/1", "b", FROM.plusSeconds(7200), lease))
        .as("another kind of claim, kept")
        .isFalse();
  }

  @Test
  void the_whole_store_is_read_a_page_at_a_time_in_id_order_without_the_deleted() {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      TriagedMessage m =
          item("T1", "C" + (i % 3), "177263265" + i + ".000100", "ann", "message " + i, v(1, 0));
      store.upsert(m);
      ids.add(m.key().id());
    }
    store.commit();
    store.delete(dev.sift.triage.message.MessageKey.parse(ids.get(2)));
    store.claims().claim("event/Ev1", "a", FROM, java.time.Duration.ofMinutes(1)); // not a message
    ids.remove(2);
    java.util.Collections.sort(ids);

    List<String> read = new java.util.ArrayList<>();
    String after = null;
    for (List<TriagedMessage> page = store.page(null, 2);
        !page.isEmpty();
        page = store.page(after, 2)) {
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      page.forEach(m -> read.add(m.key().id()));
      after = page.get(page.size() - 1).key().id();
    }
    assertThat(read).containsExactlyElementsOf(ids);
  }

  static TriagedMessage item(
      String team, String channel, String ts, String user, String text, float[] vector) {
    return TriagedMessage.newItem(
        msg(team, channel, ts, null, user, text),
        new Verdict(
            "incident", Priority.P1, 0.9, 0.5, List.of("outage words: 'down'"), Verdict.EMBEDDED),
        vector);
  }

  private TriagedMessage part(String channel, String ts, String thread, String text) {
    return TriagedMessage.partOf(
        msg("T1", channel, ts, thread, "zed", text),
        new Verdict("chatter", Priority.P4, 0.8, 0.4, List.of(), Verdict.EMBEDDED),
        v(0, 1),
        Role.REPLY,
        new dev.sift.triage.message.MessageKey("T1", channel, thread));
  }

  static Message msg(
      String team, String channel, String ts, String thread, String user, String text) {
    return new Message(
        team,
        channel,
        "support",
        ts,
        thread,
        "U-" + user,
        user,
        text,
        null,
        false,
        false,
        List.of("https://example.com/x"),
        List.of());
  }

  static float[] v(float... xs) {
    return Vectors.normalize(xs);
  }
}
