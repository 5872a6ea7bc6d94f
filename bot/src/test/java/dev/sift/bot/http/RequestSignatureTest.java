package dev.sift.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 signature as {@link RequestSignature} checks it, against Slack's own generator. */
class RequestSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private final RequestSignature check =
      new RequestSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void should_let_slack_retry_a_request_sift_failed_on_but_never_replay_one_it_handled() {
    String ts = Long.toString(NOW.getEpochSecond());
    String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}";
    String signature = new SlackSignature.Generator(SECRET).generate(ts, body);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);

    assertThat(check.check(ts, signature, raw)).isEqualTo(RequestSignature.Verdict.GENUINE);
    assertThat(check.check(ts, signature, raw))
        .as("not handled yet (Sift answered 500): Slack's retry gets in")
        .isEqualTo(RequestSignature.Verdict.GENUINE);
    check.handled(ts, signature);
    assertThat(check.check(ts, signature, raw)).isEqualTo(RequestSignature.Verdict.REPLAYED);
  }

  @Test
  void should_allow_five_minutes_of_clock_skew_either_way_and_no_more() {
    String body = "payload=%7B%7D";
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    for (long skew : new long[] {-300, 300}) {
      String ts = Long.toString(NOW.getEpochSecond() + skew);
      assertThat(check.check(ts, new SlackSignature.Generator(SECRET).generate(ts, body), raw))
          .isEqualTo(RequestSignature.Verdict.GENUINE);
    }
    for (long skew : new long[] {-301, 301}) {
      String ts = Long.toString(NOW.getEpochSecond() + skew);
      assertThat(check.check(ts, new SlackSignature.Generator(SECRET).generate(ts, body), raw))
          .isEqualTo(RequestSignature.Verdict.STALE);
    }
  }

  @Test
  void should_sign_the_bytes_as_they_arrived_not_a_string_made_of_them() {
    String ts = Long.toString(NOW.getEpochSecond());
    String body = "{\"text\":\"caf\u00e9\"}";
    String signature = new SlackSignature.Generator(SECRET).generate(ts, body);

    assertThat(check.check(ts, signature, body.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(RequestSignature.Verdict.GENUINE);
    assertThat(check.check(ts, signature, body.getBytes(StandardCharsets.ISO_8859_1)))
        .as("the same text in other bytes is not what Slack signed")
        .isEqualTo(RequestSignature.Verdict.FORGED);
  }
}
