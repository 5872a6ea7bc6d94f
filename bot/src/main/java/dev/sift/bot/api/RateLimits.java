package dev.sift.bot.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: {@code perMinute} requests a minute, in bursts of up to that many; a
 * request beyond it is refused with how long to wait.
 */
final class RateLimits {
  private final int perMinute;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Zero when the caller may go on now, else how long until it may. */
  Duration take(String caller) {
    return buckets
        .computeIfAbsent(caller, c -> new Bucket(perMinute, clock.instant()))
        .take(clock.instant());
  }

  private static final class Bucket {
    private final int capacity;
    private double tokens;
    private Instant last;

    Bucket(int capacity, Instant now) {
      this.capacity = capacity;
      this.tokens = capacity;
      this.last = now;
    }

    synchronized Duration take(Instant now) {
      double perMilli = capacity / 60_000.0;
      long elapsed = Math.max(0, Duration.between(last, now).toMillis());
      tokens = Math.min(capacity, tokens + elapsed * perMilli);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
    }
  }
}
