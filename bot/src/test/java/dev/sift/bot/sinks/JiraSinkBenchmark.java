package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many item events a Jira sink delivers per second against Jira's API on loopback: each item's
 * first event creates its issue (a durable note before the request, the key after), the rest become
 * comments. The figure is the sink's own cost; a real Jira answers in tens of milliseconds, which
 * bounds a sink far lower.
 */
@Tag("benchmark")
class JiraSinkBenchmark {
  private static final int ITEMS = 200;
  private static final int UPDATES = 4;

  @TempDir Path data;

  @Test
  void should_measure_events_per_second_a_jira_sink_delivers() throws Exception {
    try (FakeJira jira = new FakeJira();
        Sinks sinks =
            Sinks.start(
                List.of(sink(jira.base())),
                data,
                name -> "token",
                new OkHttpClient(),
                Clock.systemUTC(),
                Duration.ofMillis(20),
                IssueLinked.NONE)) {
      int total = ITEMS * (1 + UPDATES);
      long start = System.nanoTime();
      for (int u = 0; u <= UPDATES; u++) {
        for (int i = 0; i < ITEMS; i++) {
          sinks.publish(event(i, u));
        }
      }
      long published = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (sinks.readings().get(0).sent() < total && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long sent = sinks.readings().get(0).sent();
      System.out.printf(
          "Jira sink: %d events (%d issues, %d comments) in %.2f s = %.0f events/s"
              + " (publishing to the outbox took %.2f s)%n",
          sent,
          jira.issues.size(),
          jira.comments.values().stream().mapToInt(List::size).sum(),
          seconds,
          sent / seconds,
          (published - start) / 1e9);
      assertThat(sent).isEqualTo(total);
      assertThat(jira.issues).hasSize(ITEMS);
    }
  }

  /** Item {@code i}'s opening ({@code u} 0) or its {@code u}th update: one more reporter each. */
  private static SiftEvent event(int i, int u) {
    String[] reporters = new String[u + 1];
    for (int r = 0; r <= u; r++) {
      reporters[r] = "person" + r;
    }
    SiftEvent e =
        JiraSinkTest.event(
            "E" + i + "-" + u,
            u == 0 ? SiftEvent.Type.ITEM_OPENED : SiftEvent.Type.ITEM_UPDATED,
            "open",
            null,
            reporters);
    String item = "T0NORTH/C0SUPPORT/17727" + String.format("%05d", i) + ".000100";
    Map<String, Object> data = new LinkedHashMap<>(e.data());
    data.put("item_id", item);
    return new SiftEvent(
        e.id(),
        e.type(),
        e.team(),
        e.time(),
        item,
        e.channelId(),
        e.channelName(),
        false,
        e.category(),
        e.priority(),
        e.text(),
        data);
  }

  private static SinkSettings sink(URI base) {
    return new SinkSettings(
        "bench",
        "jira",
        base,
        "TOKEN",
        Set.of(),
        Set.of(),
        List.of(),
        false,
        List.of(),
        false,
        null,
        null,
        new SinkSettings.Jira("OPS", "Task", null, Map.of("P1", "Highest"), List.of()));
  }
}
