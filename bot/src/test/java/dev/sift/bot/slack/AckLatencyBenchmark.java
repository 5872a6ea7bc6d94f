package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.export.SlackExport;
import dev.sift.triage.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the intake journal costs the ack: Socket Mode message events from the sample week against
 * the fake Slack, with the journal (fsync before the ack) and without it, in one run: 100 events/s
 * sustained for 20 s, then a burst of 1,000 sent as fast as the socket takes them. Triage runs
 * meanwhile on the same two cores, as it would. Prints ack latency percentiles; asserts only that
 * every event was acked. Run: {@code mvn -pl bot test -DexcludedGroups=none -Dgroups=benchmark
 * -Dtest=AckLatencyBenchmark}.
 */
@Tag("benchmark")
class AckLatencyBenchmark {
  private static final int SUSTAINED = 2000;
  private static final int RATE = 100;
  private static final int BURST = 1000;

  @TempDir Path data;

  @Test
  void ack_latency_with_and_without_the_journal() throws Exception {
    List<Message> sample;
    try (SlackExport export = SlackExport.open(Path.of("..", "samples", "northwind-week.zip"))) {
      sample = export.messages(w -> {});
    }
    StringBuilder report = new StringBuilder("Ack latency, Socket Mode, sample week texts\n");
    for (boolean journaled : new boolean[] {true, false, true, false}) {
      report.append(run(sample, journaled));
    }
    System.out.print(report);
    Path out = Path.of("target", "benchmarks", "ack-latency.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private String run(List<Message> sample, boolean journaled) throws Exception {
    Path dir = Files.createTempDirectory(data, journaled ? "journal" : "none");
    try (FakeSlack slack = new FakeSlack()) {
      sample.stream()
          .map(m -> new String[] {m.channelId(), m.channelName()})
          .distinct()
          .forEach(c -> slack.channel(c[0], c[1], false));
      Sift sift = new Sift(SiftConfig.defaults().withDataDir(dir));
      LiveApp app =
          LiveApp.start(
              sift,
              new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config(), journaled));
      assertThat(slack.awaitConnected(Duration.ofSeconds(20))).isTrue();
      sift.embedder().embed("warm up the model before the clock starts");

      List<String> frames = frames(sample, "s", SUSTAINED, 0);
      long[] sentAt = new long[SUSTAINED];
      long nanosPerEvent = 1_000_000_000L / RATE;
      long next = System.nanoTime();
      for (int i = 0; i < SUSTAINED; i++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        sentAt[i] = System.nanoTime();
        slack.send(frames.get(i));
        next += nanosPerEvent;
      }
      String sustained = latencies(slack, "s", sentAt);
      app.awaitIdle(5, TimeUnit.MINUTES);

      List<String> burst = frames(sample, "b", BURST, 14);
      long[] burstAt = new long[BURST];
      for (int i = 0; i < BURST; i++) {
        burstAt[i] = System.nanoTime();
        slack.send(burst.get(i));
      }
      String bursty = latencies(slack, "b", burstAt);
      app.awaitIdle(5, TimeUnit.MINUTES);
      app.close();
      sift.close();
      return String.format(
          "  journal %-3s  sustained %d/s x %d: %s%n               burst of %d:        %s%n",
          journaled ? "on" : "off", RATE, SUSTAINED, sustained, BURST, bursty);
    }
  }

  private static String latencies(FakeSlack slack, String prefix, long[] sentAt)
      throws InterruptedException {
    int n = sentAt.length;
    for (int i = 0; i < n; i++) {
      assertThat(slack.awaitAck(prefix + "-" + i, Duration.ofSeconds(60))).isTrue();
    }
    long[] latency = new long[n];
    for (int i = 0; i < n; i++) {
      latency[i] = slack.ackedAt(prefix + "-" + i) - sentAt[i];
    }
    Arrays.sort(latency);
    return String.format(
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        latency[n / 2 - 1] / 1e6,
        latency[(int) Math.ceil(n * 0.99) - 1] / 1e6,
        latency[n - 1] / 1e6);
  }

  /** Envelopes of new messages from the sample, shifted {@code weeks} on so each is new. */
  private static List<String> frames(List<Message> sample, String prefix, int n, int weeks) {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Message m = sample.get(i % sample.size());
      long shift = (long) (weeks + i / sample.size()) * 7 * 86400;
      String ts = shift(m.ts(), shift);
      String thread = m.threadTs() == null ? null : shift(m.threadTs(), shift);
      frames.add(
          Envelopes.events(
              prefix + "-" + i,
              Envelopes.eventCallback(
                  "Ev" + prefix + i,
                  Envelopes.message(
                      m.channelId(),
                      m.userId() == null ? "U0ANON" : m.userId(),
                      ts,
                      thread,
                      m.text())),
              0));
    }
    return frames;
  }

  private static String shift(String ts, long seconds) {
    int dot = ts.indexOf('.');
    return (Long.parseLong(ts.substring(0, dot)) + seconds) + ts.substring(dot);
  }
}
