package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.channelEvent;
import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people see through the live app follows Slack's rules as Slack changes: a guest sees only
 * the channels they are in, a deleted channel nobody, an archived private channel still its
 * members; and task cards of a channel go only where everyone may read it.
 */
class WhoSeesWhatTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String LEADS = "G0LEADS";
  private static final String OPS = "C0OPS";
  private static final String OUTAGE = "the client portal returns 502 Bad Gateway on every login";

  @TempDir Path data;
  private LiveRig rig;

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void should_show_a_guest_only_the_channels_they_are_in() throws Exception {
    rig = new LiveRig(slack().guest("U0GUEST"), data).start();
    say("Ev1", SUPPORT, "1772700100.000100", OUTAGE);

    assertThat(search("U0ANA")).as("a full member, not in #support").contains("502 Bad Gateway");
    assertThat(search("U0GUEST")).as("a guest outside #support").doesNotContain("502");

    rig.slack.member(SUPPORT, "U0GUEST");
    event("Ev2", Envelopes.memberJoined(SUPPORT, "U0GUEST"));
    assertThat(search("U0GUEST")).as("the guest, once in #support").contains("502 Bad Gateway");
  }

  @Test
  void should_hide_a_deleted_channel_at_once_and_keep_an_archived_one_for_its_members()
      throws Exception {
    rig = new LiveRig(slack(), data).start();
    say("Ev1", SUPPORT, "1772700100.000100", OUTAGE);
    say("Ev2", LEADS, "1772700200.000100", "the portal 502s cost us the Acme renewal");
    assertThat(search("U0PRIYA")).contains("Acme renewal").contains("Bad Gateway");

    rig.slack.archive(LEADS);
    event("Ev3", channelEvent("group_archive", LEADS));
    rig.slack.deleteChannel(SUPPORT);
    event("Ev4", channelEvent("channel_deleted", SUPPORT));

    String after = search("U0PRIYA");
    assertThat(after).as("archived: its members still read it").contains("Acme renewal");
    assertThat(after).as("deleted: nobody reads it").doesNotContain("Bad Gateway");
  }

  @Test
  void should_put_a_private_channels_card_in_its_thread_not_in_a_wider_channel() throws Exception {
    rig = new LiveRig(slack(), data).config(catchAllTo("ops-triage", "")).start();
    say("Ev1", LEADS, "1772700100.000100", OUTAGE);
    say("Ev2", SUPPORT, "1772700200.000100", "checkout is down: every payment fails with a 500");

    var cards = rig.slack.calls("chat.postMessage").stream().filter(c -> c.param("blocks") != null);
    assertThat(cards)
        .extracting(c -> c.param("channel") + (c.param("thread_ts") == null ? "" : " thread"))
        .as("#support's card goes to #ops-triage; #leadership's stays in its own thread")
        .containsExactlyInAnyOrder("ops-triage", LEADS + " thread");
  }

  @Test
  void should_post_a_private_channels_card_where_the_operator_allowed_it() throws Exception {
    rig =
        new LiveRig(slack(), data)
            .config(catchAllTo("ops-triage", "  allow_private_to: [ops-triage]\n"))
            .start();
    say("Ev1", LEADS, "1772700100.000100", OUTAGE);

    assertThat(rig.slack.calls("chat.postMessage").stream().filter(c -> c.param("blocks") != null))
        .extracting(c -> c.param("channel"))
        .containsExactly("ops-triage");
  }

  @Test
  void should_refuse_to_start_with_a_rule_that_copies_a_private_channel_to_outsiders() {
    rig =
        new LiveRig(slack(), data)
            .config(
                """
                routing:
                  rules:
                    - name: leadership escalations
                      channel: [leadership]
                      to: "#ops-triage"
                """);

    assertThatThrownBy(rig::start)
        .hasMessageContaining("routing rule 'leadership escalations'")
        .hasMessageContaining("#leadership")
        .hasMessageContaining("slack.allow_private_to");
  }

  /** #support (public), #leadership (private: Priya) and #ops-triage (Priya and Omar). */
  private static FakeSlack slack() {
    try {
      return new FakeSlack()
          .channel(SUPPORT, "support", false)
          .channel(LEADS, "leadership", true)
          .channel(OPS, "ops-triage", false)
          .member(LEADS, "U0PRIYA")
          .member(OPS, "U0PRIYA")
          .member(OPS, "U0OMAR");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String catchAllTo(String destination, String slackSection) {
    return (slackSection.isEmpty() ? "" : "slack:\n" + slackSection)
        + """
        routing:
          rules:
            - name: every incident
              category: [incident]
              to: "#%s"
        """
            .formatted(destination);
  }

  private void say(String eventId, String channel, String ts, String text) throws Exception {
    rig.send(eventCallback(eventId, message(channel, "U0ISA", ts, null, text)));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, channel, ts));
  }

  private void event(String eventId, ObjectNode event) throws Exception {
    String env = rig.send(eventCallback(eventId, event));
    assertThat(rig.slack.awaitAck(env, LiveRig.WAIT)).isTrue();
  }

  private String search(String user) throws InterruptedException {
    return rig.command("search portal", user, SUPPORT);
  }
}
