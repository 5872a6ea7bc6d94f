package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.install.Farewells;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live app with one bot token, uninstalled: Slack calls stop at once and the workspace's
 * messages are due for deletion after the grace period ({@code install.forget_after}).
 */
class UninstalledTest {
  private static final String SUPPORT = "C0SUPPORT";

  @TempDir Path data;
  private LiveRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new LiveRig(new FakeSlack().channel(SUPPORT, "support", false), data).start();
    rig.send(
        eventCallback(
            "Ev01", message(SUPPORT, "U0ISA", "1772700100.000100", null, "portal down, 502")));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100"));
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_stop_calling_slack_and_schedule_the_workspaces_data_for_deletion() throws Exception {
    Instant before = Instant.now();
    rig.send(
        eventCallback("EvGone", FakeSlack.JSON.createObjectNode().put("type", "app_uninstalled")));

    Path farewells = data.resolve("farewells.json");
    assertThat(FakeSlack.await(() -> farewells.toFile().exists(), LiveRig.WAIT)).isTrue();
    assertThat(new Farewells(farewells).pending().get(FakeSlack.TEAM))
        .isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
    int calls = rig.slack.calls().size();
    rig.send(
        eventCallback(
            "Ev02", message(SUPPORT, "U0ISA", "1772700200.000100", null, "@here outage, 502")));
    Thread.sleep(1000);
    assertThat(rig.slack.calls().subList(calls, rig.slack.calls().size()))
        .extracting(FakeSlack.Call::method)
        .doesNotContain("chat.postMessage");
  }
}
