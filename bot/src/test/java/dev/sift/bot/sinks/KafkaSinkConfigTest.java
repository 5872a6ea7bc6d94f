package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/**
 * A Kafka sink's settings, from sift.yml to the producer's configuration, checked at start: what is
 * wrong names the sink, and the SASL password goes only where Kafka keeps it out of its log.
 */
class KafkaSinkConfigTest {
  private static final Path HERE = Path.of(".");
  private static final String YAML =
      """
      sinks:
        - name: events
          type: kafka
          bootstrap_servers: [kafka-1.corp.example:9093, kafka-2.corp.example:9093]
          topic: sift.items
          secret_env: SIFT_KAFKA_PASSWORD
          properties:
            security.protocol: SASL_SSL
            sasl.mechanism: SCRAM-SHA-512
            sasl.jaas.config: >-
              org.apache.kafka.common.security.scram.ScramLoginModule required
              username="sift" password="${secret}";
            acks: "1"
      """;

  @Test
  void should_load_a_kafka_sink_and_put_its_secret_into_the_jaas_config() {
    SiftConfig config = ConfigLoader.parse(YAML, "sift.yml", HERE);

    SinkSettings sink = config.sinks().get(0);
    assertThat(sink.kafka().bootstrapServers())
        .isEqualTo("kafka-1.corp.example:9093,kafka-2.corp.example:9093");
    assertThat(sink.kafka().topic()).isEqualTo("sift.items");
    KafkaProducerSettings producer =
        KafkaProducerSettings.of(sink.name(), sink.kafka(), "pa\"ss\\word");
    Map<String, Object> p = producer.producerConfig();
    assertThat(p.get("sasl.jaas.config").toString())
        .endsWith("username=\"sift\" password=\"pa\\\"ss\\\\word\";");
    assertThat(p)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("bootstrap.servers", sink.kafka().bootstrapServers())
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all"); // idempotence needs every replica's ack: not the sink's "1"
    assertThat(producer.toString()).doesNotContain("word");
  }

  @Test
  void should_name_the_sink_and_the_line_when_the_topic_is_missing() {
    String yaml = YAML.replace("    topic: sift.items\n", "");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "sift.yml", HERE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sift.yml")
        .hasMessageContaining("sink 'events' needs topic");
  }

  @Test
  void should_refuse_at_start_a_secret_missing_unused_or_where_kafka_would_print_it() {
    SinkSettings sink = ConfigLoader.parse(YAML, "sift.yml", HERE).sinks().get(0);
    assertThatThrownBy(() -> start(sink, name -> null))
        .hasMessageContaining("sink 'events'")
        .hasMessageContaining("SIFT_KAFKA_PASSWORD");

    var unused = new SinkSettings.Kafka("127.0.0.1:9092", "t", Map.of());
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", unused, "s3cret"))
        .hasMessageContaining("sink 'events'")
        .hasMessageContaining("no property uses ${secret}");

    var printed = new SinkSettings.Kafka("127.0.0.1:9092", "t", Map.of("client.id", "${secret}"));
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", printed, "s3cret"))
        .hasMessageContaining("password property")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", printed, null))
        .hasMessageContaining("secret_env");
  }

  @Test
  void should_refuse_at_start_what_the_producer_would_not_take() {
    var inFlight =
        new SinkSettings.Kafka(
            "127.0.0.1:9092", "t", Map.of("max.in.flight.requests.per.connection", "10"));
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", inFlight, null))
        .hasMessageContaining("sink 'events'")
        .hasMessageContaining("max.in.flight.requests.per.connection");
    var timeouts =
        new SinkSettings.Kafka("127.0.0.1:9092", "t", Map.of("delivery.timeout.ms", "1000"));
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", timeouts, null))
        .hasMessageContaining("delivery.timeout.ms");
    var topic = new SinkSettings.Kafka("127.0.0.1:9092", "sift items", Map.of());
    assertThatThrownBy(() -> KafkaProducerSettings.of("events", topic, null))
        .hasMessageContaining("'sift items' is not a Kafka topic name");
  }

  @Test
  void should_refuse_for_good_only_what_this_record_can_never_become() {
    assertThat(KafkaTransport.refusedForGood(new RecordTooLargeException("1 MB"))).isTrue();
    assertThat(KafkaTransport.refusedForGood(new TimeoutException("no broker"))).isFalse();
    assertThat(KafkaTransport.refusedForGood(new UnknownTopicOrPartitionException("t"))).isFalse();
    assertThat(KafkaTransport.refusedForGood(new TopicAuthorizationException("t"))).isFalse();
    assertThat(KafkaTransport.refusedForGood(new SaslAuthenticationException("bad"))).isFalse();
  }

  private static Transport start(
      SinkSettings sink, java.util.function.Function<String, String> env) {
    return Sinks.transport(
        sink,
        java.nio.file.Path.of("unused"),
        env,
        new OkHttpClient(),
        Clock.systemUTC(),
        IssueLinked.NONE);
  }
}
