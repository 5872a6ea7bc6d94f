package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /triage} through the real Bolt app while Slack is slow to say which private channels a
 * person is in: the command is acked at once, the person is told it is being worked on, and the
 * answer follows through the command's {@code response_url}.
 */
class SlashCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUPPORT = "C0SUPPORT";

  @TempDir Path data;
  private LiveRig rig;
  private FakeSlack slack;

  @BeforeEach
  void start() throws Exception {
    rig =
        new LiveRig(new FakeSlack().channel(SUPPORT, "support", false).user("U0ISA", "Isa"), data)
            .start();
    slack = rig.slack;
    rig.send(
        eventCallback(
            "Ev01",
            message(
                SUPPORT,
                "U0ISA",
                "1772700100.000100",
                null,
                "the client portal returns 502 Bad Gateway on login")));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100"));
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_ack_at_once_then_say_it_is_working_then_answer_when_slack_is_slow() throws Exception {
    CountDownLatch slackAnswers = slack.hold("users.info");

    slack.send(
        Envelopes.slashCommand(
            "env-cmd", "search portal", "U0KIM", SUPPORT, slack.responseUrl("env-cmd")));

    assertThat(slack.awaitAck("env-cmd", WAIT)).isTrue();
    JsonNode ack = slack.ackPayload("env-cmd");
    assertThat(ack == null || ack.isEmpty()).as("the ack waits for nothing: %s", ack).isTrue();
    assertThat(slack.awaitResponse("env-cmd", WAIT).toString()).contains("Working on it");

    slackAnswers.countDown();
    assertThat(slack.commandAnswer("env-cmd", WAIT).toString()).contains("502");
    assertThat(slack.responsesTo("env-cmd")).as("the notice, then the answer").hasSize(2);
  }

  @Test
  void should_ack_a_burst_of_slow_commands_without_one_waiting_for_another() throws Exception {
    CountDownLatch slackAnswers = slack.hold("users.info");
    List<String> envelopes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String env = "env-burst-" + i;
      envelopes.add(env);
      slack.send(
          Envelopes.slashCommand(env, "search portal", "U0KIM", SUPPORT, slack.responseUrl(env)));
    }

    for (String env : envelopes) {
      assertThat(slack.awaitAck(env, WAIT)).as(env + " acked while Slack still holds").isTrue();
    }
    for (String env : envelopes) {
      assertThat(slack.responsesTo(env))
          .as("no answer can exist before Slack answers")
          .allSatisfy(r -> assertThat(r.toString()).contains("Working on it"));
    }
    slackAnswers.countDown();
    for (String env : envelopes) {
      assertThat(slack.commandAnswer(env, WAIT).toString()).contains("502");
    }
  }

  @Test
  void should_answer_help_in_the_ack_itself() throws Exception {
    slack.send(
        Envelopes.slashCommand(
            "env-help", "help", "U0ISA", SUPPORT, slack.responseUrl("env-help")));

    assertThat(slack.awaitAck("env-help", WAIT)).isTrue();
    assertThat(slack.ackPayload("env-help").toString()).contains("search").contains("queue");
    assertThat(slack.responsesTo("env-help")).isEmpty();
  }
}
