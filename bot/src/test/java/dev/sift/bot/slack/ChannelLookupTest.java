package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live app when Slack will not answer {@code conversations.info} (the app lacks {@code
 * channels:read}): what the events said is used, the failure is not asked again per message, and
 * names are repaired once Slack answers.
 */
class ChannelLookupTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUPPORT = "C0SUPPORT";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";

  @TempDir Path data;
  private LiveRig rig;

  @BeforeEach
  void start() throws Exception {
    FakeSlack slack = new FakeSlack().channel(SUPPORT, "support", false).user("U0ISA", "Isa");
    slack.fail("conversations.info", "missing_scope", "channels:read");
    slack.fail("conversations.list", "missing_scope", "channels:read");
    rig = new LiveRig(slack, data).start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_show_a_public_channels_p1_to_everyone_when_slack_lacks_the_channels_read_scope()
      throws Exception {
    send("Ev01", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    send("Ev02", message(SUPPORT, "U0ISA", "1772700200.000100", null, "is the VPN slow for you?"));
    send("Ev03", message(SUPPORT, "U0ISA", "1772700300.000100", null, "please reset my token"));
    rig.slack.awaitCall(
        "chat.postMessage", c -> "1772700100.000100".equals(c.param("thread_ts")), WAIT);
    idle();

    assertThat(command("queue", SUPPORT, "U0OUTSIDER")).contains("502");
    assertThat(command("search portal", SUPPORT, "U0OUTSIDER")).contains("502");
    assertThat(command("digest 2026-03-01", SUPPORT, "U0OUTSIDER"))
        .doesNotContain("private")
        .contains("502");
    // One refused look-up is believed for a while, not asked again for every message and command.
    assertThat(rig.slack.calls("conversations.info")).hasSize(1);
  }

  @Test
  void should_say_it_cannot_tell_rather_than_call_a_channel_private_when_slack_will_not_say()
      throws Exception {
    String answer = command("digest 7d", "C0NEVERSEEN", "U0OUTSIDER");

    assertThat(answer).contains("can't tell").contains("missing_scope").contains("channels:read");
    assertThat(answer).doesNotContain("is private and you are not in it");
  }

  @Test
  void should_put_the_channel_name_on_stored_messages_once_slack_answers_again() throws Exception {
    send("Ev10", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE));
    idle();
    MessageKey key = new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100");

    rig.slack.heal("conversations.info");
    rig.slack.heal("conversations.list");
    rig.stopApp();
    rig.start();

    assertThat(
            FakeSlack.await(
                () ->
                    rig.sift()
                        .index()
                        .find(key)
                        .orElseThrow()
                        .message()
                        .channelName()
                        .equals("support"),
                WAIT))
        .as("the stored channel name is repaired")
        .isTrue();
    assertThat(command("digest #support 2026-03-01", SUPPORT, "U0OUTSIDER")).contains("502");
  }

  private void send(String eventId, com.fasterxml.jackson.databind.node.ObjectNode event)
      throws InterruptedException {
    String id = rig.send(eventCallback(eventId, event));
    assertThat(rig.slack.awaitAck(id, WAIT)).as("ack of " + id).isTrue();
  }

  private void idle() throws InterruptedException {
    rig.idle();
  }

  private String command(String text, String channel, String user) throws InterruptedException {
    return rig.command(text, user, channel);
  }
}
