package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store's {@link ItemQueries} and {@link MessageStore#keys} must answer, run against
 * each backend by a subclass that opens a fresh, empty store: the digests, the queue, SLA timers,
 * name repair, the Home tab and retention read the same items whichever store holds them. Nothing
 * here refreshes by hand: every query must see the writes before it.
 */
public abstract class ItemQueriesContract {
  /** Whole seconds, so that a message's ts and an instant bound can be made equal. */
  private static final long T0 = 1772632000L;

  protected MessageStore store;
  protected ItemQueries items;

  /** A new, empty store. */
  protected abstract MessageStore open() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
    items = store.items();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void the_queue_lists_one_priority_after_another_oldest_first_within_each() {
    TriagedMessage p2 = item("C1", 1, Priority.P2);
    TriagedMessage p1Late = item("C1", 3, Priority.P1);
    TriagedMessage p1Early = item("C1", 2, Priority.P1);
    TriagedMessage p3 = item("C1", 4, Priority.P3);
    TriagedMessage resolved = item("C1", 0, Priority.P1).withStatus(Status.RESOLVED);
    TriagedMessage acked = item("C2", 5, Priority.P2).withStatus(Status.ACKED);
    TriagedMessage reply = reply(p1Early, 6);
    store(p2, p1Late, p1Early, p3, resolved, acked, reply);

    assertThat(keys(items.items(ItemQuery.openUrgent(null, null, 10))))
        .containsExactly(p1Early.key(), p1Late.key(), p2.key(), acked.key());
    assertThat(keys(items.items(ItemQuery.openUrgent(null, null, 2))))
        .containsExactly(p1Early.key(), p1Late.key());
    assertThat(keys(items.items(ItemQuery.openUrgent(null, null, 3))))
        .containsExactly(p1Early.key(), p1Late.key(), p2.key());
    assertThat(keys(items.items(ItemQuery.openUrgent("C1", null, 10))))
        .containsExactly(p1Early.key(), p1Late.key(), p2.key());
    // since is inclusive: the item posted at that very instant is in.
    assertThat(keys(items.items(ItemQuery.openUrgent(null, at(2), 10))))
        .containsExactly(p1Early.key(), p1Late.key(), acked.key());
    assertThat(
            keys(
                items.items(
                    new ItemQuery(
                        null,
                        null,
                        EnumSet.of(Priority.P3, Priority.P1),
                        Set.of(),
                        ItemQuery.Order.PRIORITY,
                        10))))
        .containsExactly(resolved.key(), p1Early.key(), p1Late.key(), p3.key());
    assertThat(
            keys(
                items.items(
                    new ItemQuery(
                        null,
                        null,
                        Set.of(),
                        EnumSet.of(Status.RESOLVED, Status.ACKED),
                        ItemQuery.Order.PRIORITY,
                        10))))
        .containsExactly(resolved.key(), acked.key());
  }

  @Test
  void the_busiest_threads_come_first_by_reply_count() {
    TriagedMessage quiet = item("C1", 1, Priority.P3);
    TriagedMessage busiest = withReplies(item("C1", 2, Priority.P2), 3);
    TriagedMessage busy = withReplies(item("C1", 3, Priority.P1), 1);
    TriagedMessage busyP4 = withReplies(item("C1", 4, Priority.P4), 2);
    store(quiet, busiest, busy, busyP4);

    assertThat(keys(items.items(replies(Set.of(), 10))))
        .containsExactly(busiest.key(), busyP4.key(), busy.key(), quiet.key());
    assertThat(keys(items.items(replies(Set.of(), 2))))
        .containsExactly(busiest.key(), busyP4.key());
    assertThat(keys(items.items(replies(EnumSet.of(Priority.P1, Priority.P3), 10))))
        .containsExactly(busy.key(), quiet.key());
  }

