package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.bot.sinks.Receiver;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the live app, what a webhook consumer sees: an urgent message opens an item, the card's
 * Acknowledge and Resolve update and resolve it, each as a signed CloudEvent in that order, with
 * the verdict and reasons but no text (include_text is off), and a private channel's item without
 * its words.
 */
class LiveSinksTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String LEADS = "G0LEADS";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";
  // Any variable set wherever the tests run serves as the shared secret: sift.yml names it.
  private static final String SECRET_ENV = "PATH";

  @TempDir Path data;
  private Receiver receiver;
  private LiveRig rig;
  private int envelopes;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver(System.getenv(SECRET_ENV));
    FakeSlack slack =
        new FakeSlack()
            .channel(SUPPORT, "support", false)
            .channel(LEADS, "leadership", true)
            .user("U0ISA", "Isa")
            .user("U0PRIYA", "Priya")
            .member(LEADS, "U0PRIYA");
    rig =
        new LiveRig(slack, data)
            .config(
                """
                sinks:
                  - name: tickets
                    type: webhook
                    url: %s
                    secret_env: %s
                    priorities: [P1, P2]
                """
                    .formatted(receiver.url(), SECRET_ENV))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
    receiver.close();
  }

  @Test
  void should_tell_the_webhook_when_an_item_opens_is_acknowledged_and_is_resolved()
      throws Exception {
    say("Ev1", SUPPORT, "1772700100.000100", OUTAGE);
    rig.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, LiveRig.WAIT);
    await(1);
    String itemId = FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100";
    String cardTs = "1772700000.001000";

    click(TaskCard.ACK, itemId, "U0PRIYA", cardTs);
    await(2);
    click(TaskCard.RESOLVE, itemId, "U0PRIYA", cardTs);
    await(3);

    assertThat(receiver.forged).isEmpty();
    List<JsonNode> events = receiver.taken;
    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "dev.sift.item.opened.v1", "dev.sift.item.updated.v1", "dev.sift.item.resolved.v1");
    assertThat(events).extracting(e -> e.path("subject").asText()).containsOnly(itemId);
    assertThat(events).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
    JsonNode opened = events.get(0).path("data");
    assertThat(opened.path("priority").asText()).isEqualTo("P1");
    assertThat(opened.path("channel").asText()).isEqualTo("support");
    assertThat(opened.path("reasons").toString()).contains("down");
    assertThat(opened.has("text")).isFalse();
    assertThat(events.get(1).path("data").path("status").asText()).isEqualTo("acknowledged");
    assertThat(events.get(1).path("data").path("owner").asText()).isEqualTo("U0PRIYA");
    assertThat(events.get(2).path("data").path("status").asText()).isEqualTo("resolved");
  }

  @Test
  void should_send_a_private_channels_item_without_its_words() throws Exception {
    say("Ev1", LEADS, "1772700100.000100", OUTAGE);
    await(1);

    JsonNode data = receiver.taken.get(0).path("data");
    assertThat(data.path("priority").asText()).isEqualTo("P1");
    assertThat(data.has("reasons")).isFalse();
    assertThat(data.has("summary")).isFalse();
    assertThat(data.has("text")).isFalse();
  }

  @Test
  void should_send_what_waited_while_the_consumer_was_down_after_a_restart() throws Exception {
    receiver.down(true);
    say("Ev1", SUPPORT, "1772700100.000100", OUTAGE);
    say("Ev2", SUPPORT, "1772700200.000100", "checkout is down: every payment fails with a 500");
    rig.stopApp();

    receiver.down(false);
    rig.start();

    await(2);
    assertThat(receiver.taken)
        .extracting(e -> e.path("subject").asText())
        .containsExactly(
            FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100",
            FakeSlack.TEAM + "/" + SUPPORT + "/1772700200.000100");
  }

  private void say(String eventId, String channel, String ts, String text) throws Exception {
    rig.send(eventCallback(eventId, message(channel, "U0ISA", ts, null, text)));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, channel, ts));
  }

  private void click(String actionId, String itemId, String user, String cardTs)
      throws InterruptedException {
    String env = "click-" + ++envelopes;
    rig.slack.send(
        Envelopes.interactive(
            env,
            "interactive",
            Envelopes.blockAction(
                actionId, itemId, itemId, user, SUPPORT, cardTs, rig.slack.responseUrl(env)),
            false));
    assertThat(rig.slack.awaitAck(env, LiveRig.WAIT)).isTrue();
  }

  private void await(int events) throws InterruptedException {
    assertThat(FakeSlack.await(() -> receiver.taken.size() >= events, LiveRig.WAIT))
        .as(events + " events at the webhook")
        .isTrue();
  }
}
