package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.audit.AuditEntry;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletions through the real Bolt app against the fake Slack: a deleted report leaves its item and
 * card, a deleted channel leaves search, the queue and digests at once, and admin actions land in
 * the audit log.
 */
class LifecycleTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String ACME = "C0ACME";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";
  private static final MessageKey ITEM =
      new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100");
  private static final MessageKey REPORT =
      new MessageKey(FakeSlack.TEAM, ACME, "1772700160.000200");

  @TempDir Path data;
  private LiveRig rig;
  private FakeSlack slack;

  @BeforeEach
  void given_an_outage_that_marcus_reported_again_from_another_channel() throws Exception {
    slack =
        new FakeSlack()
            .channel(SUPPORT, "support", false)
            .channel(ACME, "client-acme", false)
            .user("U0ISA", "Isa")
            .user("U0MARCUS", "Marcus")
            .user("U0PRIYA", "Priya");
    rig = new LiveRig(slack, data).start();
    rig.send(eventCallback("Ev01", message(SUPPORT, "U0ISA", ITEM.ts(), null, OUTAGE)));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, LiveRig.WAIT);
    rig.awaitStored(ITEM);
    rig.send(
        eventCallback(
            "Ev02",
            message(
                ACME,
                "U0MARCUS",
                REPORT.ts(),
                null,
                "Acme can't log in to the portal, they get a 502 Bad Gateway error page")));
    rig.awaitStored(REPORT);
    assertThat(item().reporters()).as("precondition: Marcus reported it").hasSize(2);
    slack.awaitCall("chat.update", c -> c.blocks().contains("Marcus"), LiveRig.WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** Waits until the message is no longer stored and the work it caused (a card) is done. */
  private void gone(MessageKey key) throws InterruptedException {
    assertThat(FakeSlack.await(() -> rig.sift().index().find(key).isEmpty(), LiveRig.WAIT))
        .as("%s forgotten", key)
        .isTrue();
    rig.idle();
  }

  private TriagedMessage item() {
    return rig.sift().index().find(ITEM).orElseThrow();
  }

  @Test
  void should_take_a_deleted_report_out_of_its_item_and_card() throws Exception {
    int updates = slack.calls("chat.update").size();

    rig.send(eventCallback("Ev03", Envelopes.deleted(ACME, REPORT.ts())));
    gone(REPORT);
    assertThat(item().reporters()).doesNotContain("Marcus").hasSize(1);
    assertThat(item().reportIds()).isEmpty();
    assertThat(item().verdict().reasons()).noneMatch(r -> r.contains("Marcus"));
    var after = slack.calls("chat.update");
    assertThat(after).hasSizeGreaterThan(updates);
    assertThat(after.get(after.size() - 1).blocks()).doesNotContain("Marcus").contains("Isa");
  }

  @Test
  void should_forget_a_deleted_channel_at_once_in_search_queue_and_digests() throws Exception {
    assertThat(rig.command("search portal", "U0PRIYA", SUPPORT)).contains("login returns 502");
    assertThat(rig.command("queue", "U0PRIYA", ACME)).contains("login returns 502");
    assertThat(rig.command("digest #support 2026-03-01", "U0PRIYA", ACME))
        .contains("login returns 502");

    rig.send(eventCallback("Ev04", channelDeleted(SUPPORT, "U0ADMIN")));
    gone(ITEM);

    assertThat(rig.command("search portal", "U0PRIYA", ACME))
        .contains("1 result for")
        .contains("<#C0ACME>")
        .doesNotContain("<#C0SUPPORT>");
    assertThat(rig.command("queue", "U0PRIYA", ACME)).doesNotContain("login returns 502");
    assertThat(rig.command("digest #support 2026-03-01", "U0PRIYA", ACME))
        .doesNotContain("login returns 502");
    // The card still in Slack no longer shows the text of a deleted channel.
    var card = slack.calls("chat.update");
    assertThat(card.get(card.size() - 1).blocks())
        .contains("deleted")
        .doesNotContain("Bad Gateway for everyone");
    assertThat(
            AuditEntry.read(data.resolve("audit.jsonl"), e -> e.action().equals("channel.deleted")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("U0ADMIN");
              assertThat(e.target()).isEqualTo(SUPPORT);
              assertThat(e.details().path("messages").asInt()).isEqualTo(1);
            });
  }

  @Test
  void should_forget_a_channel_deleted_while_sift_was_down() throws Exception {
    rig.stopApp();
    slack.deleteChannel(ACME); // channel_deleted is never delivered: Sift was not connected

    rig.start();

    gone(REPORT);
    // The sweep runs on the scheduler, not the work queue: the report goes, then its trace in
    // the item (two writes), so wait for the second too.
    assertThat(FakeSlack.await(() -> !item().reporters().contains("Marcus"), LiveRig.WAIT))
        .as("Marcus no longer among the item's reporters")
        .isTrue();
    assertThat(rig.sift().index().find(ITEM)).as("the live channel stays").isPresent();
    assertThat(
            FakeSlack.await(
                () ->
                    !AuditEntry.read(
                            data.resolve("audit.jsonl"), e -> e.action().equals("channel.deleted"))
                        .isEmpty(),
                LiveRig.WAIT))
        .isTrue();
    assertThat(
            AuditEntry.read(data.resolve("audit.jsonl"), e -> e.action().equals("channel.deleted")))
        .extracting(e -> e.actor() + " " + e.target())
        .containsExactly("system " + ACME);
  }

  @Test
  void should_audit_who_watched_and_unwatched_a_channel() throws Exception {
    rig.command("unwatch", "U0PRIYA", SUPPORT);
    rig.command("watch", "U0ISA", SUPPORT);

    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), e -> e.action().endsWith("watch")))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.target())
        .containsExactly("U0PRIYA unwatch C0SUPPORT", "U0ISA watch C0SUPPORT");
  }

  @Test
  void should_audit_a_reassignment_and_a_correction_with_who_did_it() throws Exception {
    String card = item().task().cardTs();
    interact(
        "env-reassign",
        Envelopes.blockAction(
            "task_reassign",
            "U0MARCUS",
            ITEM.id(),
            "U0PRIYA",
            SUPPORT,
            card,
            slack.responseUrl("env-reassign")),
        false);
    interact(
        "env-correct",
        Envelopes.viewSubmission(ITEM.id(), "bug", "P3", "a known bug", "U0ISA"),
        true);

    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), e -> true))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.target() + " " + e.details())
        .containsExactly(
            "U0PRIYA reassign " + ITEM.id() + " {\"assignee\":\"U0MARCUS\"}",
            "U0ISA correct " + ITEM.id() + " {\"category\":\"bug\",\"priority\":\"P3\"}");
  }

  @Test
  void should_audit_that_the_app_was_uninstalled() throws Exception {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "app_uninstalled");
    e.put("event_ts", "1772700950.000100");
    rig.send(eventCallback("Ev09", e));

    assertThat(
            FakeSlack.await(
                () ->
                    !AuditEntry.read(
                            data.resolve("audit.jsonl"), a -> a.action().equals("uninstall"))
                        .isEmpty(),
                LiveRig.WAIT))
        .isTrue();
    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), a -> true))
        .extracting(a -> a.actor() + " " + a.action() + " " + a.target() + " " + a.details())
        .containsExactly("system uninstall " + FakeSlack.TEAM + " {\"why\":\"app_uninstalled\"}");
  }

  private void interact(String env, ObjectNode payload, boolean view) throws InterruptedException {
    slack.send(Envelopes.interactive(env, "interactive", payload, view));
    assertThat(slack.awaitAck(env, LiveRig.WAIT)).isTrue();
    rig.idle();
  }

  private static ObjectNode channelDeleted(String channel, String actor) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "channel_deleted");
    e.put("channel", channel);
    e.put("actor_id", actor);
    e.put("event_ts", "1772700900.000100");
    return e;
  }
}
