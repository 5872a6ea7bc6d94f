package dev.sift.triage.llm;

import java.util.List;
import java.util.Locale;

/**
 * When the LLM is asked (the {@code llm.cascade} part of sift.yml).
 *
 * @param always ask about every message that is not trivial
 * @param minConfidence below this embedded confidence the LLM is asked
 * @param minMargin below this gap between the embedded model's two best categories it is asked
 * @param highStakesChannels channels whose every message goes to the LLM
 * @param optOutChannels channels whose messages never leave the process
 * @param includePrivate whether messages of private channels may be sent
 * @param batchSize messages per LLM call
 */
public record CascadePolicy(
    boolean always,
    double minConfidence,
    double minMargin,
    List<String> highStakesChannels,
    List<String> optOutChannels,
    boolean includePrivate,
    int batchSize) {

  public static final CascadePolicy DEFAULTS =
      new CascadePolicy(false, 0.6, 0.15, List.of(), List.of(), false, 8);

  public CascadePolicy {
    highStakesChannels = highStakesChannels.stream().map(CascadePolicy::key).toList();
    optOutChannels = optOutChannels.stream().map(CascadePolicy::key).toList();
    if (batchSize < 1 || batchSize > 50) {
      throw new IllegalArgumentException("batch_size must be within 1..50, was " + batchSize);
    }
  }

  boolean optedOut(String channelId, String channelName) {
    return listed(optOutChannels, channelId, channelName);
  }

  boolean highStakes(String channelId, String channelName) {
    return listed(highStakesChannels, channelId, channelName);
  }

  private static boolean listed(List<String> list, String id, String name) {
    return list.contains(key(id)) || (name != null && list.contains(key(name)));
  }

  private static String key(String channel) {
    return channel.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }
}
