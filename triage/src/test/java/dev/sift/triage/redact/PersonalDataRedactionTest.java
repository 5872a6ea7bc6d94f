package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataRedactionTest {
  private final Redactor redactor = Redactor.standard();

  @Test
  void should_redact_both_parts_when_slack_formats_an_email_as_a_mailto_link() {
    var r = redactor.redact("write to <mailto:jane.doe@acme.io|jane.doe@acme.io> today");

    assertThat(r.text()).isEqualTo("write to <mailto:[EMAIL_1]|[EMAIL_1]> today");
    assertThat(r.originals()).containsExactly(entry("[EMAIL_1]", "jane.doe@acme.io"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"user@localhost", "foo@bar", "<@U024BE7LH>", "@here", "v1.2@3.4", "a@b.c"})
  void should_keep_text_when_an_at_sign_is_not_an_email(String text) {
    assertThat(redactor.redact(text).changed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+44 20 7946 0958",
        "+1-415-555-0132",
        "(415) 555-0132",
        "020 7946 0958",
        "+1 (415) 555-0132",
        "+44 (0)20 7946 0958",
        "+14155550132",
        "415.555.0132",
        "07700 900123",
        "01 23 45 67 89"
      })
  void should_redact_phone_number_when_written_in_a_common_format(String phone) {
    var r = redactor.redact("call " + phone + ", thanks");

    assertThat(r.text()).isEqualTo("call [PHONE_1], thanks");
    assertThat(r.originals()).containsEntry("[PHONE_1]", phone);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "released 2.14.1 on 2026-03-04 at 10:30:15",
        "see PORT-426 and PORT-4265",
        "refund of 1,250.00 or $1,250,000.00",
        "thread 1772632441.918770",
        "hosts 192.168.100.200 and 10.0.0.1",
        "meeting 01.02.2026 10:30, 2026-03-04 10:30",
        "order 123456789 in C0123456789",
        "short 555-0132 and +44 20"
      })
  void should_keep_numbers_when_they_are_dates_versions_ids_money_or_addresses(String text) {
    assertThat(redactor.redact(text).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "3782 822463 10005",
        "6011 1111 1111 1117"
      })
  void should_redact_card_number_when_the_luhn_check_passes(String card) {
    assertThat(redactor.redact("card " + card + " please").text())
        .isEqualTo("card [CARD_1] please");
  }

  @Test
  void should_keep_card_like_number_when_the_luhn_check_fails() {
    String text = "card 4111 1111 1111 1112 and ref 5500 0000 0000 0005";

    assertThat(redactor.redact(text).text()).isEqualTo(text);
  }

  @Test
  void should_redact_only_the_card_when_other_numbers_stand_next_to_it() {
    var r = redactor.redact("card 5500 0000 0000 0004 2027, ref 2024 4111 1111 1111 1111");

    assertThat(r.text()).isEqualTo("card [CARD_1] 2027, ref 2024 [CARD_2]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "NL91ABNA0417164300",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NO93 8601 1117 947"
      })
  void should_redact_iban_when_the_mod97_check_passes(String iban) {
    var r = redactor.redact("pay to " + iban + " TEAM");

    assertThat(r.text()).isEqualTo("pay to [IBAN_1] TEAM");
    assertThat(r.originals()).containsEntry("[IBAN_1]", iban);
  }

  @Test
  void should_keep_iban_like_text_when_the_mod97_check_fails() {
    String text = "pay to GB82 WEST 1234 5698 7654 33 or DE89370400440532013001";

    assertThat(redactor.redact(text).text()).isEqualTo(text);
  }

  @Test
  void should_redact_ssn_when_area_group_and_serial_were_issuable() {
    assertThat(redactor.redact("SSN: 123-45-6789.").text()).isEqualTo("SSN: [SSN_1].");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000"})
  void should_keep_ssn_like_number_when_it_can_never_be_issued(String number) {
    assertThat(redactor.redact("ssn " + number).changed()).isFalse();
  }

  @Test
  void should_keep_ssn_like_number_when_it_is_part_of_a_ticket_id() {
    assertThat(redactor.redact("see PORT-123-45-6789").changed()).isFalse();
  }
}
