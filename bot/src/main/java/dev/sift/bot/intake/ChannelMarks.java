package dev.sift.bot.intake;

import dev.sift.triage.message.SlackTs;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-channel low-water marks: a channel's checkpoint is the newest ts below which every message
 * Sift has taken in is triaged, not the newest ts some worker happened to finish. A catch-up
 * through Slack's history starts there, so a message still queued when Sift stopped is read again.
 */
final class ChannelMarks {
  private final Map<String, TreeMap<Long, Integer>> pending = new HashMap<>();
  private final Map<String, Long> done = new HashMap<>();

  /** A message of the channel was taken in and waits for triage. */
  synchronized void taken(String channel, String ts) {
    pending
        .computeIfAbsent(channel, c -> new TreeMap<>())
        .merge(SlackTs.micros(ts), 1, Integer::sum);
  }

  /** Its triage is done (or it was dropped for good). */
  synchronized void finished(String channel, String ts) {
    long micros = SlackTs.micros(ts);
    TreeMap<Long, Integer> waiting = pending.get(channel);
    if (waiting != null) {
      waiting.computeIfPresent(micros, (k, n) -> n == 1 ? null : n - 1);
    }
    done.merge(channel, micros, Math::max);
  }

  /** Every channel's checkpoint now, as Slack ts strings. */
  synchronized Map<String, String> checkpoints() {
    Map<String, String> out = new HashMap<>();
    // A channel with messages waiting and none finished yet has a mark too: just before the first.
    pending.forEach(
        (channel, waiting) -> {
          if (!done.containsKey(channel) && !waiting.isEmpty() && waiting.firstKey() > 1) {
            out.put(channel, SlackTs.ofMicros(waiting.firstKey() - 1));
          }
        });
    done.forEach(
        (channel, newest) -> {
          TreeMap<Long, Integer> waiting = pending.get(channel);
          long mark =
              waiting == null || waiting.isEmpty()
                  ? newest
                  : Math.min(newest, waiting.firstKey() - 1);
          if (mark > 0) {
            out.put(channel, SlackTs.ofMicros(mark));
          }
        });
    return out;
  }
}
