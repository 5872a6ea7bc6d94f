package dev.sift.bot.sinks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code sinks:} in sift.yml: where events go and which.
 *
 * @param name names the sink in logs, metrics, its outbox folder and {@code sift sinks replay}
 * @param type {@code webhook}, {@code kafka} or {@code jira}
 * @param url a webhook's endpoint, or Jira's base URL: HTTPS, or plain HTTP to a loopback address
 *     or with {@code allow_insecure}; null for Kafka
 * @param secretEnv the environment variable holding the sink's secret: a webhook's signing secret,
 *     Jira's API token, Kafka's SASL password (optional for Kafka)
 * @param categories only items of these categories (empty: all)
 * @param priorities only items of these priorities, {@code P1}..{@code P4} (empty: all)
 * @param channels only items of these channels, by name or id, {@code client-*} a prefix (empty:
 *     all)
 * @param includeText whether the message's (redacted) text goes with the event
 * @param allowPrivate private channels whose items may go with text and reasons; others' events
 *     carry ids and the verdict only
 * @param giveUpAfter how long an event is retried while the sink fails before it is set aside in
 *     the dead-letter file
 * @param kafka a Kafka sink's producer settings, else null
 * @param jira a Jira sink's project and field mapping, else null
 */
public record SinkSettings(
    String name,
    String type,
    URI url,
    String secretEnv,
    Set<String> categories,
    Set<String> priorities,
    List<String> channels,
    boolean includeText,
    List<String> allowPrivate,
    boolean allowInsecure,
    Duration giveUpAfter,
    Kafka kafka,
    Jira jira) {

  public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  public static final Set<String> TYPES = Set.of("webhook", "kafka", "jira");

  /**
   * A Kafka sink: the producer's {@code bootstrap.servers}, the topic, and any other producer
   * settings passed through as they are ({@code security.protocol}, {@code sasl.mechanism}, {@code
   * ssl.truststore.location}, ...). Idempotence is always on.
   */
  public record Kafka(
      String bootstrapServers, String topic, java.util.Map<String, String> properties) {
    public Kafka {
      properties = java.util.Map.copyOf(properties);
    }
  }

  /**
   * A Jira sink (Cloud or Data Center): issues are created in {@code project} as {@code issueType}.
   *
   * @param user the account e-mail for Jira Cloud's basic auth; null for a Data Center personal
   *     access token (sent as a bearer token)
   * @param priorities Sift's P1..P4 to Jira's priority names; a priority not listed is left to Jira
   * @param labels labels put on every issue (besides {@code sift} and the category)
   * @param hookSecretEnv the environment variable holding the secret of the Jira webhook that tells
   *     Sift of resolved and reassigned issues ({@code POST /hooks/jira}); null: none taken
   */
  public record Jira(
      String project,
      String issueType,
      String user,
      java.util.Map<String, String> priorities,
      List<String> labels,
      String hookSecretEnv) {
    public Jira {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(issueType, "issueType");
      java.util.Map<String, String> upper = new java.util.HashMap<>();
      priorities.forEach((p, name) -> upper.put(p.strip().toUpperCase(Locale.ROOT), name));
      if (!Set.of("P1", "P2", "P3", "P4").containsAll(upper.keySet())) {
        throw new IllegalArgumentException(
            "priority_map maps P1..P4 to Jira's priority names, e.g. {P1: Highest, P2: High}, not "
                + priorities.keySet());
      }
      priorities = java.util.Map.copyOf(upper);
      labels = List.copyOf(labels);
    }

    public Jira(
        String project,
        String issueType,
        String user,
        java.util.Map<String, String> priorities,
        List<String> labels) {
      this(project, issueType, user, priorities, labels, null);
    }
  }

  public SinkSettings {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "a sink's name is lower-case letters, digits, - and _ (it names a folder): '"
              + name
              + "'");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "sink '" + name + "': type '" + type + "' is not one of webhook, kafka, jira");
    }
    if (type.equals("kafka")) {
      Objects.requireNonNull(kafka, "sink '" + name + "' needs bootstrap_servers and topic");
    } else {
      Objects.requireNonNull(
          url, "sink '" + name + "' needs " + (type.equals("jira") ? "base_url" : "url"));
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !(scheme.equals("http") && (allowInsecure || loopback(url)))) {
        throw new IllegalArgumentException(
            "sink '"
                + name
                + "': "
                + url
                + " is not HTTPS; plain HTTP goes only to a loopback address, or with"
                + " allow_insecure: true");
      }
    }
    if (type.equals("jira")) {
      Objects.requireNonNull(jira, "sink '" + name + "' needs project");
    }
    categories = lower(categories);
    priorities = Set.copyOf(priorities.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList());
    channels = channels.stream().map(SinkSettings::key).toList();
    allowPrivate = allowPrivate.stream().map(SinkSettings::key).toList();
    giveUpAfter = giveUpAfter == null ? GIVE_UP_AFTER : giveUpAfter;
  }

  /** Whether this sink takes the event (its filters), before privacy decides what it carries. */
  public boolean takes(SiftEvent e) {
    return (categories.isEmpty()
            || (e.category() != null && categories.contains(e.category().toLowerCase(Locale.ROOT))))
        && (priorities.isEmpty() || (e.priority() != null && priorities.contains(e.priority())))
        && (channels.isEmpty() || listed(channels, e.channelId(), e.channelName()));
  }

  /** Whether the event may carry its text and reasons to this sink. */
  public boolean mayCarryWords(SiftEvent e) {
    return !e.isPrivate() || listed(allowPrivate, e.channelId(), e.channelName());
  }

  private static boolean listed(List<String> list, String id, String name) {
    for (String c : list) {
      String n = name == null ? "" : key(name);
      boolean hit = c.endsWith("*") ? n.startsWith(c.substring(0, c.length() - 1)) : c.equals(n);
      if (hit || (id != null && c.equals(key(id)))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> lower(Set<String> values) {
    return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
  }

  private static String key(String channel) {
    return channel.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }

  private static boolean loopback(URI url) {
    try {
      return url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
