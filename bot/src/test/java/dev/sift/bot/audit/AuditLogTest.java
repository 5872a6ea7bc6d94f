package dev.sift.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path data;

  @Test
  void should_append_one_json_line_per_action_and_keep_what_was_there_across_reopens()
      throws Exception {
    Clock at = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    try (AuditLog log = AuditLog.open(data, at)) {
      log.record("U0ADMIN", "reassign", "T1/C1/1.000100", Map.of("assignee", "U0BOB"));
    }
    try (AuditLog log = AuditLog.open(data, at)) {
      log.record(null, "retention", "C1", Map.of("messages", 3));
    }

    List<String> lines = Files.readAllLines(data.resolve("audit.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"time\":\"2026-12-02T10:00:00Z\",\"actor\":\"U0ADMIN\",\"action\":\"reassign\","
                + "\"target\":\"T1/C1/1.000100\",\"details\":{\"assignee\":\"U0BOB\"}}");
    List<AuditEntry> read = AuditEntry.read(data.resolve("audit.jsonl"), e -> true);
    assertThat(read).extracting(AuditEntry::actor).containsExactly("U0ADMIN", "system");
    assertThat(read.get(1).details().path("messages").asInt()).isEqualTo(3);
  }

  @Test
  void should_lose_no_line_when_many_threads_record_at_once() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (AuditLog log = AuditLog.open(data, Clock.systemUTC())) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        done.add(pool.submit(() -> log.record("system", "llm.call", "C" + n, Map.of("n", n))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<AuditEntry> read = AuditEntry.read(data.resolve("audit.jsonl"), e -> true);
    assertThat(read).hasSize(400);
    assertThat(read.stream().map(AuditEntry::target).distinct()).hasSize(400);
  }

  @Test
  void should_skip_a_torn_last_line_and_read_the_rest() throws Exception {
    try (AuditLog log = AuditLog.open(data, Clock.systemUTC())) {
      log.record("U1", "watch", "C1", Map.of());
    }
    Files.writeString(
        data.resolve("audit.jsonl"),
        "{\"time\":\"2026-12-0",
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), e -> true))
        .extracting(AuditEntry::action)
        .containsExactly("watch");
  }
}
