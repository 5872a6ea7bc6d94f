package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.sift.bot.TestClock;
import dev.sift.bot.alerts.AdminAlerts;
import dev.sift.bot.alerts.Condition;
import dev.sift.bot.alerts.SlackErrors;
import dev.sift.bot.health.SlackConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin alerts under a fake clock, posted to a fake Slack: one per outage, one on recovery. */
class AdminAlertsTest {
  private static final String ADMIN = "C0ADMIN";

  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
  private FakeSlack slack;
  private Slack sdk;
  private SlackApi api;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    sdk = Slack.getInstance(slack.config());
    api = new SlackApi(sdk.methods("xoxb-test"));
  }

  @AfterEach
  void stop() throws Exception {
    sdk.close();
    slack.close();
  }

  @Test
  void should_post_once_when_socket_mode_stays_down_past_a_minute_and_once_when_it_is_back() {
    SlackConnection connection = new SlackConnection(clock);
    connection.opened();
    AdminAlerts alerts =
        new AdminAlerts(
            api,
            ADMIN,
            clock,
            List.of(
                new Condition(
                    "the Socket Mode connection",
                    Duration.ofMinutes(1),
                    () ->
                        connection.isConnected()
                            ? Optional.empty()
                            : Optional.of("Socket Mode is disconnected from Slack"))));

    connection.closed(1006, "abnormal closure");
    alerts.tick();
    clock.advance(Duration.ofSeconds(45));
    alerts.tick();
    assertThat(slack.calls("chat.postMessage")).as("a 45 s blip is not an outage").isEmpty();

    clock.advance(Duration.ofSeconds(30));
    alerts.tick();
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(15));
      alerts.tick();
    }
    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    FakeSlack.Call down = slack.calls("chat.postMessage").get(0);
    assertThat(down.param("channel")).isEqualTo(ADMIN);
    assertThat(down.param("text")).contains("disconnected").contains("1 min");

    connection.hello();
    alerts.tick();
    clock.advance(Duration.ofMinutes(5));
    alerts.tick();

    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(slack.calls("chat.postMessage").get(1).param("text"))
        .contains("recovered after 6 min");
  }

  @Test
  void should_say_nothing_on_recovery_from_a_blip_it_never_reported() {
    boolean[] down = {true};
    AdminAlerts alerts =
        new AdminAlerts(
            api,
            ADMIN,
            clock,
            List.of(
                new Condition(
                    "x",
                    Duration.ofMinutes(1),
                    () -> down[0] ? Optional.of("x is down") : Optional.empty())));

    alerts.tick();
    clock.advance(Duration.ofSeconds(30));
    down[0] = false;
    alerts.tick();

    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void should_tell_the_admin_once_when_slack_keeps_refusing_a_call_for_a_missing_scope() {
    SlackErrors errors = new SlackErrors(clock);
    api.observe(
        new SlackApi.Observer() {
          @Override
          public void called(String method, String outcome) {
            errors.called(method, outcome);
          }

          @Override
          public void rateLimited(String method, Duration wait) {}
        });
    AdminAlerts alerts =
        new AdminAlerts(
            api,
            ADMIN,
            clock,
            List.of(new Condition("Slack's answers", Duration.ZERO, errors::problem)));
    slack.fail("conversations.info", "missing_scope", "channels:read");

    for (int i = 0; i < 5; i++) {
      try {
        api.call("conversations.info", m -> m.conversationsInfo(r -> r.channel("C0SUPPORT")));
      } catch (SlackCallException expected) {
        // what Sift meets when the scope is missing
      }
      alerts.tick();
      clock.advance(Duration.ofSeconds(15));
    }

    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.calls("chat.postMessage").get(0).param("text"))
        .contains("conversations.info")
        .contains("missing_scope")
        .contains("reinstall");

    clock.advance(Duration.ofMinutes(11));
    alerts.tick();
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(slack.calls("chat.postMessage").get(1).param("text")).contains("recovered");
  }
}