  @Test
  void a_channel_is_found_by_name_in_any_case_with_or_without_hash_or_by_id() {
    store(
        MessageIndexTest.item(
            "C1",
            "Support-EU",
            ts(1),
            "ann",
            "down",
            "incident",
            Priority.P1,
            MessageIndexTest.v(1, 0)));

    for (String asked : List.of("#support-eu", "Support-EU", "SUPPORT-EU", "C1")) {
      assertThat(items.channel(asked))
          .as(asked)
          .get()
          .satisfies(
              c -> {
                assertThat(c).containsExactly("C1", "Support-EU");
              });
    }
    assertThat(items.channel("#support")).isEmpty();
    assertThat(items.channel("c1")).isEmpty();
  }

  @Test
  void a_channels_messages_replies_included_come_oldest_first_keeping_the_newest() {
    TriagedMessage first = item("C1", 1, Priority.P1);
    TriagedMessage second = item("C1", 2, Priority.P4);
    TriagedMessage answer = reply(first, 3);
    TriagedMessage elsewhere = item("C2", 4, Priority.P1);
    store(first, second, answer, elsewhere);

    assertThat(items.messages("C1", null, 10))
        .extracting(Message::ts)
        .containsExactly(ts(1), ts(2), ts(3));
    assertThat(items.messages("C1", null, 2)).extracting(Message::ts).containsExactly(ts(2), ts(3));
    assertThat(items.messages("C1", at(2), 10))
        .extracting(Message::ts)
        .containsExactly(ts(2), ts(3));
    assertThat(items.messages(null, at(3), 10))
        .extracting(Message::ts)
        .containsExactly(ts(3), ts(4));
    assertThat(items.messages("C9", null, 10)).isEmpty();
  }

  @Test
  void messages_are_counted_by_category_and_items_by_priority_in_a_half_open_window() {
    store(
        item("C1", 1, Priority.P1, "incident"),
        item("C1", 2, Priority.P1, "incident"),
        item("C1", 3, Priority.P2, "request"),
        item("C2", 4, Priority.P1, "incident"));
    store.upsert(reply(item("C1", 1, Priority.P1, "incident"), 5)); // chatter, not an item

    assertThat(items.messagesByCategory(null, null))
        .isEqualTo(Map.of("incident", 3L, "request", 1L, "chatter", 1L));
    assertThat(items.messagesByCategory("C1", at(2), at(5)))
        .isEqualTo(Map.of("incident", 1L, "request", 1L));
    assertThat(items.messagesByCategory("C1", at(2), at(6)))
        .isEqualTo(Map.of("incident", 1L, "request", 1L, "chatter", 1L));
    assertThat(items.messagesByCategory("C9", null)).isEmpty();

    assertThat(items.itemsByPriority(null, null))
        .isEqualTo(Map.of(Priority.P1, 3L, Priority.P2, 1L, Priority.P3, 0L, Priority.P4, 0L));
    assertThat(items.itemsByPriority("C1", at(2), at(3)))
        .isEqualTo(Map.of(Priority.P1, 1L, Priority.P2, 0L, Priority.P3, 0L, Priority.P4, 0L));
    assertThat(items.itemsByPriority(null, null, at(1)))
        .containsOnlyKeys(Priority.values())
        .allSatisfy((p, n) -> assertThat(n).isZero());
  }

  @Test
  void items_resolved_in_a_window_come_by_priority_then_oldest_first() {
    TriagedMessage p2 = resolvedAt(item("C1", 1, Priority.P2), at(100));
    TriagedMessage p1Late = resolvedAt(item("C1", 3, Priority.P1), at(101));
    TriagedMessage p1Early = resolvedAt(item("C1", 2, Priority.P1), at(102));
    TriagedMessage before = resolvedAt(item("C1", 4, Priority.P1), at(99));
    TriagedMessage atUntil = resolvedAt(item("C1", 5, Priority.P1), at(103));
    TriagedMessage otherChannel = resolvedAt(item("C2", 6, Priority.P1), at(100));
    TriagedMessage open = item("C1", 7, Priority.P1);
    store(p2, p1Late, p1Early, before, atUntil, otherChannel, open);

    assertThat(keys(items.resolvedBetween("C1", at(100), at(103), 10)))
        .containsExactly(p1Early.key(), p1Late.key(), p2.key());
    assertThat(keys(items.resolvedBetween("C1", at(100), at(103), 2)))
        .containsExactly(p1Early.key(), p1Late.key());
    assertThat(keys(items.resolvedBetween(null, null, null, 10)))
        .containsExactly(
            p1Early.key(), p1Late.key(), before.key(), atUntil.key(), otherChannel.key(), p2.key());
  }

