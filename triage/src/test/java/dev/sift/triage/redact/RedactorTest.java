package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private static final String SLACK_MESSAGE =
      "@oncall customer Jane Doe (jane.doe@acme.io, +44 20 7946 0958) was double-charged on card"
          + " 4111 1111 1111 1111, refund to GB82 WEST 1234 5698 7654 32.\n"
          + "Logs from 2026-03-04 10:15 (release 2.14.1, PORT-426) show the bot token "
          + SecretRedactionTest.SLACK_BOT_TOKEN
          + " and the DSN postgres://billing:Tr0ub4dor@db.internal:5432/billing.\n"
          + "cc jane.doe@acme.io";

  private final Redactor redactor = Redactor.standard();

  @Test
  void should_redact_every_kind_and_keep_the_rest_when_a_message_mixes_them() {
    var r = redactor.redact(SLACK_MESSAGE);

    assertThat(r.text())
        .isEqualTo(
            "@oncall customer Jane Doe ([EMAIL_1], [PHONE_1]) was double-charged on card [CARD_1],"
                + " refund to [IBAN_1].\n"
                + "Logs from 2026-03-04 10:15 (release 2.14.1, PORT-426) show the bot token"
                + " [SECRET_1] and the DSN"
                + " postgres://billing:[SECRET_2]@db.internal:5432/billing.\n"
                + "cc [EMAIL_1]");
    assertThat(r.kinds()).containsExactly("email", "phone", "card", "iban", "secret");
    assertThat(r.originals())
        .containsEntry("[CARD_1]", "4111 1111 1111 1111")
        .containsEntry("[SECRET_2]", "Tr0ub4dor")
        .hasSize(6);
  }

  @Test
  void should_give_back_the_input_when_restoring_the_redacted_text() {
    var r = redactor.redact(SLACK_MESSAGE);

    assertThat(r.restore(r.text())).isEqualTo(SLACK_MESSAGE);
  }

  @Test
  void should_return_the_same_string_when_the_text_has_nothing_to_redact() {
    String text = "portal is down since 10:30, release 2.14.1 (PORT-426) :fire:";

    var r = redactor.redact(text);

    assertThat(r.text()).isSameAs(text);
    assertThat(r.changed()).isFalse();
    assertThat(r.originals()).isEmpty();
  }

  @Test
  void should_number_per_kind_in_order_of_appearance_when_values_repeat() {
    var r =
        redactor.redact(
            "a@x.io, pwd=hunter2, b@x.io, "
                + SecretRedactionTest.GITHUB_TOKEN
                + ", a@x.io, pwd=hunter2");

    assertThat(r.text())
        .isEqualTo("[EMAIL_1], pwd=[SECRET_1], [EMAIL_2], [SECRET_2], [EMAIL_1], pwd=[SECRET_1]");
    assertThat(r.originals())
        .containsExactly(
            entry("[EMAIL_1]", "a@x.io"),
            entry("[SECRET_1]", "hunter2"),
            entry("[EMAIL_2]", "b@x.io"),
            entry("[SECRET_2]", SecretRedactionTest.GITHUB_TOKEN));
  }

  @Test
  void should_skip_a_placeholder_when_the_author_already_typed_it() {
    String text = "the template shows [EMAIL_1]; mine is bob@x.io";

    var r = redactor.redact(text);

    assertThat(r.text()).isEqualTo("the template shows [EMAIL_1]; mine is [EMAIL_2]");
    assertThat(r.restore(r.text())).isEqualTo(text);
  }

  @Test
  void should_catch_an_email_when_invisible_characters_are_stripped_first() {
    var r = redactor.redact(InvisibleText.strip("mail ja\u200Bne@ac\u2060me.io"));

    assertThat(r.text()).isEqualTo("mail [EMAIL_1]");
    assertThat(r.originals()).containsEntry("[EMAIL_1]", "jane@acme.io");
  }

  @Test
  void should_give_every_thread_the_same_result_when_shared() {
    String expected = redactor.redact(SLACK_MESSAGE).text();

    var results =
        IntStream.range(0, 200).parallel().mapToObj(i -> redactor.redact(SLACK_MESSAGE).text());

    assertThat(results).containsOnly(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@",
        "1-",
        "4111 ",
        "+1 ",
        "x://a:",
        "password=\"",
        "-----BEGIN PRIVATE KEY-----"
      })
  void should_finish_quickly_when_200_kb_of_adversarial_text_is_pasted(String unit) {
    String text = unit.repeat(200_000 / unit.length());

    var r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(text));

    assertThat(r.restore(r.text())).isEqualTo(text);
  }
}
