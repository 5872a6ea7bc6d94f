package dev.sift.index;

import dev.sift.triage.message.SlackTs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Each channel's checkpoint as a store holds it between commits: the ts up to which every message
 * of the channel is stored. Thread-safe. Each store makes it durable its own way, in the same
 * commit as the messages.
 */
public final class Checkpoints {
  private final Map<String, String> byChannel = new ConcurrentHashMap<>();

  /** Moves a channel's checkpoint forward to {@code ts}; an older ts leaves it where it is. */
  public void advance(String channelId, String ts) {
    byChannel.merge(
        channelId, ts, (old, now) -> SlackTs.micros(now) > SlackTs.micros(old) ? now : old);
  }

  /** Sets a channel's checkpoint, back as well as forward (a low-water mark). */
  public void set(String channelId, String ts) {
    byChannel.put(channelId, ts);
  }

  /** A copy of every channel's checkpoint. */
  public Map<String, String> all() {
    return Map.copyOf(byChannel);
  }

  /** Visits every channel's checkpoint, for writing them durably. */
  public void forEach(BiConsumer<String, String> each) {
    byChannel.forEach(each);
  }
}