  @Test
  void sla_breaches_are_those_since_and_those_still_open_earliest_first() {
    TriagedMessage recent =
        breached(item("C1", 1, Priority.P1), at(200)).withStatus(Status.RESOLVED);
    TriagedMessage atSince =
        breached(item("C1", 2, Priority.P2), at(100)).withStatus(Status.RESOLVED);
    TriagedMessage oldOpen = breached(item("C1", 3, Priority.P1), at(50));
    TriagedMessage oldResolved =
        breached(item("C1", 4, Priority.P1), at(40)).withStatus(Status.RESOLVED);
    TriagedMessage elsewhere = breached(item("C2", 5, Priority.P1), at(150));
    TriagedMessage onTime = item("C1", 6, Priority.P1).withTask(new Task("U1", "C9", ts(7)));
    store(recent, atSince, oldOpen, oldResolved, elsewhere, onTime);

    assertThat(keys(items.slaBreaches("C1", at(100), 10)))
        .containsExactly(oldOpen.key(), atSince.key(), recent.key());
    assertThat(keys(items.slaBreaches("C1", at(100), 2)))
        .containsExactly(oldOpen.key(), atSince.key());
    assertThat(keys(items.slaBreaches(null, at(101), 10)))
        .containsExactly(oldOpen.key(), elsewhere.key(), recent.key());
    assertThat(keys(items.slaBreaches(null, null, 10)))
        .containsExactly(
            oldResolved.key(), oldOpen.key(), atSince.key(), elsewhere.key(), recent.key());
  }

  @Test
  void channel_ids_are_those_with_messages_and_checkpoints_are_not_messages() {
    assertThat(items.channelIds()).isEmpty();
    TriagedMessage gone = item("C3", 3, Priority.P1);
    store(item("C2", 1, Priority.P1), item("C1", 2, Priority.P1), gone);
    items.channelIds(); // the deleted message was searchable once
    store.delete(gone.key());
    store.checkpoint("C9", ts(1));
    store.commit();

    assertThat(items.channelIds()).containsExactly("C1", "C2");
  }

  @Test
  void messages_stored_under_the_channel_id_or_an_old_name_are_misnamed() {
    TriagedMessage unnamed = named("C1", "C1", 1);
    TriagedMessage oldName = named("C1", "old-support", 2);
    TriagedMessage right = named("C1", "Support", 3);
    TriagedMessage otherChannel = named("C2", "C2", 4);
    TriagedMessage named = named("C3", "general", 5);
    store(unnamed, oldName, right, otherChannel, named);

    assertThat(items.misnamed("C1", "Support"))
        .containsExactlyInAnyOrder(unnamed.key(), oldName.key());
    assertThat(items.misnamed("C1", "SUPPORT"))
        .containsExactlyInAnyOrder(unnamed.key(), oldName.key());
    assertThat(items.misnamed("C3", "general")).isEmpty();
    assertThat(items.misnamed("C9", "nowhere")).isEmpty();
    assertThat(items.unnamedChannels()).containsExactly("C1", "C2");
  }

  @Test
  void a_users_open_items_come_most_urgent_first_resolved_and_others_left_out() {
    TriagedMessage p3 = assigned(item("C1", 1, Priority.P3), "U1");
    TriagedMessage p1 = assigned(item("C2", 2, Priority.P1), "U1");
    TriagedMessage acked = assigned(item("C1", 3, Priority.P2), "U1").withStatus(Status.ACKED);
    TriagedMessage resolved =
        assigned(item("C1", 4, Priority.P1), "U1").withStatus(Status.RESOLVED);
    TriagedMessage someoneElses = assigned(item("C1", 5, Priority.P1), "U2");
    TriagedMessage report =
        TriagedMessage.partOf(
                MessageStoreContract.msg("T1", "C1", ts(6), null, "bob", "me too"),
                p3.verdict(),
                MessageIndexTest.v(1, 0),
                Role.REPORT,
                p3.key())
            .withTask(new Task("U1", null, null));
    store(p3, p1, acked, resolved, someoneElses, report);

    assertThat(keys(items.ownedBy("U1", 10))).containsExactly(p1.key(), acked.key(), p3.key());
    assertThat(items.ownedBy("U1", 2)).hasSize(2);
    assertThat(items.ownedBy("u1", 10)).isEmpty();
    assertThat(items.ownedBy("U9", 10)).isEmpty();
  }

