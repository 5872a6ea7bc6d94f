package dev.sift.bot.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long messages are kept ({@code retention:} in sift.yml), in days; 0 keeps them forever. The
 * most specific setting wins: a channel's, else its workspace's, else {@code days}.
 *
 * @param days for every channel not named below; 0 = keep forever
 * @param teams by workspace id ({@code T…})
 * @param channels by channel id ({@code C…}) or {@code #name}
 */
public record RetentionSettings(
    int days, Map<String, Integer> teams, Map<String, Integer> channels) {
  public static final RetentionSettings FOREVER = new RetentionSettings(0, Map.of(), Map.of());

  public RetentionSettings {
    teams = Map.copyOf(teams);
    Map<String, Integer> byKey = new TreeMap<>();
    channels.forEach((k, v) -> byKey.put(k.startsWith("#") ? k.toLowerCase(Locale.ROOT) : k, v));
    channels = Map.copyOf(byKey);
    if (days < 0
        || teams.values().stream().anyMatch(d -> d < 0)
        || channels.values().stream().anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException("retention days must be 0 (keep forever) or more");
    }
  }

  /** Days a channel's messages are kept; 0 = forever. */
  public int daysFor(String team, String channelId, String channelName) {
    Integer d = channels.get(channelId);
    if (d == null && channelName != null) {
      d = channels.get("#" + channelName.toLowerCase(Locale.ROOT));
    }
    if (d == null && team != null) {
      d = teams.get(team);
    }
    return d == null ? days : d;
  }

  /** Whether any message is ever deleted for its age. */
  public boolean any() {
    return days > 0
        || teams.values().stream().anyMatch(d -> d > 0)
        || channels.values().stream().anyMatch(d -> d > 0);
  }
}
