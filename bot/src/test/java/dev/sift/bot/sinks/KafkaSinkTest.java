package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka sink against a real broker on loopback: each item's events reach the topic in order,
 * keyed by the item's id, as CloudEvents in structured mode; nothing is lost when Sift stops while
 * records are in flight; events published while the broker is away wait in the outbox and reach it
 * in order once it is back.
 */
class KafkaSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Short producer timeouts, so an away broker is noticed within seconds. */
  static final Map<String, String> QUICK =
      Map.of(
          "delivery.timeout.ms", "3000",
          "request.timeout.ms", "2000",
          "max.block.ms", "2000");

  @TempDir static Path brokerDir;
  static LoopbackKafka kafka;

  @TempDir Path data;
  private String topic;
  private Sinks sinks;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = LoopbackKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void topic(TestInfo test) throws Exception {
    topic = "sift-" + test.getTestMethod().orElseThrow().getName().hashCode();
    // Small records only, so a test can send one the topic never takes.
    kafka.createTopic(topic, 4, Map.of("max.message.bytes", "4096"));
  }

  @AfterEach
  void stop() {
    if (sinks != null) {
      sinks.close();
    }
  }

  @Test
  void should_keep_each_items_events_in_order_keyed_by_item_id_as_structured_cloud_events()
      throws Exception {
    sinks = start();
    List<SiftEvent> published = interleaved(1, 12, 20);

    published.forEach(sinks::publish);

    await(() -> sinks.readings().get(0).sent() == published.size());
    List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
    assertThat(records).hasSize(published.size());
    for (ConsumerRecord<String, String> r : records) {
      JsonNode e = JSON.readTree(r.value());
      assertThat(e.path("specversion").asText()).isEqualTo("1.0");
      assertThat(e.path("type").asText()).isEqualTo("dev.sift.item.updated.v1");
      assertThat(r.key()).isEqualTo(e.path("subject").asText());
      assertThat(new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
          .isEqualTo("application/cloudevents+json");
    }
    assertThat(idsByItem(records)).isEqualTo(idsByItem(published));
    assertThat(records.stream().map(ConsumerRecord::partition).distinct().count())
        .as("items spread over the topic's partitions")
        .isGreaterThan(1);
  }

  @Test
  void should_lose_nothing_when_sift_stops_while_records_are_in_flight() throws Exception {
    sinks = start();
    List<SiftEvent> before = interleaved(1, 10, 40);
    before.forEach(sinks::publish);
    await(() -> sinks.readings().get(0).sent() >= 20);
    int waitingAtStop = sinks.readings().get(0).lag();
    sinks.close();

    sinks = start();
    List<SiftEvent> after = interleaved(41, 10, 60);
    after.forEach(sinks::publish);

    int all = before.size() + after.size();
    await(() -> sinks.readings().get(0).lag() == 0);
    assertThat(waitingAtStop).as("events still waited when Sift stopped").isPositive();
    List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
    Map<String, String> byId = new HashMap<>();
    int repeats = 0;
    for (ConsumerRecord<String, String> r : records) {
      String id = JSON.readTree(r.value()).path("id").asText();
      String first = byId.putIfAbsent(id, r.value());
      if (first != null) {
        repeats++;
        assertThat(r.value()).as("a repeat is the same CloudEvent").isEqualTo(first);
      }
    }
    System.out.printf(
        "Kafka sink, stop mid-stream: %d waiting at stop, %d records for %d events (%d repeats)%n",
        waitingAtStop, records.size(), all, repeats);
    assertThat(byId).hasSize(all);
    List<SiftEvent> published = new ArrayList<>(before);
    published.addAll(after);
    assertThat(idsByItem(records)).isEqualTo(idsByItem(published));
  }

  @Test
  void should_hold_events_while_the_broker_is_away_and_deliver_them_in_order_when_it_returns()
      throws Exception {
    sinks = start();
    List<SiftEvent> published = new ArrayList<>(interleaved(1, 4, 2));
    published.forEach(sinks::publish);
    await(() -> sinks.readings().get(0).sent() == 8);

    kafka.stop();
    List<SiftEvent> during = interleaved(3, 4, 12);
    try {
      during.forEach(sinks::publish);
      await(() -> sinks.readings().get(0).failingSince() != null);
      assertThat(sinks.readings().get(0).lag()).isEqualTo(during.size());
    } finally {
      kafka.startAgain();
    }
    published.addAll(during);

    await(() -> sinks.readings().get(0).lag() == 0);
    assertThat(sinks.readings().get(0).failingSince()).isNull();
    assertThat(idsByItem(kafka.readAll(topic))).isEqualTo(idsByItem(published));
  }

  @Test
  void should_set_aside_a_record_the_topic_never_takes_and_deliver_the_next() throws Exception {
    sinks = start();
    SiftEvent huge = event("HUGE", "C0SUPPORT/1772700011.000100", "x".repeat(8_000));
    SiftEvent next = event("NEXT", "C0SUPPORT/1772700011.000100");

    sinks.publish(huge);
    sinks.publish(next);

    await(() -> sinks.readings().get(0).sent() == 1);
    assertThat(new SetAside(Sinks.folder(data, "events").resolve(Sinks.DEAD_LETTERS)).all())
        .singleElement()
        .satisfies(l -> assertThat(l.id()).isEqualTo("HUGE"))
        .satisfies(l -> assertThat(l.error()).contains("RecordTooLargeException"));
    assertThat(idsByItem(kafka.readAll(topic)).values()).containsExactly(List.of("NEXT"));
  }

  private Sinks start() {
    return Sinks.start(
        List.of(kafkaSink("events", kafka.bootstrapServers(), topic, QUICK)),
        data,
        name -> null,
        new OkHttpClient(),
        Clock.systemUTC(),
        Duration.ofMillis(20));
  }

  static SinkSettings kafkaSink(
      String name, String servers, String topic, Map<String, String> properties) {
    return new SinkSettings(
        name,
        "kafka",
        null,
        null,
        Set.of(),
        Set.of(),
        List.of(),
        false,
        List.of(),
        false,
        null,
        new SinkSettings.Kafka(servers, topic, properties),
        null);
  }

  /**
   * Events {@code from..to} of each of {@code items} items, one event of every item in turn, so
   * consecutive events are of different items.
   */
  static List<SiftEvent> interleaved(int from, int items, int to) {
    List<SiftEvent> out = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      for (int i = 1; i <= items; i++) {
        out.add(event("I" + i + "-E" + n, "C0SUPPORT/17727000" + (10 + i) + ".000100"));
      }
    }
    return out;
  }

  static SiftEvent event(String id, String item) {
    return event(id, item, "acknowledged by the on-call engineer");
  }

  static SiftEvent event(String id, String item, String summary) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("item_id", item);
    data.put("summary", summary);
    data.put("priority", "P2");
    data.put("status", "acknowledged");
    return new SiftEvent(
        id,
        SiftEvent.Type.ITEM_UPDATED,
        "T0NORTH",
        Instant.parse("2026-03-05T09:00:00Z"),
        item,
        "C0SUPPORT",
        "support",
        false,
        "incident",
        "P2",
        null,
        data);
  }

  /** Each item's event ids in the order seen, a repeat of an id already seen left out. */
  static Map<String, List<String>> idsByItem(List<?> eventsOrRecords) throws Exception {
    Map<String, List<String>> out = new HashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Object o : eventsOrRecords) {
      String id;
      String item;
      if (o instanceof SiftEvent e) {
        id = e.id();
        item = e.subject();
      } else {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> r = (ConsumerRecord<String, String>) o;
        id = JSON.readTree(r.value()).path("id").asText();
        item = r.key();
      }
      if (seen.add(id)) {
        out.computeIfAbsent(item, k -> new ArrayList<>()).add(id);
      }
    }
    return out;
  }

  /** Waits for what the broker and the sink do on their own; a minute only against a hang. */
  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within a minute");
      }
      Thread.sleep(10);
    }
  }
}
