package dev.sift.bot.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the live app behaves in Slack ({@code slack:} in sift.yml).
 *
 * @param channels channel names or ids to monitor; empty means every channel the bot is a member of
 * @param botChannels channels where other bots' posts (monitoring alerts) are triaged too; bots are
 *     ignored elsewhere
 * @param threadNote whether a routed message gets a short threaded note saying where its card is
 * @param reaction the emoji name added to a routed message, or null for none
 * @param workers triage worker threads
 * @param queueCapacity messages waiting for triage before the least urgent are set aside (they come
 *     back once there is room; nothing is dropped)
 * @param historyPace the least time between two history reads of a catch-up ({@code
 *     conversations.history} is rate tier 3: about 50 calls a minute)
 * @param apiUrl the Web API's URL prefix ({@code slack.api_url}; GovSlack, an egress gateway, an
 *     emulator), or null for Slack's own; {@code SLACK_API_URL} overrides it
 * @param proxy the HTTP proxy for every outgoing request ({@code slack.proxy}), or null to take
 *     {@code HTTPS_PROXY} from the environment
 * @param adminChannel where admin alerts go ({@code slack.admin_channel}, an id or a name), or null
 *     for none
 * @param allowPrivateTo channels ({@code slack.allow_private_to}, ids or names) that may receive
 *     task cards and digests of private channels even though some of their members are not in them
 */
public record LiveSettings(
    List<String> channels,
    List<String> botChannels,
    boolean threadNote,
    String reaction,
    int workers,
    int queueCapacity,
    Duration historyPace,
    String apiUrl,
    String proxy,
    String adminChannel,
    List<String> allowPrivateTo) {

  public static final LiveSettings DEFAULTS =
      new LiveSettings(
          List.of(),
          List.of(),
          true,
          "eyes",
          2,
          10_000,
          Duration.ofMillis(1200),
          null,
          null,
          null,
          List.of());

  public LiveSettings {
    channels = channels.stream().map(LiveSettings::key).toList();
    botChannels = botChannels.stream().map(LiveSettings::key).toList();
    allowPrivateTo = allowPrivateTo.stream().map(LiveSettings::key).toList();
    reaction = reaction == null || reaction.isBlank() ? null : reaction.replace(":", "");
    adminChannel = adminChannel == null || adminChannel.isBlank() ? null : adminChannel.strip();
    if (workers < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("workers and queue_capacity must be at least 1");
    }
    if (historyPace == null || historyPace.isNegative()) {
      throw new IllegalArgumentException("history_pace must be a duration such as 1200ms or 1s");
    }
  }

  /** Whether the channel is one the config names (for an explicit list), by name or id. */
  public static boolean listed(List<String> list, String channelId, String channelName) {
    return list.contains(key(channelId))
        || (channelName != null && list.contains(key(channelName)));
  }

  private static String key(String channel) {
    return channel.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }
}
