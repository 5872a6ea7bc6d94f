package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the live app when Slack cannot be reached, and when it refuses the token. */
class StartupTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  private FakeSlack slack;
  private Sift sift;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    sift = new Sift(SiftConfig.defaults().withDataDir(data));
  }

  @AfterEach
  void stop() throws Exception {
    sift.close();
    slack.close();
  }

  @Test
  void should_wait_for_slack_when_the_network_drops_the_first_calls_instead_of_blaming_the_token()
      throws Exception {
    // More dropped connections than one call's own retries: the start itself must wait them out.
    for (int i = 0; i < 6; i++) {
      slack.scriptNext(
          "auth.test",
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    }

    try (LiveApp app =
        LiveApp.start(
            sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()))) {
      assertThat(slack.awaitConnected(WAIT)).as("Socket Mode connected").isTrue();
    }
    assertThat(slack.calls("auth.test").size()).isGreaterThan(6);
  }

  @Test
  void should_wait_while_slack_answers_503() throws Exception {
    for (int i = 0; i < 2; i++) {
      slack.scriptNext("auth.test", new MockResponse.Builder().code(503).body("").build());
    }

    try (LiveApp app =
        LiveApp.start(
            sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()))) {
      assertThat(slack.awaitConnected(WAIT)).isTrue();
    }
    assertThat(slack.calls("auth.test")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void should_stop_with_a_clear_message_naming_the_token_when_slack_refuses_it() {
    slack.fail("auth.test", "invalid_auth", null);

    assertThatThrownBy(
            () ->
                LiveApp.start(
                    sift, new LiveApp.Options("xoxb-wrong", "xapp-test", null, 0, slack.config())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid_auth")
        .hasMessageContaining("SLACK_BOT_TOKEN");
    assertThat(slack.calls("auth.test")).hasSize(1);
  }
}
