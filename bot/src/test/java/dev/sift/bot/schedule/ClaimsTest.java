package dev.sift.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {
  private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

  @Test
  void should_grant_a_claim_once_even_after_reopening(@TempDir Path dir) {
    Path file = dir.resolve("claims.jsonl");
    try (Claims claims = Claims.open(file, T0.minusSeconds(86_400))) {
      assertThat(claims.claim("digest/a/1", T0)).isTrue();
      assertThat(claims.claim("digest/a/1", T0)).isFalse();
    }
    try (Claims reopened = Claims.open(file, T0.minusSeconds(86_400))) {
      assertThat(reopened.claim("digest/a/1", T0)).isFalse();
      assertThat(reopened.get("digest/a/1"))
          .hasValueSatisfying(c -> assertThat(c.done()).isFalse());
      assertThat(reopened.unfinished("digest/a/")).hasSize(1);
    }
  }

  @Test
  void should_keep_what_a_finished_claim_produced(@TempDir Path dir) {
    Path file = dir.resolve("claims.jsonl");
    try (Claims claims = Claims.open(file, T0.minusSeconds(60))) {
      claims.claim("digest/a/1", T0);
      claims.done("digest/a/1", "C1/1.000100");
    }
    try (Claims reopened = Claims.open(file, T0.minusSeconds(60))) {
      Claims.Claim c = reopened.get("digest/a/1").orElseThrow();
      assertThat(c.done()).isTrue();
      assertThat(c.detail()).isEqualTo("C1/1.000100");
      assertThat(c.claimedAt()).isEqualTo(T0);
      assertThat(reopened.unfinished("digest/")).isEmpty();
    }
  }

  @Test
  void should_let_a_released_claim_be_claimed_again(@TempDir Path dir) {
    Path file = dir.resolve("claims.jsonl");
    try (Claims claims = Claims.open(file, T0.minusSeconds(60))) {
      claims.claim("k", T0);
      claims.release("k");
    }
    try (Claims reopened = Claims.open(file, T0.minusSeconds(60))) {
      assertThat(reopened.claim("k", T0)).isTrue();
    }
  }

  @Test
  void should_drop_old_claims_and_a_torn_last_line_when_opened(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("claims.jsonl");
    try (Claims claims = Claims.open(file, T0.minusSeconds(86_400))) {
      claims.claim("old", T0.minusSeconds(7200));
      claims.claim("new", T0);
    }
    Files.writeString(
        file, "{\"key\":\"torn\",\"claim", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (Claims reopened = Claims.open(file, T0.minusSeconds(3600))) {
      assertThat(reopened.get("old")).isEmpty();
      assertThat(reopened.get("torn")).isEmpty();
      assertThat(reopened.get("new")).isPresent();
    }
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void should_find_the_latest_claim_under_a_prefix(@TempDir Path dir) {
    try (Claims claims = Claims.open(dir.resolve("c.jsonl"), T0.minusSeconds(86_400))) {
      claims.claim("digest/a/1", T0.minusSeconds(60));
      claims.claim("digest/a/2", T0);
      claims.claim("digest/b/3", T0.plusSeconds(60));

      assertThat(claims.latest("digest/a/"))
          .hasValueSatisfying(c -> assertThat(c.key()).isEqualTo("digest/a/2"));
      assertThat(claims.latest("digest/c/")).isEmpty();
    }
  }
}
