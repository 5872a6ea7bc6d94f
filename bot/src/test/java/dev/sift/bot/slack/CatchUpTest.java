package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.SlackConfig;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens in a channel while Sift is down reaches the index when it comes back, even where
 * conversations.history alone does not show it: a reply to a thread older than the checkpoint, the
 * channel's newest message deleted, a thread's last reply deleted.
 */
class CatchUpTest {
  @TempDir Path data;

  @Test
  void should_apply_replies_to_old_threads_and_deletes_of_the_newest_messages_after_downtime()
      throws Exception {
    // Every event that happens while Sift is down is lost, as after Slack's retries give up.
    try (SlackEmulator slack = new SlackEmulator(7L, 1.0, 0)) {
      slack.channel("C0OPS", "ops");
      SiftConfig config = SiftConfig.defaults().withDataDir(data);
      Instant now = Instant.now();
      String oldThread;
      String lastReply;
      String newest;
      String thread;
      try (Sift sift = new Sift(config)) {
        LiveApp app = LiveApp.start(sift, options(slack));
        FakeSlack.await(slack::connected, Duration.ofSeconds(20));
        Thread.sleep(500); // the first catch-up notes when Sift began to watch #ops
        slack.clockAt(now.minus(Duration.ofHours(1)));
        oldThread = slack.post("C0OPS", "U0P1", "the invoice export fails with a timeout", null);
        slack.post("C0OPS", "U0P2", "looking into it", oldThread);
        slack.clockAt(now.minus(Duration.ofMinutes(30)));
        thread = slack.post("C0OPS", "U0P1", "can someone restart the staging queue?", null);
        slack.post("C0OPS", "U0P2", "on it", thread);
        lastReply = slack.post("C0OPS", "U0P2", "done, it is draining now", thread);
        newest = slack.post("C0OPS", "U0P3", "deploy of billing 4.2 is done", null);
        FakeSlack.await(() -> matches(sift, slack), Duration.ofSeconds(30));
        assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        app.close();
      }

      slack.clockAt(now.minus(Duration.ofMinutes(5)));
      String lateReply = slack.post("C0OPS", "U0P1", "it fails again since 9:40", oldThread);
      slack.delete("C0OPS", newest);
      slack.delete("C0OPS", lastReply);

      try (Sift sift = new Sift(config)) {
        LiveApp app = LiveApp.start(sift, options(slack));
        boolean caughtUp =
            FakeSlack.await(
                () ->
                    matches(sift, slack)
                        && sift.index().find(key(newest)).isEmpty()
                        && sift.index().find(key(lastReply)).isEmpty(),
                Duration.ofSeconds(60));
        Optional<TriagedMessage> reply = sift.index().find(key(lateReply));
        assertThat(reply).as("the reply to an hour-old thread, posted while down").isPresent();
        assertThat(reply.get().itemKey()).isEqualTo(key(oldThread));
        assertThat(sift.index().find(key(newest)))
            .as("the channel's newest message, deleted while down")
            .isEmpty();
        assertThat(sift.index().find(key(lastReply)))
            .as("a thread's last reply, deleted while down")
            .isEmpty();
        assertThat(caughtUp).as("every message of the channel, as it is now").isTrue();
        app.close();
      }
    }
  }

