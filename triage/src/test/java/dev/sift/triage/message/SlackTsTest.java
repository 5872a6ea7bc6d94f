package dev.sift.triage.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTsTest {
  @Test
  void should_read_a_slack_ts() {
    assertThat(SlackTs.parse("1452837352.000006"))
        .isEqualTo(Instant.ofEpochSecond(1452837352, 6_000));
  }

  /** Found by the event parser fuzz test: these crashed with DateTimeException or read as 0. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "99999999999999999999",
        "1e999999999",
        "1E-999999999",
        "",
        ".5",
        "1.",
        "-1",
        "1.2.3"
      })
  void should_refuse_what_is_no_slack_ts_with_an_illegal_argument(String ts) {
    assertThatThrownBy(() -> SlackTs.parse(ts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Slack timestamp");
  }
}
