package dev.sift.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
  private final SlackConnection connection =
      new SlackConnection(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  private Health health(boolean caughtUp, Boolean breaker) {
    return new Health(
        connection::isConnected,
        () -> caughtUp,
        () -> false,
        () -> 3,
        () -> Duration.ofSeconds(4),
        () -> breaker,
        Map::of);
  }

  @Test
  void should_not_be_ready_while_socket_mode_is_disconnected_but_stay_live() {
    connection.opened();
    connection.closed(1006, "abnormal closure");

    Health.Reading r = health(true, null).read(false);

    assertThat(r.ready()).isFalse();
    assertThat(r.live()).isTrue();
    assertThat(r.json()).contains("\"status\":\"disconnected\"").contains("\"queued\":3");
  }

  @Test
  void should_be_ready_only_when_connected_and_caught_up_and_report_the_breaker() {
    connection.opened();

    assertThat(health(false, false).read(false).ready()).isFalse();
    Health.Reading r = health(true, true).read(false);
    assertThat(r.ready()).isTrue();
    assertThat(r.json())
        .contains("\"llm_breaker\":\"open\"")
        .contains("\"index_commit_age_seconds\":4");
    assertThat(health(true, false).read(true).live()).isFalse();
  }

  @Test
  void should_count_a_hello_after_a_drop_as_a_reconnect() {
    connection.opened();
    assertThat(connection.hello()).isTrue();
    connection.closed(1006, null);
    assertThat(connection.isConnected()).isFalse();

    assertThat(connection.hello()).isFalse();
    assertThat(connection.isConnected()).isTrue();
  }
}
