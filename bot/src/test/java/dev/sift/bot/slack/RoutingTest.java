package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing rules from sift.yml: cards go where a rule says, owners in turn, a note at the source.
 */
class RoutingTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  private FakeSlack slack;
  private Sift sift;
  private LiveApp app;
  private int n;

  @BeforeEach
  void start() throws Exception {
    slack =
        new FakeSlack()
            .channel("C0ACME", "client-acme", false)
            .channel("C0OPS", "ops-triage", false)
            .channel("C0RANDOM", "random", false)
            .channel("C0ALERTS", "ops-alerts", false)
            .user("U0MARCUS", "Marcus");
    SiftConfig config =
        ConfigLoader.parse(
                """
            slack:
              channels: [client-acme, random, ops-alerts]
              bot_channels: [ops-alerts]
            routing:
              rules:
                - name: client problems
                  category: [incident, bug]
                  channel: [client-*]
                  to: "#ops-triage"
                  assign: [U0ONCALL1, U0ONCALL2]
            """,
                "sift.yml",
                data)
            .withDataDir(data);
    sift = new Sift(config);
    app =
        LiveApp.start(sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()));
    assertThat(slack.awaitConnected(WAIT)).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    sift.close();
    slack.close();
  }

  @Test
  void should_post_cards_where_the_rule_says_with_owners_in_turn_and_a_note_at_the_source()
      throws Exception {
    report(
        "C0ACME", "1772700100.000100", "The Acme dashboard shows 0 active users, data is missing");
    report(
        "C0ACME", "1772720000.000100", "Acme's invoice export crashes with an error on every run");
    assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();

    var cards =
        slack.calls("chat.postMessage").stream().filter(c -> c.param("blocks") != null).toList();
    assertThat(cards)
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.param("channel")).isEqualTo("ops-triage"));
    // Cards post from two threads, so which card got which owner may vary; each owner gets one.
    assertThat(cards)
        .extracting(
            c ->
                c.blocks().contains("<@U0ONCALL1>")
                    ? "U0ONCALL1"
                    : c.blocks().contains("<@U0ONCALL2>") ? "U0ONCALL2" : "nobody")
        .containsExactlyInAnyOrder("U0ONCALL1", "U0ONCALL2");
    slack.awaitCall(
        "chat.postMessage",
        c ->
            "1772700100.000100".equals(c.param("thread_ts"))
                && c.param("text").contains("task card"),
        WAIT);
  }

  @Test
  void should_make_no_card_for_what_no_rule_takes_nor_for_unmonitored_channels() throws Exception {
    report("C0RANDOM", "1772700100.000100", "prod is down, 502 everywhere");
    report("C0OTHER", "1772700200.000100", "prod is down, 502 everywhere");
    assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();

    assertThat(slack.calls("chat.postMessage")).isEmpty();
    assertThat(sift.index().size()).isEqualTo(1);
  }

  @Test
  void should_triage_monitoring_alerts_only_where_the_config_allows_bots() throws Exception {
    alert("C0ALERTS", "1772700100.000100");
    alert("C0RANDOM", "1772700200.000100");
    assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();

    assertThat(
            sift.index()
                .find(
                    new dev.sift.triage.message.MessageKey(
                        FakeSlack.TEAM, "C0ALERTS", "1772700100.000100")))
        .get()
        .satisfies(t -> assertThat(t.verdict().category()).isEqualTo("incident"));
    assertThat(
            sift.index()
                .find(
                    new dev.sift.triage.message.MessageKey(
                        FakeSlack.TEAM, "C0RANDOM", "1772700200.000100")))
        .isEmpty();
  }

  private void alert(String channel, String ts) throws InterruptedException {
    var event = FakeSlack.JSON.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "bot_message");
    event.put("bot_id", "B0PULSE");
    event.put("username", "PulseCheck");
    event.put("text", "[Triggered] portal-web: 5xx error rate above 5% on POST /login (38%)");
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
    event.put("channel_type", "channel");
    String env = "env-" + ++n;
    slack.send(Envelopes.events(env, Envelopes.eventCallback("Ev" + n, event), 0));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
  }

  private void report(String channel, String ts, String text) throws InterruptedException {
    String env = "env-" + ++n;
    slack.send(
        Envelopes.events(
            env,
            Envelopes.eventCallback(
                "Ev" + n, Envelopes.message(channel, "U0MARCUS", ts, null, text)),
            0));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
  }
}
