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
 * A burst of 1,000 message events over Socket Mode against the fake Slack, the messages of the
 * bundled sample week (threads, an outage with many reporters, chatter), sent as fast as the socket
 * takes them. Prints ack latency percentiles and end-to-end throughput; asserts only that
 * everything was acked and triaged. Run: {@code mvn -pl bot test -DexcludedGroups=none
 * -Dgroups=benchmark}.
 */
@Tag("benchmark")
class SocketModeBurstBenchmark {
  private static final int EVENTS = 1000;

  @TempDir Path data;

  @Test
  void burst_of_1000_message_events() throws Exception {
    List<Message> sample;
    try (SlackExport export = SlackExport.open(Path.of("..", "samples", "northwind-week.zip"))) {
      sample = export.messages(w -> {});
    }
    try (FakeSlack slack = new FakeSlack()) {
      sample.stream()
          .map(m -> new String[] {m.channelId(), m.channelName()})
          .distinct()
          .forEach(c -> slack.channel(c[0], c[1], false));
      Sift sift = new Sift(SiftConfig.defaults().withDataDir(data));
      LiveApp app =
          LiveApp.start(
              sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()));
      assertThat(slack.awaitConnected(Duration.ofSeconds(20))).isTrue();
      sift.embedder().embed("warm up the model before the clock starts");

      List<String> frames = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        Message m = sample.get(i % sample.size());
        // Past the sample's end, repeat it a week later so every event is a new message.
        String ts = i < sample.size() ? m.ts() : shift(m.ts(), 7 * 86400);
        String thread =
            m.threadTs() == null
                ? null
                : i < sample.size() ? m.threadTs() : shift(m.threadTs(), 7 * 86400);
        frames.add(
            Envelopes.events(
                "b-" + i,
                Envelopes.eventCallback(
                    "EvB" + i,
                    Envelopes.message(
                        m.channelId(),
                        m.userId() == null ? "U0ANON" : m.userId(),
                        ts,
                        thread,
                        m.text())),
                0));
      }
      long[] sentAt = new long[EVENTS];
      long start = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        sentAt[i] = System.nanoTime();
        slack.send(frames.get(i));
      }
      for (int i = 0; i < EVENTS; i++) {
        assertThat(slack.awaitAck("b-" + i, Duration.ofSeconds(60))).isTrue();
      }
      long allAcked = System.nanoTime();
      FakeSlack.await(
          () -> app.queue().done() >= EVENTS && app.queue().size() == 0, Duration.ofMinutes(5));
      long triaged = System.nanoTime();
      assertThat(app.awaitIdle(10, TimeUnit.MINUTES)).isTrue();
      long cardsDone = System.nanoTime();

      long[] latency = new long[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        latency[i] = slack.ackedAt("b-" + i) - sentAt[i];
      }
      Arrays.sort(latency);
      long cards =
          slack.calls("chat.postMessage").stream().filter(c -> c.param("blocks") != null).count();
      String report =
          String.format(
              "Socket Mode burst: %d message events (sample week, %d channels)%n"
                  + "  ack latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                  + "  all acked after %.2f s%n"
                  + "  all triaged and indexed after %.2f s = %.0f events/s end to end%n"
                  + "  %d task cards and %d card updates in Slack after %.2f s (posts paced ~1/s per channel)%n",
              EVENTS,
              sample.stream().map(Message::channelId).distinct().count(),
              ms(latency[EVENTS / 2 - 1]),
              ms(latency[(int) Math.ceil(EVENTS * 0.9) - 1]),
              ms(latency[(int) Math.ceil(EVENTS * 0.99) - 1]),
              ms(latency[EVENTS - 1]),
              (allAcked - start) / 1e9,
              (triaged - start) / 1e9,
              EVENTS / ((triaged - start) / 1e9),
              cards,
              slack.calls("chat.update").size(),
              (cardsDone - start) / 1e9);
      System.out.print(report);
      Path out = Path.of("target", "benchmarks", "socket-mode-burst.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      app.close();
      sift.close();
    }
  }

  private static String shift(String ts, long seconds) {
    int dot = ts.indexOf('.');
    return (Long.parseLong(ts.substring(0, dot)) + seconds) + ts.substring(dot);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
