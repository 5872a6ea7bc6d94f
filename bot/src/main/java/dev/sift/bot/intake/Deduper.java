package dev.sift.bot.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what was already taken in: Slack retries an event it thinks we missed (same {@code
 * event_id}), and one message can arrive through more than one event. Bounded, oldest forgotten
 * first.
 */
public final class Deduper {
  private final Map<String, Boolean> seen;

  public Deduper(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether a key was offered before (without offering it). */
  public synchronized boolean seen(String key) {
    return key != null && seen.containsKey(key);
  }

  /** True the first time a key is offered, false for every repeat. */
  public synchronized boolean firstTime(String key) {
    return key == null || seen.put(key, Boolean.TRUE) == null;
  }

  /** Forgets a key, so its next offer counts as the first (an event whose journaling failed). */
  public synchronized void forget(String key) {
    if (key != null) {
      seen.remove(key);
    }
  }
}