  @Test
  void open_cards_are_unresolved_items_with_a_card_oldest_first() {
    TriagedMessage late = card(item("C1", 3, Priority.P1));
    TriagedMessage early = card(item("C2", 1, Priority.P4)).withStatus(Status.ACKED);
    TriagedMessage middle = card(item("C1", 2, Priority.P2));
    TriagedMessage resolved = card(item("C1", 0, Priority.P1)).withStatus(Status.RESOLVED);
    TriagedMessage noCard = item("C1", 4, Priority.P1).withTask(new Task("U1", null, null));
    store(late, early, middle, resolved, noCard);

    TriagedMessage back = items.openCards(10).get(0);
    assertThat(back.task()).isEqualTo(early.task());
    assertThat(keys(items.openCards(10))).containsExactly(early.key(), middle.key(), late.key());
    assertThat(keys(items.openCards(2))).containsExactly(early.key(), middle.key());
  }

  @Test
  void cards_acted_on_without_a_human_correction_are_accepted_as_triaged() {
    assertThat(items.cardsAcceptedAsTriaged()).isZero();
    store(
        card(item("C1", 1, Priority.P1)).withStatus(Status.ACKED),
        card(item("C1", 2, Priority.P1)).withStatus(Status.RESOLVED),
        card(item("C1", 3, Priority.P1)), // open: not acted on
        card(item("C1", 4, Priority.P1))
            .withStatus(Status.ACKED)
            .withVerdict(
                new Verdict("request", Priority.P3, 1.0, 1.0, List.of("corrected"), Verdict.HUMAN)),
        item("C1", 5, Priority.P1).withStatus(Status.RESOLVED)); // no card

    assertThat(items.cardsAcceptedAsTriaged()).isEqualTo(2);
  }

  @Test
  void the_newest_message_is_when_the_latest_was_posted_replies_included() {
    assertThat(items.newest()).isEmpty();
    store.checkpoint("C1", ts(99));
    store.commit();
    assertThat(items.newest()).isEmpty();

    TriagedMessage first = item("C1", 1, Priority.P1);
    store(item("C2", 2, Priority.P4), first, reply(first, 3));

    assertThat(items.newest()).contains(at(3));
  }

  @Test
  void a_selection_keeps_every_condition_given() {
    TriagedMessage ann = item("C1", 1, Priority.P1); // user id U-ann
    TriagedMessage annLater = item("C2", 3, Priority.P1);
    TriagedMessage bob =
        MessageIndexTest.item(
            "C1", "support", ts(2), "bob", "hi", "incident", Priority.P1, MessageIndexTest.v(1, 0));
    // Someone whose *name* is ann's id: the id's own messages only are selected.
    TriagedMessage namedLikeAnnsId =
        MessageIndexTest.item(
            "C1",
            "support",
            ts(4),
            "U-ann",
            "hi",
            "incident",
            Priority.P1,
            MessageIndexTest.v(1, 0));
    TriagedMessage otherTeam =
        MessageStoreContract.item("T2", "C1", ts(5), "ann", "down", MessageIndexTest.v(1, 0));
    store(ann, annLater, bob, namedLikeAnnsId, otherTeam);

    assertThat(store.keys(Selection.user("U-ann")))
        .containsExactlyInAnyOrder(ann.key(), annLater.key(), otherTeam.key());
    assertThat(store.keys(Selection.user("U-ann").inTeam("T1")))
        .containsExactlyInAnyOrder(ann.key(), annLater.key());
    assertThat(store.keys(Selection.user("u-ann"))).isEmpty();
    assertThat(store.keys(Selection.user("ann"))).isEmpty();
    assertThat(store.keys(Selection.team("T2"))).containsExactly(otherTeam.key());
    assertThat(store.keys(Selection.channel("C2"))).containsExactly(annLater.key());
    assertThat(store.keys(Selection.channel("C1").inTeam("T1")))
        .containsExactlyInAnyOrder(ann.key(), bob.key(), namedLikeAnnsId.key());
    // before is exclusive: the message posted at that very instant is not selected.
    assertThat(store.keys(new Selection(null, null, null, at(3))))
        .containsExactlyInAnyOrder(ann.key(), bob.key());
    assertThat(store.keys(new Selection("T1", "C1", "U-ann", at(2)))).containsExactly(ann.key());
    assertThat(store.keys(Selection.team("T9"))).isEmpty();
  }

