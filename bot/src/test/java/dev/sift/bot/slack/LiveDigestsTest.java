package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled digests as the live app wires them: checked at start, listed by /triage. */
class LiveDigestsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static SiftConfig config(Path data, String destination) {
    return ConfigLoader.parse(
            "digests:\n"
                + "  - name: leads daily\n"
                + "    cron: '0 9 * * 1-5'\n"
                + "    time_zone: Europe/Berlin\n"
                + "    channels: [secret]\n"
                + "    destination: '"
                + destination
                + "'\n",
            "sift.yml",
            data)
        .withDataDir(data);
  }

  private static FakeSlack slack() throws Exception {
    return new FakeSlack()
        .channel("G0SECRET", "secret", true)
        .channel("C0LEADS", "leads", false)
        .member("G0SECRET", "U0ANA")
        .member("C0LEADS", "U0ANA")
        .member("C0LEADS", "U0BEN");
  }

  @Test
  void should_refuse_to_start_a_digest_showing_a_private_channel_to_outsiders(@TempDir Path dir)
      throws Exception {
    try (FakeSlack slack = slack();
        Sift sift = new Sift(config(dir, "#leads"))) {
      assertThatThrownBy(
              () ->
                  LiveApp.start(
                      sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config())))
          .hasMessageContaining("digest 'leads daily'")
          .hasMessageContaining("#secret");
    }
  }

  @Test
  void should_list_the_schedules_with_their_next_slot(@TempDir Path dir) throws Exception {
    try (FakeSlack slack = slack();
        Sift sift = new Sift(config(dir, "@U0ANA"));
        LiveApp app =
            LiveApp.start(
                sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()))) {
      assertThat(slack.awaitConnected(WAIT)).isTrue();

      slack.send(
          Envelopes.slashCommand(
              "env-sched", "digest schedule", "U0ANA", "C0LEADS", slack.responseUrl("env-sched")));
      JsonNode answer = slack.commandAnswer("env-sched", WAIT);

      assertThat(answer.toString())
          .contains("leads daily")
          .contains("0 9 * * 1-5")
          .containsPattern("next (Mon|Tue|Wed|Thu|Fri) \\d+ \\w+ 09:00 Europe/Berlin")
          .contains("@U0ANA");
    }
  }
}
