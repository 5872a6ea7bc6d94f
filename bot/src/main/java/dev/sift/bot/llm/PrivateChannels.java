package dev.sift.bot.llm;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which channels are private, as the export or Slack told us: private messages are not sent to an
 * LLM unless the config allows it. A channel never seen counts as private, the safe side.
 */
public final class PrivateChannels implements Predicate<String> {
  private final ConcurrentHashMap<String, Boolean> known = new ConcurrentHashMap<>();

  public void learn(String channelId, boolean isPrivate) {
    known.put(channelId, isPrivate);
  }

  @Override
  public boolean test(String channelId) {
    return known.getOrDefault(channelId, true);
  }
}
