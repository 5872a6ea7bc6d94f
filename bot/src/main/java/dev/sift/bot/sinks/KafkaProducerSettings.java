package dev.sift.bot.sinks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka sink's producer configuration, checked when Sift starts so a typo fails there, naming the
 * sink, rather than on the first event.
 *
 * <p>The sink's {@code properties} are passed to the producer as they are ({@code
 * security.protocol}, {@code sasl.mechanism}, {@code ssl.truststore.location}, ...), over a few
 * defaults that suit sending one record at a time; {@code bootstrap.servers}, idempotence and
 * {@code acks=all} are always the sink's. With {@code secret_env}, the secret (the SASL password)
 * replaces every {@code ${secret}} in the property values, e.g.
 *
 * <pre>
 * sasl.jaas.config: 'org.apache.kafka.common.security.scram.ScramLoginModule required
 *   username="sift" password="${secret}";'
 * </pre>
 *
 * <p>It may stand only in properties Kafka treats as passwords (it prints the others in its log),
 * and inside {@code sasl.jaas.config} it is escaped for the quotes around it. Kafka's own config
 * providers ({@code config.providers}) work too, since properties pass through.
 */
final class KafkaProducerSettings {
  static final String SECRET = "${secret}";

  /** Kafka's rule for topic names. */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Over Kafka's defaults, before the sink's properties. */
  private static final Map<String, Object> DEFAULTS =
      Map.of(
          // Kafka 4 waits 5 ms for more records to batch; Sift sends one and waits for its ack.
          ProducerConfig.LINGER_MS_CONFIG, "0",
          // A failure is reported (and the sink's alert clock starts) within half a minute, not
          // two; the runner retries anyway.
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
          ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");

  private final String topic;
  private final Map<String, Object> config;
  private final Duration deliveryTimeout;

  private KafkaProducerSettings(String topic, Map<String, Object> config, Duration timeout) {
    this.topic = topic;
    this.config = config;
    this.deliveryTimeout = timeout;
  }

  /**
   * @param secret the value of the sink's {@code secret_env}, or null without one
   * @throws IllegalArgumentException naming the sink, for a setting Kafka or Sift would not take
   */
  static KafkaProducerSettings of(String sink, SinkSettings.Kafka kafka, String secret) {
    String where = "sink '" + sink + "': ";
    if (kafka.topic() == null || !TOPIC.matcher(kafka.topic()).matches()) {
      throw new IllegalArgumentException(
          where + "topic '" + kafka.topic() + "' is not a Kafka topic name ([a-zA-Z0-9._-])");
    }
    Map<String, Object> config = new HashMap<>(DEFAULTS);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "sift-sink-" + sink);
    boolean used = false;
    for (var p : kafka.properties().entrySet()) {
      String value = p.getValue();
      if (value != null && value.contains(SECRET)) {
        if (secret == null) {
          throw new IllegalArgumentException(
              where + p.getKey() + " uses " + SECRET + ": name its variable with secret_env");
        }
        value = value.replace(SECRET, escaped(p.getKey(), secret, where));
        used = true;
      }
      config.put(p.getKey(), value);
    }
    if (secret != null && !used) {
      throw new IllegalArgumentException(
          where
              + "secret_env is set but no property uses "
              + SECRET
              + "; put it where the password goes, e.g. in sasl.jaas.config: '..."
              + " password=\""
              + SECRET
              + "\";'");
    }
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    ProducerConfig checked;
    try {
      checked = new ProducerConfig(config); // types, ranges, idempotence's own conditions
    } catch (ConfigException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
    int delivery = checked.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
    long least =
        checked.getLong(ProducerConfig.LINGER_MS_CONFIG)
            + checked.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
    if (delivery < least) { // the producer checks this only when it is made
      throw new IllegalArgumentException(
          where
              + "delivery.timeout.ms must be at least linger.ms + request.timeout.ms ("
              + least
              + ")");
    }
    Duration timeout =
        Duration.ofMillis(delivery).plusMillis(checked.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG));
    return new KafkaProducerSettings(kafka.topic(), Map.copyOf(config), timeout);
  }

  /** The secret as it stands in this property, or why it may not. */
  private static String escaped(String property, String secret, String where) {
    ConfigDef.ConfigKey key = ProducerConfig.configDef().configKeys().get(property);
    if (key == null || key.type != ConfigDef.Type.PASSWORD) {
      throw new IllegalArgumentException(
          where
              + SECRET
              + " may stand only in a password property such as sasl.jaas.config or"
              + " ssl.key.password; Kafka prints "
              + property
              + " in its log");
    }
    // JAAS reads a quoted value with backslash escapes, so a password with " or \ still works.
    return property.equals("sasl.jaas.config")
        ? secret.replace("\\", "\\\\").replace("\"", "\\\"")
        : secret;
  }

  String topic() {
    return topic;
  }

  /** The producer's configuration, secret included: never log it. */
  Map<String, Object> producerConfig() {
    return config;
  }

  /** How long a send may take before the producer itself reports a failure. */
  Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  @Override
  public String toString() {
    return "Kafka producer settings for topic " + topic; // never the configuration: it has secrets
  }
}
