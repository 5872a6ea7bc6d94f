package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackApiTest {
  @Test
  void should_read_retry_after_in_seconds_within_bounds() {
    assertThat(SlackApi.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(SlackApi.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SlackApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    assertThat(SlackApi.retryAfter("3600")).isEqualTo(Duration.ofSeconds(60));
  }
}
