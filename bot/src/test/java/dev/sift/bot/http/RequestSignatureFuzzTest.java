package dev.sift.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.sift.bot.http.RequestSignature.Verdict;
import dev.sift.triage.fuzz.Rand;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random requests, each signed correctly and then perhaps tampered with in one way (a body byte, a
 * signature digit, the timestamp, the header's form): the verifier never fails, and its verdict is
 * exactly the one the tampering calls for.
 */
class RequestSignatureFuzzTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private enum Tamper {
    NONE,
    BODY,
    SIGNATURE_DIGIT,
    SIGNATURE_FORM,
    TIMESTAMP_FORM,
    STALE,
    MISSING
  }

  private record Request(String timestamp, String signature, byte[] body, Tamper tamper) {}

  private static final Gen<Request> REQUESTS =
      Rand.gen(
          r -> {
            byte[] body = new byte[r.below(2_000)];
            for (int i = 0; i < body.length; i++) {
              body[i] = (byte) r.below(256);
            }
            long skew = r.below(601) - 300;
            String ts = Long.toString(NOW.getEpochSecond() + skew);
            Tamper tamper = r.pick(List.of(Tamper.values()));
            String signature = sign(ts, body);
            switch (tamper) {
              case BODY -> {
                if (body.length == 0) {
                  body = new byte[] {1};
                } else {
                  body[r.below(body.length)] ^= (byte) (1 + r.below(255));
                }
              }
              case SIGNATURE_DIGIT -> {
                int at = 3 + r.below(64);
                char c = signature.charAt(at);
                char other =
                    "0123456789abcdef".charAt((Character.digit(c, 16) + 1 + r.below(15)) % 16);
                signature = signature.substring(0, at) + other + signature.substring(at + 1);
              }
              case SIGNATURE_FORM ->
                  signature =
                      r.pick(
                          List.of(
                              signature.toUpperCase(),
                              signature.substring(0, 3 + r.below(64)),
                              signature + r.junk(3) + "0",
                              "v1=" + signature.substring(3),
                              r.junk(80),
                              " " + signature));
              case TIMESTAMP_FORM ->
                  ts =
                      r.pick(
                          List.of(
                              "",
                              "-" + ts,
                              ts + ".0",
                              " " + ts,
                              "1e9",
                              "0x10",
                              "١٢٣",
                              "9".repeat(13 + r.below(100)),
                              r.junk(20) + "x"));
              case STALE -> {
                ts =
                    Long.toString(
                        NOW.getEpochSecond()
                            + (r.chance(50) ? 1 : -1) * (301 + r.below(1_000_000_000)));
                signature = sign(ts, body);
              }
              default -> {}
            }
            return new Request(ts, signature, body, tamper);
          });

  @Test
  void should_give_each_tampered_request_its_verdict() {
    AtomicInteger inputs = new AtomicInteger();
    RequestSignature check = new RequestSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            qt().withExamples(5_000)
                .forAll(REQUESTS)
                .checkAssert(
                    req -> {
                      inputs.incrementAndGet();
                      Verdict v =
                          req.tamper() == Tamper.MISSING
                              ? check.check(null, req.signature(), req.body())
                              : check.check(req.timestamp(), req.signature(), req.body());
                      Verdict expected =
                          switch (req.tamper()) {
                            case NONE -> Verdict.GENUINE;
                            case BODY, SIGNATURE_DIGIT -> Verdict.FORGED;
                            case SIGNATURE_FORM, TIMESTAMP_FORM -> Verdict.MALFORMED;
                            case STALE -> Verdict.STALE;
                            case MISSING -> Verdict.MISSING;
                          };
                      assertThat(v).isEqualTo(expected);
                    }));
    System.out.println("fuzz signature verifier: " + inputs + " inputs, 0 failures");
  }

  private static String sign(String ts, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
