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
 * @param url where a webhook POSTs: HTTPS, or plain HTTP to a loopback address or with {@code
 *     allow_insecure}
 * @param secretEnv the environment variable holding the signing secret
 * @param categories only items of these categories (empty: all)
 * @param priorities only items of these priorities, {@code P1}..{@code P4} (empty: all)
 * @param channels only items of these channels, by name or id, {@code client-*} a prefix (empty:
 *     all)
 * @param includeText whether the message's (redacted) text goes with the event
 * @param allowPrivate private channels whose items may go with text and reasons; others' events
 *     carry ids and the verdict only
 * @param giveUpAfter how long an event is retried while the sink fails before it is set aside in
 *     the dead-letter file
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
    Duration giveUpAfter) {

  public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  public SinkSettings {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "a sink's name is lower-case letters, digits, - and _ (it names a folder): '"
              + name
              + "'");
    }
    if (!"webhook".equals(type)) {
      throw new IllegalArgumentException(
          "sink '"
              + name
              + "': type '"
              + type
              + "' is not available yet; this version delivers to type: webhook");
    }
    Objects.requireNonNull(url, "sink '" + name + "' needs a url");
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
