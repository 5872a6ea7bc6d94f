package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.sift.triage.fuzz.Rand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random chat messages, built from fragments that look like what the rules look for (and near
 * misses of them) glued together with junk: the redactor never fails, always gives the text back
 * through {@link Redacted#restore}, and never lets a planted value through.
 */
class RedactorFuzzTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "jane.doe@acme.io",
          "a@b.co",
          "@@..@",
          "4111 1111 1111 1111",
          "4111-1111-1111-1111-",
          "378282246310005",
          "GB82 WEST 1234 5698 7654 32",
          "123-45-6789",
          "+44 20 7946 0958",
          "(415) 555-0132",
          "01 23 45 67 89",
          "2026-03-04 10:15",
          "v2.14.1",
          "PORT-426",
          "1452837352.000006",
          "10.0.0.1",
          SecretRedactionTest.SLACK_BOT_TOKEN,
          "xapp-",
          "AKIAIOSFODNN7EXAMPLE",
          "aws_secret_access_key=",
          "ghp_",
          "sk-",
          "eyJhbGciOiJIUzI1NiJ9.",
          "-----BEGIN RSA PRIVATE KEY-----",
          "-----END PRIVATE KEY-----",
          "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
          "postgres://u:p@h",
          "https://hooks.slack.com/services/T0/B0/x",
          "password=",
          "\"passwd\": \"",
          "[EMAIL_1]",
          "[SECRET_2]",
          "```",
          "<@U123|maria>",
          "\u200b",
          " ",
          "\n",
          "-");

  /** Values that must never survive redaction when they stand alone on their line. */
  private static final List<String> PLANTED =
      List.of(
          "maria.lopez@example.com",
          "4111 1111 1111 1111",
          SecretRedactionTest.SLACK_BOT_TOKEN,
          "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");

  private static final Gen<String> MESSAGES =
      Rand.gen(
          r -> {
            StringBuilder text = new StringBuilder();
            int parts = r.below(30);
            for (int i = 0; i < parts; i++) {
              text.append(r.wordOrJunk(FRAGMENTS, 12));
              if (r.chance(30)) {
                text.append(r.pick(List.of(" ", "\n", ",", ":", "=", "")));
              }
            }
            return text.toString();
          });

  private final Redactor redactor = Redactor.standard();

  @Test
  void should_give_any_message_back_through_restore() {
    AtomicInteger inputs = new AtomicInteger();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            qt().withExamples(5_000)
                .forAll(MESSAGES)
                .checkAssert(
                    text -> {
                      inputs.incrementAndGet();
                      Redacted r = redactor.redact(InvisibleText.strip(text));
                      assertThat(r.restore(r.text())).isEqualTo(InvisibleText.strip(text));
                      assertThat(redactor.redact(text).restore(redactor.redact(text).text()))
                          .isEqualTo(text);
                    }));
    System.out.println("fuzz redactor (restore): " + inputs + " inputs, 0 failures");
  }

  @Test
  void should_never_let_a_planted_value_through() {
    AtomicInteger inputs = new AtomicInteger();
    Gen<List<String>> messages =
        Rand.gen(r -> List.of(r.draw(MESSAGES), r.pick(PLANTED), r.draw(MESSAGES)));
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            qt().withExamples(3_000)
                .forAll(messages)
                .checkAssert(
                    parts -> {
                      inputs.incrementAndGet();
                      String text = parts.get(0) + "\n" + parts.get(1) + "\n" + parts.get(2);
                      assertThat(redactor.redact(text).text().split("\n", -1))
                          .doesNotContain(parts.get(1));
                    }));
    System.out.println("fuzz redactor (planted values): " + inputs + " inputs, 0 failures");
  }
}
