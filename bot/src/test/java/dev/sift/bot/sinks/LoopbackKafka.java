package dev.sift.bot.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka node in this JVM, broker and KRaft controller together, listening on 127.0.0.1
 * only: formatted the way {@code kafka-storage format} does and run by the class {@code
 * kafka-server-start} runs. It can be stopped and started again on the same log and ports, as a
 * broker that goes away and comes back.
 *
 * <p>Not Kafka's {@code KafkaClusterTestKit}: in 4.4 it pre-binds its ports on the wildcard
 * address, and tests here bind loopback only.
 */
final class LoopbackKafka implements AutoCloseable {
  private final Path dir;
  private final int brokerPort;
  private final int controllerPort;
  private KafkaRaftServer server;

  private LoopbackKafka(Path dir, int brokerPort, int controllerPort) {
    this.dir = dir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
  }

  static LoopbackKafka start(Path dir) throws Exception {
    quiet();
    LoopbackKafka k = new LoopbackKafka(dir, freePort(), freePort());
    KafkaConfig config = k.config();
    new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(dir.toString()))
        .setMetadataLogDirectory(config.metadataLogDir())
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .run();
    k.startAgain();
    return k;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
      admin.createTopics(List.of(topic)).all().get();
    }
  }

  /** The broker goes away: its port refuses connections until {@link #startAgain}. */
  void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  void startAgain() {
    server = new KafkaRaftServer(config(), Time.SYSTEM);
    server.startup();
  }

  private KafkaConfig config() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dir.toString());
    p.put("auto.create.topics.enable", "false");
    // One node: every internal topic has one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    return KafkaConfig.fromProps(p, false);
  }

  /** Every record of the topic, from the start to its end now, partition by partition. */
  List<ConsumerRecord<String, String>> readAll(String topic) {
    Map<String, Object> c = Map.of("bootstrap.servers", bootstrapServers());
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The broker logs every step at INFO; the tests' own output is what matters. */
  private static void quiet() {
    for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
