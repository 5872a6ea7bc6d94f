package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

  @Test
  void should_pass_luhn_when_the_check_digit_matches_and_ignore_separators() {
    assertThat(Checksums.luhn("4111 1111 1111 1111")).isTrue();
    assertThat(Checksums.luhn("3782-822463-10005")).isTrue();
    assertThat(Checksums.luhn("4111 1111 1111 1112")).isFalse();
  }

  @Test
  void should_pass_mod97_when_the_iban_check_digits_match() {
    assertThat(Checksums.mod97("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Checksums.mod97("DE89370400440532013000")).isTrue();
    assertThat(Checksums.mod97("GB82 WEST 1234 5698 7654 33")).isFalse();
  }

  @Test
  void should_fail_mod97_when_the_text_is_too_short_or_not_upper_case() {
    assertThat(Checksums.mod97("GB82")).isFalse();
    assertThat(Checksums.mod97("gb82 west 1234 5698 7654 32")).isFalse();
  }
}