  /** The instant {@code n} seconds after the tests' epoch. */
  private static Instant at(long n) {
    return Instant.ofEpochSecond(T0 + n);
  }

  /** The Slack ts of {@link #at}. */
  private static String ts(long n) {
    return SlackTs.of(at(n));
  }

  private static TriagedMessage item(String channelId, long n, Priority p) {
    return item(channelId, n, p, "incident");
  }

  private static TriagedMessage item(String channelId, long n, Priority p, String category) {
    return MessageIndexTest.item(
        channelId, "support", ts(n), "ann", "item " + n, category, p, MessageIndexTest.v(1, 0));
  }

  private static TriagedMessage named(String channelId, String channelName, long n) {
    return MessageIndexTest.item(
        channelId,
        channelName,
        ts(n),
        "ann",
        "item " + n,
        "incident",
        Priority.P1,
        MessageIndexTest.v(1, 0));
  }

  /** A reply in {@code item}'s thread, posted at {@code n}: chatter, P4. */
  private static TriagedMessage reply(TriagedMessage item, long n) {
    return TriagedMessage.partOf(
        MessageStoreContract.msg(
            "T1", item.message().channelId(), ts(n), item.message().ts(), "zed", "looking"),
        new Verdict("chatter", Priority.P4, 0.8, 0.4, List.of(), Verdict.EMBEDDED),
        MessageIndexTest.v(0, 1),
        Role.REPLY,
        item.key());
  }

  /** {@code item} with {@code count} replies (ids only: the replies need not be stored). */
  private static TriagedMessage withReplies(TriagedMessage item, int count) {
    long n = item.message().postedAt().getEpochSecond() - T0;
    TriagedMessage t = item;
    for (int i = 1; i <= count; i++) {
      t = t.withReply(reply(item, 1000 + 10 * n + i).message());
    }
    return t;
  }

  private static TriagedMessage card(TriagedMessage item) {
    return item.withTask(new Task("U1", "C9", item.message().ts()));
  }

  private static TriagedMessage assigned(TriagedMessage item, String userId) {
    return item.withTask(new Task(userId, null, null));
  }

  private static TriagedMessage breached(TriagedMessage item, Instant at) {
    return item.withTask(new Task("U1", "C9", item.message().ts(), at));
  }

  private static TriagedMessage resolvedAt(TriagedMessage item, Instant at) {
    return item.withStatus(Status.RESOLVED)
        .withTask(
            new Task(
                "U1",
                "C9",
                item.message().ts(),
                null,
                new TaskTimes(at.minusSeconds(60), null, at, Progress.NONE, Progress.NONE)));
  }

  private static ItemQuery replies(Set<Priority> priorities, int limit) {
    return new ItemQuery(null, null, priorities, Set.of(), ItemQuery.Order.REPLIES, limit);
  }

  private void store(TriagedMessage... ts) {
    for (TriagedMessage t : ts) {
      store.upsert(t);
    }
  }

  private static List<MessageKey> keys(List<TriagedMessage> found) {
    return found.stream().map(TriagedMessage::key).toList();
  }
}
