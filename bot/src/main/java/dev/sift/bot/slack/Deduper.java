package dev.sift.bot.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what was already taken in: Slack retries an event it thinks we missed (same {@code
 * event_id}), and one message can arrive through more than one event. Bounded, oldest forgotten
 * first.
 */
final class Deduper {
  private final Map<String, Boolean> seen;

  Deduper(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether a key was offered before (without offering it). */
  synchronized boolean seen(String key) {
    return key != null && seen.containsKey(key);
  }

  /** True the first time a key is offered, false for every repeat. */
  synchronized boolean firstTime(String key) {
    return key == null || seen.put(key, Boolean.TRUE) == null;
  }
}
