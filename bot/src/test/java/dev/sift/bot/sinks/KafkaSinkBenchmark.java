package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kafka sink sustains against a real broker on loopback, with the producer's and the
 * runner's production settings: events per second from {@code Sinks.publish} to acked, and what a
 * broker outage costs while events keep coming (lost must be 0; time to drain). Run: {@code mvn -pl
 * bot -am test -DexcludedGroups=none -Dgroups=benchmark -Dtest=KafkaSinkBenchmark}; {@code
 * -Dsift.bench.outage=PT10M} for the ten-minute outage, {@code -Dsift.bench.rate=50} events/s.
 */
@Tag("benchmark")
class KafkaSinkBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 20_000;
  private static final int RUNS = 3;
  private static final int ITEMS = 50;

  @TempDir static Path brokerDir;
  static LoopbackKafka kafka;
  @TempDir Path work;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = LoopbackKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void events_per_second_from_publish_to_acked() throws Exception {
    double[] published = new double[RUNS];
    double[] delivered = new double[RUNS];
    for (int run = 0; run < RUNS; run++) {
      String topic = "bench-rate-" + run;
      kafka.createTopic(topic, 8, Map.of());
      try (Sinks sinks = start(work.resolve("rate-" + run), topic)) {
        long t0 = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
          sinks.publish(event(i));
        }
        long t1 = System.nanoTime();
        while (sinks.readings().get(0).sent() < EVENTS) {
          Thread.sleep(5);
        }
        long t2 = System.nanoTime();
        published[run] = EVENTS / seconds(t1 - t0);
        delivered[run] = EVENTS / seconds(t2 - t0);
      }
    }
    report(
        String.format(
            "Kafka sink, %,d events, median of %d: publish (outbox, fsynced) %.0f events/s;"
                + " publish to acked %.0f events/s (runs: %s)%n",
            EVENTS,
            RUNS,
            median(published),
            median(delivered),
            Arrays.toString(Arrays.stream(delivered).mapToLong(Math::round).toArray())),
        "kafka-sink-rate.txt");
  }

  @Test
  void a_broker_outage_while_events_keep_coming() throws Exception {
    Duration outage = Duration.parse(System.getProperty("sift.bench.outage", "PT60S"));
    int rate = Integer.getInteger("sift.bench.rate", 50);
    int runs = Integer.getInteger("sift.bench.outage.runs", RUNS);
    double[] firstAck = new double[runs];
    double[] drained = new double[runs];
    long lost = 0;
    StringBuilder each = new StringBuilder();
    for (int run = 0; run < runs; run++) {
      String topic = "bench-outage-" + run;
      kafka.createTopic(topic, 8, Map.of());
      List<String> ids = new ArrayList<>();
      int peakLag;
      try (Sinks sinks = start(work.resolve("outage-" + run), topic)) {
        Pacer pacer = new Pacer(sinks, rate, ids);
        pacer.runFor(Duration.ofSeconds(5));
        kafka.stop();
        pacer.runFor(outage);
        peakLag = sinks.readings().get(0).lag();
        long sentBefore = sinks.readings().get(0).sent();
        kafka.startAgain();
        long back = System.nanoTime();
        pacer.runUntil(() -> sinks.readings().get(0).sent() > sentBefore);
        firstAck[run] = seconds(System.nanoTime() - back);
        pacer.runUntil(() -> sinks.readings().get(0).lag() == 0);
        drained[run] = seconds(System.nanoTime() - back);
      }
      List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
      Set<String> seen = new HashSet<>();
      for (ConsumerRecord<String, String> r : records) {
        seen.add(JSON.readTree(r.value()).path("id").asText());
      }
      long missing = ids.stream().filter(id -> !seen.contains(id)).count();
      lost += missing;
      each.append(
          String.format(
              "  run %d: %,d events, %d lost, %d repeats, %,d waiting at the peak, first ack"
                  + " %.1f s, drained %.1f s%n",
              run + 1,
              ids.size(),
              missing,
              records.size() - seen.size(),
              peakLag,
              firstAck[run],
              drained[run]));
    }
    report(
        String.format(
                "Kafka sink, broker away %s while %d events/s keep coming, median of %d: %d lost"
                    + " in all; first ack %.1f s after the broker is back, backlog drained %.1f s"
                    + " after%n",
                outage, rate, runs, lost, median(firstAck), median(drained))
            + each,
        "kafka-sink-outage.txt");
    assertThat(lost).isZero();
  }

  /** Publishes at a steady rate, one item after another, on the test's thread. */
  private record Pacer(Sinks sinks, int rate, List<String> ids) {
    void runFor(Duration d) throws InterruptedException {
      long end = System.nanoTime() + d.toNanos();
      runUntil(() -> System.nanoTime() >= end);
    }

    void runUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
      long gap = 1_000_000_000L / rate;
      long next = System.nanoTime();
      while (!done.getAsBoolean()) {
        SiftEvent e = event(ids.size());
        sinks.publish(e);
        ids.add(e.id());
        next += gap;
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
    }
  }

  /** The production runner (back-off from one second to a minute) and producer defaults. */
  private static Sinks start(Path data, String topic) {
    return Sinks.start(
        List.of(KafkaSinkTest.kafkaSink("events", kafka.bootstrapServers(), topic, Map.of())),
        data,
        name -> null,
        new OkHttpClient(),
        Clock.systemUTC());
  }

  private static SiftEvent event(int n) {
    return KafkaSinkTest.event("E" + n, "C0SUPPORT/17727" + (10_000 + n % ITEMS) + ".000100");
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static void report(String line, String file) throws Exception {
    System.out.print(line);
    Path out = Path.of("target", "benchmarks", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, line);
  }
}
