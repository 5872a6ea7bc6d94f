package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.events;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Bolt app over Socket Mode against a fake Slack: what a team would see. */
class LiveAppTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUPPORT = "C0SUPPORT";
  private static final String ACME = "C0ACME";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";

  @TempDir Path data;
  private FakeSlack slack;
  private LiveRig rig;
  private int envelopes;

  @BeforeEach
  void start() throws Exception {
    slack =
        new FakeSlack()
            .channel(SUPPORT, "support", false)
            .channel(ACME, "client-acme", false)
            .channel("G0LEADS", "leadership", true)
            .user("U0ISA", "Isa")
            .user("U0MARCUS", "Marcus")
            .user("U0PRIYA", "Priya")
            .member("G0LEADS", "U0PRIYA");
    rig = new LiveRig(slack, data).start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private String send(String eventId, com.fasterxml.jackson.databind.node.ObjectNode event)
      throws InterruptedException {
    String id = "env-" + ++envelopes;
    slack.send(events(id, eventCallback(eventId, event), 0));
    assertThat(slack.awaitAck(id, WAIT)).as("ack of " + id).isTrue();
    return id;
  }

  private void idle() throws InterruptedException {
    assertThat(rig.app().awaitIdle(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void should_ack_an_outage_report_and_post_a_p1_task_card_in_its_thread() throws Exception {
    send("Ev01", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));

    FakeSlack.Call card =
        slack.awaitCall(
            "chat.postMessage", c -> "1772700100.000100".equals(c.param("thread_ts")), WAIT);
    assertThat(card.param("channel")).isEqualTo(SUPPORT);
    assertThat(card.token()).isEqualTo("xoxb-test");
    String blocks = card.blocks();
    assertThat(blocks).contains("P1").contains("incident").contains("Isa");
    assertThat(card.json("blocks").findValuesAsText("action_id"))
        .contains("task_ack", "task_resolve", "task_reassign", "task_wrong");
    assertThat(slack.calls("chat.getPermalink")).hasSize(1);
    slack.awaitCall(
        "reactions.add",
        c -> c.param("name").equals("eyes") && c.param("timestamp").equals("1772700100.000100"),
        WAIT);
  }

  @Test
  void should_process_a_retried_event_only_once() throws Exception {
    var event = message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE);
    send("Ev02", event);
    slack.send(events("env-retry", eventCallback("Ev02", event), 1));
    assertThat(slack.awaitAck("env-retry", WAIT)).isTrue();
    idle();

    assertThat(slack.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void should_update_one_card_as_replies_and_other_reporters_arrive_instead_of_posting_more()
      throws Exception {
    send("Ev10", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();

    send(
        "Ev11",
        message(
            ACME,
            "U0MARCUS",
            "1772700160.000200",
            null,
            "Acme can't log in to the portal, they get a 502 Bad Gateway error page"));
    send(
        "Ev12",
        message(
            SUPPORT, "U0PRIYA", "1772700200.000300", "1772700100.000100", "on it, rolling back"));
    idle();

    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    FakeSlack.Call update =
        slack.awaitCall("chat.update", c -> c.blocks().contains("Marcus"), WAIT);
    assertThat(update.param("channel")).isEqualTo(SUPPORT);
    var updates = slack.calls("chat.update");
    assertThat(updates.get(updates.size() - 1).blocks()).contains("1 reply");
  }

  @Test
  void should_retriage_an_edit_and_close_the_task_when_the_message_is_deleted() throws Exception {
    send("Ev20", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();

    send(
        "Ev21",
        Envelopes.changed(
            SUPPORT,
            "U0ISA",
            "1772700100.000100",
            OUTAGE,
            "@here the client portal is down since 14:02, login returns 502 for everyone"));
    slack.awaitCall("chat.update", c -> c.blocks().contains("since 14:02"), WAIT);

    send("Ev22", Envelopes.deleted(SUPPORT, "1772700100.000100"));
    slack.awaitCall("chat.update", c -> c.param("text").contains("deleted"), WAIT);
    idle();
    assertThat(rig.sift().search().search(request("portal"))).isEmpty();
  }

  @Test
  void should_lower_the_card_when_an_edit_says_the_problem_was_minor() throws Exception {
    String vpn = "@here the VPN is down for the whole office, nobody can connect";
    send("Ev25", message(SUPPORT, "U0ISA", "1772700100.000100", null, vpn));
    FakeSlack.Call card =
        slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    assertThat(card.blocks()).contains("P1").contains("down");
    idle();

    send(
        "Ev26",
        Envelopes.changed(
            SUPPORT,
            "U0ISA",
            "1772700100.000100",
            vpn,
            "the VPN was slow this morning, fine now, thanks"));
    FakeSlack.Call update =
        slack.awaitCall("chat.update", c -> c.blocks().contains("fine now"), WAIT);

    assertThat(update.blocks()).doesNotContain("P1").doesNotContain("'down'");
    assertThat(rig.sift().index().find(key("1772700100.000100")).orElseThrow().verdict().priority())
        .isNotEqualTo(dev.sift.triage.verdict.Priority.P1);
  }

  @Test
  void should_acknowledge_reassign_and_resolve_from_the_card() throws Exception {
    send("Ev30", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    FakeSlack.Call card =
        slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();
    String itemId = FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100";
    String cardTs = "1772700000.001000";

    click("task_ack", itemId, "U0PRIYA", cardTs);
    slack.awaitCall("chat.update", c -> c.blocks().contains("<@U0PRIYA>"), WAIT);
    click("task_reassign", "U0MARCUS", "U0PRIYA", cardTs, itemId);
    slack.awaitCall("chat.update", c -> c.blocks().contains("<@U0MARCUS>"), WAIT);
    click("task_resolve", itemId, "U0MARCUS", cardTs);
    FakeSlack.Call resolved =
        slack.awaitCall(
            "chat.update",
            c -> c.json("blocks").findValuesAsText("action_id").contains("task_reopen"),
            WAIT);

    assertThat(resolved.param("ts")).isEqualTo(cardTs);
    assertThat(resolved.param("channel")).isEqualTo(card.param("channel"));
    assertThat(resolved.blocks()).contains("Resolved");
  }

  @Test
  void should_acknowledge_and_resolve_a_task_from_reactions_on_its_message() throws Exception {
    send("Ev32", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    send("Ev33", message(SUPPORT, "U0ISA", "1772700140.000100", null, "thanks all, lunch at 1?"));
    idle();
    String cardTs = "1772700000.001000";

    // A reaction on a message without a card, and one that means nothing, change nothing.
    send("Ev34a", Envelopes.reactionAdded(SUPPORT, "1772700140.000100", "U0PRIYA", "eyes"));
    send("Ev34b", Envelopes.reactionAdded(SUPPORT, "1772700100.000100", "U0PRIYA", "tada"));
    idle();
    assertThat(slack.calls("chat.update")).isEmpty();

    send("Ev34c", Envelopes.reactionAdded(SUPPORT, "1772700100.000100", "U0PRIYA", "eyes"));
    FakeSlack.Call acked =
        slack.awaitCall("chat.update", c -> c.blocks().contains("<@U0PRIYA>"), WAIT);
    assertThat(acked.param("ts")).isEqualTo(cardTs);
    assertThat(acked.blocks()).contains("Acknowledged");

    send(
        "Ev34d",
        Envelopes.reactionAdded(SUPPORT, "1772700100.000100", "U0MARCUS", "white_check_mark"));
    FakeSlack.Call resolved =
        slack.awaitCall(
            "chat.update",
            c -> c.json("blocks").findValuesAsText("action_id").contains("task_reopen"),
            WAIT);
    assertThat(resolved.param("ts")).isEqualTo(cardTs);
    assertThat(resolved.blocks()).contains("Resolved");
    assertThat(rig.sift().index().find(key("1772700100.000100")).orElseThrow().status())
        .isEqualTo(dev.sift.triage.verdict.Status.RESOLVED);
  }

  @Test
  void should_keep_a_resolved_task_resolved_when_its_item_is_rebuilt_from_history()
      throws Exception {
    send("Ev35", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();
    String itemId = FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100";
    String cardTs = "1772700000.001000";
    click("task_resolve", itemId, "U0MARCUS", cardTs);
    slack.awaitCall(
        "chat.update",
        c -> c.json("blocks").findValuesAsText("action_id").contains("task_reopen"),
        WAIT);
    idle();
    rig.stopApp();
    IndexRebuildTest.corrupt(data.resolve("index"));
    Files.writeString(data.resolve("sift.running"), "12345\n"); // as kill -9 leaves it
    rig.start();
    assertThat(rig.sift().indexProblem()).isNotNull();
    int updatesBefore = slack.calls("chat.update").size();

    // The message comes back from Slack (here an edit): a new item, whose card exists.
    send(
        "Ev36",
        Envelopes.changed(SUPPORT, "U0ISA", "1772700100.000100", OUTAGE, OUTAGE + " (EU too)"));
    FakeSlack.Call redrawn =
        slack.awaitCall(
            "chat.update",
            c ->
                slack.calls("chat.update").indexOf(c) >= updatesBefore
                    && c.param("ts").equals(cardTs),
            WAIT);
    idle();
    assertThat(redrawn.json("blocks").findValuesAsText("action_id"))
        .as("the card still offers Reopen: the rebuilt item took the card's status")
        .contains("task_reopen");
    assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("blocks") != null))
        .as("no second card")
        .hasSize(1);
  }

  @Test
  void should_open_the_correction_modal_and_learn_the_correction_across_a_restart()
      throws Exception {
    send("Ev40", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();
    String itemId = FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100";
    int examplesBefore = rig.sift().classifier().exampleCount();

    click("task_wrong", itemId, "U0PRIYA", "1772700000.001000");
    FakeSlack.Call modal = slack.awaitCall("views.open", c -> true, WAIT);
    assertThat(modal.json("view").path("callback_id").asText()).isEqualTo("triage_correction");
    assertThat(modal.json("view").path("private_metadata").asText()).isEqualTo(itemId);

    String env = "env-view";
    slack.send(
        Envelopes.interactive(
            env,
            "interactive",
            Envelopes.viewSubmission(itemId, "bug", "P3", "a known bug, not an outage", "U0PRIYA"),
            true));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
    slack.awaitCall(
        "chat.update", c -> c.blocks().contains("bug") && c.blocks().contains("P3"), WAIT);
    idle();
    assertThat(rig.sift().classifier().exampleCount()).isEqualTo(examplesBefore + 1);
    assertThat(Files.readString(data.resolve("corrections.jsonl")))
        .contains("\"category\":\"bug\"");

    rig.stopApp();
    rig.start();
    assertThat(rig.sift().classifier().exampleCount()).isEqualTo(examplesBefore + 1);
  }

  @Test
  void should_answer_triage_help_and_search_within_the_ack_and_hide_private_channels()
      throws Exception {
    send("Ev50", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    send(
        "Ev51",
        message(
            "G0LEADS",
            "U0PRIYA",
            "1772700150.000100",
            null,
            "portal pricing for 2027 is confidential"));
    idle();

    slack.send(
        Envelopes.slashCommand("env-help", "bogus", "U0ISA", SUPPORT, slack.responseUrl("help")));
    assertThat(slack.awaitAck("env-help", WAIT)).isTrue();
    assertThat(slack.ackPayload("env-help").toString()).contains("search").contains("queue");

    // U0OUTSIDER is in no private channel the fake knows: leadership's message stays hidden.
    slack.send(
        Envelopes.slashCommand(
            "env-search", "search portal", "U0OUTSIDER", SUPPORT, slack.responseUrl("env-search")));
    JsonNode answer = slack.commandAnswer("env-search", WAIT);
    assertThat(answer.toString()).contains("502").doesNotContain("confidential");

    slack.send(
        Envelopes.slashCommand(
            "env-member", "search portal", "U0PRIYA", SUPPORT, slack.responseUrl("env-member")));
    JsonNode member = slack.commandAnswer("env-member", WAIT);
    assertThat(member.toString()).contains("confidential");
  }

  @Test
  void should_page_search_with_more_results_and_still_hide_private_channels() throws Exception {
    for (int i = 1; i <= 8; i++) {
      send(
          "EvM" + i,
          message(
              SUPPORT,
              "U0ISA",
              "17727001" + i + "0.000100",
              null,
              "invoice INV-10" + i + " for Acme failed to sync to the ledger"));
    }
    send(
        "EvM9",
        message(
            "G0LEADS",
            "U0PRIYA",
            "1772700195.000100",
            null,
            "invoice INV-999 for the board is confidential"));
    idle();

    String first = command("search invoice", "env-first", "U0OUTSIDER");
    assertThat(first).contains("search_more").contains("INV-10");
    assertThat(countOf(first, "INV-10")).isEqualTo(5);

    String env = "env-more";
    slack.send(
        Envelopes.interactive(
            env,
            "interactive",
            Envelopes.blockAction(
                "search_more",
                "invoice",
                "invoice",
                "U0OUTSIDER",
                SUPPORT,
                "1772700300.000100",
                slack.responseUrl(env)),
            false));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
    String more = slack.awaitResponse(env, WAIT).toString();
    for (int i = 1; i <= 8; i++) {
      assertThat(more).contains("INV-10" + i);
    }
    assertThat(more).doesNotContain("INV-999").doesNotContain("search_more");
  }

  @Test
  void should_wait_as_long_as_retry_after_says_when_slack_rate_limits_a_post() throws Exception {
    slack.scriptNext(
        "chat.postMessage",
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "1")
            .body("{\"ok\":false,\"error\":\"ratelimited\"}")
            .build());
    long start = System.nanoTime();

    send("Ev60", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    idle();

    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(
            rig.sift()
                .index()
                .find(
                    dev.sift.triage.message.MessageKey.parse(
                        FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100")))
        .get()
        .satisfies(t -> assertThat(t.task().hasCard()).isTrue());
  }

  @Test
  void should_escape_user_text_so_it_cannot_ping_the_channel_from_our_card() throws Exception {
    send(
        "Ev70",
        message(
            SUPPORT,
            "U0ISA",
            "1772700100.000100",
            null,
            "<!channel> portal down, 502 on login & <@U0PRIYA> <https://evil.example|click>"));

    FakeSlack.Call card = slack.awaitCall("chat.postMessage", c -> c.param("blocks") != null, WAIT);
    String blocks = card.blocks();
    assertThat(blocks)
        .doesNotContain("<!channel>")
        .doesNotContain("<@U0PRIYA>")
        .doesNotContain("<https://evil");
    assertThat(card.param("link_names")).isNotEqualTo("1");
  }

  @Test
  void should_ignore_its_own_posts() throws Exception {
    send("Ev80", message(SUPPORT, FakeSlack.BOT_USER, "1772700100.000100", null, OUTAGE));
    idle();

    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void should_triage_a_message_on_request_and_route_it_when_asked() throws Exception {
    slack.send(
        Envelopes.interactive(
            "env-shortcut",
            "interactive",
            Envelopes.messageShortcut(
                SUPPORT,
                "U0PRIYA",
                "U0ISA",
                "1772700300.000100",
                "Could someone send Acme the signed SOW before Friday?",
                slack.responseUrl("shortcut")),
            false));
    assertThat(slack.awaitAck("env-shortcut", WAIT)).isTrue();

    JsonNode verdict = slack.awaitResponse(r -> r.toString().contains("triage_route"), WAIT);
    assertThat(verdict.toString()).contains("request").contains("sure");
    assertThat(slack.calls("chat.postMessage")).isEmpty();

    click("triage_route", FakeSlack.TEAM + "/" + SUPPORT + "/1772700300.000100", "U0PRIYA", "x");
    FakeSlack.Call card =
        slack.awaitCall(
            "chat.postMessage", c -> "1772700300.000100".equals(c.param("thread_ts")), WAIT);
    assertThat(card.blocks()).contains("SOW");
    slack.awaitResponse(r -> r.toString().contains("Routed"), WAIT);
  }

  @Test
  void should_show_the_viewers_tasks_and_the_queue_on_app_home() throws Exception {
    send("Ev90", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    idle();
    click("task_ack", FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100", "U0PRIYA", "x");
    idle();

    var home = Envelopes.eventCallback("Ev91", FakeSlack.JSON.createObjectNode());
    ((com.fasterxml.jackson.databind.node.ObjectNode) home.get("event"))
        .put("type", "app_home_opened")
        .put("user", "U0PRIYA")
        .put("channel", "D0HOME")
        .put("tab", "home")
        .put("event_ts", "1772700400.000100");
    slack.send(events("env-home", home, 0));
    assertThat(slack.awaitAck("env-home", WAIT)).isTrue();

    FakeSlack.Call published = slack.awaitCall("views.publish", c -> true, WAIT);
    assertThat(published.param("user_id")).isEqualTo("U0PRIYA");
    String view = published.json("view").toString();
    assertThat(view).contains("\"type\":\"home\"").contains("Your open tasks").contains("502");
  }

  @Test
  void should_list_the_queue_and_stats_and_watch_a_channel_on_command() throws Exception {
    send("Ev95", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    idle();

    assertThat(command("queue", "env-q")).contains("P1").contains("502");
    assertThat(command("stats", "env-st")).contains("incident");
    assertThat(command("digest 7d", "env-dg")).contains("support");
    assertThat(command("unwatch", "env-uw")).contains("Stopped watching");
    send("Ev96", message(SUPPORT, "U0ISA", "1772700500.000100", null, "the portal is down again"));
    idle();
    assertThat(rig.sift().index().find(key("1772700500.000100"))).isEmpty();
    assertThat(command("watch", "env-w")).contains("Watching");
    slack.awaitCall("conversations.join", c -> SUPPORT.equals(c.param("channel")), WAIT);
    assertThat(Files.readString(data.resolve("watchlist.json"))).contains(SUPPORT);
  }

  @Test
  void should_keep_deleted_own_and_private_things_out_of_reach() throws Exception {
    // Posted and deleted at once: whichever is handled first, the message stays gone.
    send(
        "EvA1",
        message(SUPPORT, "U0ISA", "1772700600.000100", null, "oops, pasted the wrong thing"));
    send("EvA2", Envelopes.deleted(SUPPORT, "1772700600.000100"));
    // Our own card edited by chat.update comes back as message_changed: not triaged.
    send(
        "EvA3",
        Envelopes.changed(
            SUPPORT, FakeSlack.BOT_USER, "1772700700.000100", "card", "P1 incident card, updated"));
    send("EvA4", message("G0LEADS", "U0PRIYA", "1772700800.000100", null, "salary bands for 2027"));
    idle();

    assertThat(rig.sift().index().find(key("1772700600.000100"))).isEmpty();
    assertThat(rig.sift().index().find(key("1772700700.000100"))).isEmpty();
    assertThat(command("digest #leadership 7d", "env-priv", "U0OUTSIDER")).contains("private");
    assertThat(command("digest #leadership 7d", "env-mem", "U0PRIYA")).contains("Digest of");
  }

  /** Runs /triage and returns its answer, from the ack or, when slow, the response_url. */
  private String command(String text, String env) throws InterruptedException {
    return command(text, env, "U0PRIYA");
  }

  private String command(String text, String env, String user) throws InterruptedException {
    slack.send(Envelopes.slashCommand(env, text, user, SUPPORT, slack.responseUrl(env)));
    return slack.commandAnswer(env, WAIT).toString();
  }

  private static int countOf(String text, String word) {
    return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
  }

  private static dev.sift.triage.message.MessageKey key(String ts) {
    return new dev.sift.triage.message.MessageKey(FakeSlack.TEAM, SUPPORT, ts);
  }

  private void click(String actionId, String itemId, String user, String cardTs)
      throws InterruptedException {
    click(actionId, itemId, user, cardTs, itemId);
  }

  private void click(String actionId, String value, String user, String cardTs, String itemId)
      throws InterruptedException {
    String env = "env-" + ++envelopes;
    slack.send(
        Envelopes.interactive(
            env,
            "interactive",
            Envelopes.blockAction(
                actionId, value, itemId, user, SUPPORT, cardTs, slack.responseUrl(env)),
            false));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
  }

  private static dev.sift.index.SearchRequest request(String q) {
    return new dev.sift.index.SearchRequest(q, null, null, 10, java.time.ZoneId.of("UTC"));
  }
}
