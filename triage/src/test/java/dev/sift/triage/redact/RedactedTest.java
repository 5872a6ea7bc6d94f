package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactedTest {
  private final Redacted redacted =
      new Redacted(
          "refund [CARD_1] for [EMAIL_1]",
          Map.of("[CARD_1]", "4111 1111 1111 1111", "[EMAIL_1]", "jane@acme.io"));

  @Test
  void should_restore_known_placeholders_and_keep_unknown_tokens_when_given_an_llm_summary() {
    String summary = "Refund [CARD_1] for [EMAIL_1] [EMAIL_1]; see [TICKET_9], [EMAIL_7], [x]";

    assertThat(redacted.restore(summary))
        .isEqualTo(
            "Refund 4111 1111 1111 1111 for jane@acme.io jane@acme.io; see [TICKET_9], [EMAIL_7],"
                + " [x]");
  }

  @Test
  void should_keep_originals_when_the_caller_changes_its_map_afterwards() {
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put("[SSN_1]", "123-45-6789");
    var r = new Redacted("ssn [SSN_1]", originals);

    originals.put("[SSN_2]", "234-56-7890");

    assertThat(r.originals()).containsOnlyKeys("[SSN_1]");
    assertThatThrownBy(() -> r.originals().put("[SSN_3]", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_list_kinds_in_order_of_appearance_when_several_were_redacted() {
    var r = Redactor.standard().redact("key ghp_short, pwd=x, +44 20 7946 0958, a@b.io, pwd=y");

    assertThat(r.kinds()).containsExactly("secret", "phone", "email");
    assertThat(r.changed()).isTrue();
  }

  @Test
  void should_report_nothing_when_nothing_was_redacted() {
    var r = new Redacted("plain", Map.of());

    assertThat(r.changed()).isFalse();
    assertThat(r.kinds()).isEmpty();
    assertThat(r.restore("[EMAIL_1] stays")).isEqualTo("[EMAIL_1] stays");
  }

  @Test
  void should_reject_an_original_when_its_key_is_not_a_placeholder() {
    assertThatThrownBy(() -> new Redacted("x", Map.of("EMAIL_1", "a@b.io")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EMAIL_1");
  }
}
