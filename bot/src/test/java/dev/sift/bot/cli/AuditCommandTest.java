package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path data;

  private void recordAt(String when, String actor, String action, String target) {
    try (AuditLog log = AuditLog.open(data, Clock.fixed(Instant.parse(when), ZoneOffset.UTC))) {
      log.record(actor, action, target, Map.of("model", "gpt-4o-mini", "input_tokens", 120));
    }
  }

  @Test
  void should_print_entries_since_a_date_filtered_by_action() {
    recordAt("2026-11-20T08:00:00Z", "U0OLD", "reassign", "T1/C1/1.0");
    recordAt("2026-12-01T09:30:00Z", "U0ADMIN", "watch", "C0SUPPORT");
    recordAt("2026-12-01T09:31:00Z", "system", "llm.call", "C0SUPPORT");

    Cli all = Cli.run("audit", "--since", "2026-12-01", "--data", data.toString());
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out())
        .contains("2026-12-01 09:30:00  U0ADMIN")
        .contains("watch")
        .contains("llm.call")
        // Details print in the order the map gives them: Map.of's varies from one JVM to the next.
        .contains("model=gpt-4o-mini")
        .contains("input_tokens=120")
        .contains("2 entries since 2026-12-01")
        .doesNotContain("U0OLD");

    Cli llm =
        Cli.run(
            "audit",
            "--since",
            "2026-11-01",
            "--action",
            "llm.call",
            "--json",
            "--data",
            data.toString());
    assertThat(llm.exitCode()).as(llm.err()).isZero();
    assertThat(llm.out().strip().lines()).hasSize(1);
    assertThat(llm.out()).startsWith("{\"time\":\"2026-12-01T09:31:00Z\"");
  }

  @Test
  void should_count_a_duration_back_from_now() {
    Clock now = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    assertThat(AuditCommand.since("24h", ZoneOffset.UTC, now))
        .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
  }

  @Test
  void should_refuse_a_since_that_is_neither_a_duration_nor_a_date() {
    Cli bad = Cli.run("audit", "--since", "yesterday", "--data", data.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("neither a duration");
  }
}