  @Test
  void should_catch_up_what_was_said_while_the_connection_was_being_replaced() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(11L, 1.0, 0)) {
      slack.channel("C0OPS", "ops");
      try (Sift sift = new Sift(SiftConfig.defaults().withDataDir(data))) {
        LiveApp app = LiveApp.start(sift, options(slack));
        FakeSlack.await(slack::connected, Duration.ofSeconds(20));
        Thread.sleep(500);
        String before = slack.post("C0OPS", "U0P1", "is the build server slow for anyone?", null);
        FakeSlack.await(() -> sift.index().find(key(before)).isPresent(), Duration.ofSeconds(20));
        Thread.sleep(11_000); // past the opening connection's hello

        slack.disconnect();
        String gap = slack.post("C0OPS", "U0P2", "the payments API returns 503 for everyone", null);
        assertThat(FakeSlack.await(() -> slack.connections() == 2, Duration.ofSeconds(30)))
            .as("Bolt connects again")
            .isTrue();
        String after = slack.post("C0OPS", "U0P1", "thanks, it is fine now", null);

        boolean caughtUp =
            FakeSlack.await(
                () ->
                    sift.index().find(key(gap)).isPresent()
                        && sift.index().find(key(after)).isPresent(),
                Duration.ofSeconds(30));
        assertThat(caughtUp).as("the message posted while disconnected, read back").isTrue();
        app.close();
      }
    }
  }

  @Test
  void should_keep_what_arrives_during_a_catch_up_when_slacks_clock_is_behind_this_hosts()
      throws Exception {
    try (SlackEmulator slack = new SlackEmulator(13L, 1.0, 0)) {
      slack.channel("C0OPS", "ops");
      // Every ts Slack gives is an hour behind this host's clock.
      slack.clockAt(Instant.now().minus(Duration.ofHours(1)));
      try (Sift sift = new Sift(SiftConfig.defaults().withDataDir(data))) {
        LiveApp app = LiveApp.start(sift, options(slack));
        FakeSlack.await(slack::connected, Duration.ofSeconds(20));
        Thread.sleep(500);
        for (int i = 0; i < 6; i++) {
          // Threads with replies: the catch-up reads each at Slack's pace, 1.2 s a call.
          String question = slack.post("C0OPS", "U0P1", "question " + i + " on the export", null);
          slack.post("C0OPS", "U0P2", "answer " + i, question);
        }
        FakeSlack.await(() -> matches(sift, slack), Duration.ofSeconds(20));
        Thread.sleep(11_000); // past the opening connection's hello

        slack.disconnect();
        assertThat(FakeSlack.await(() -> slack.connections() == 2, Duration.ofSeconds(30)))
            .isTrue();
        // People go on talking while the reconnect's catch-up reads the channel.
        for (int i = 0; i < 6; i++) {
          slack.post("C0OPS", "U0P3", "live message " + i + " during the catch-up", null);
          Thread.sleep(700);
        }
        Thread.sleep(10_000); // the catch-up's last threads, and its check for deletes

        assertThat(FakeSlack.await(() -> matches(sift, slack), Duration.ofSeconds(20)))
            .as("nothing said during the catch-up taken for deleted")
            .isTrue();
        app.close();
      }
    }
  }

  @Test
  void should_keep_an_edit_when_a_catch_up_hands_in_a_copy_read_before_it() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(17L, 1.0, 0)) {
      slack.channel("C0OPS", "ops");
      try (Sift sift = new Sift(SiftConfig.defaults().withDataDir(data))) {
        LiveApp app = LiveApp.start(sift, options(slack));
        FakeSlack.await(slack::connected, Duration.ofSeconds(20));
        Thread.sleep(500);
        String ts = slack.post("C0OPS", "U0P1", "the nightly export is down again", null);
        slack.edit("C0OPS", ts, "the nightly export was slow, fine now");
        FakeSlack.await(() -> matches(sift, slack), Duration.ofSeconds(20));

        // A catch-up read the channel before the edit and hands its copy in after it.
        var original =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("type", "message")
                .put("user", "U0P1")
                .put("text", "the nightly export is down again")
                .put("ts", ts);
        app.intake()
            .fromHistory(dev.sift.bot.intake.SlackEvent.fromHistory("C0OPS", original, false));
        assertThat(app.awaitIdle(20, TimeUnit.SECONDS)).isTrue();

        TriagedMessage stored = sift.index().find(key(ts)).orElseThrow();
        assertThat(stored.message().text()).isEqualTo("the nightly export was slow, fine now");
        assertThat(stored.message().editedTs()).isNotNull();
        app.close();
      }
    }
  }

  private static boolean matches(Sift sift, SlackEmulator slack) {
    for (var m : slack.messages().entrySet()) {
      var stored = sift.index().find(MessageKey.parse(m.getKey()));
      if (stored.isEmpty() || !stored.get().message().text().equals(m.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static MessageKey key(String ts) {
    return new MessageKey(FakeSlack.TEAM, "C0OPS", ts);
  }

  private static LiveApp.Options options(SlackEmulator slack) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    return new LiveApp.Options("xoxb-test", "xapp-test", null, 0, config);
  }
}
