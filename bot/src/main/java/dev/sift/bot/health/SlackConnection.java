package dev.sift.bot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode connection's state, from Slack's {@code hello} (connected) and the WebSocket's
 * close (disconnected). Each change is logged once: connected, disconnected, reconnected after N s.
 */
public final class SlackConnection {
  private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

  private final Clock clock;
  private final AtomicInteger hellos = new AtomicInteger();
  private volatile boolean connected;
  private volatile Instant downSince;
  private volatile boolean stopping;

  public SlackConnection(Clock clock) {
    this.clock = clock;
  }

  /** The first connection is open (at start). */
  public void opened() {
    if (!connected) {
      connected = true;
      log.info("Socket Mode connected");
    }
  }

  /**
   * Slack said hello on a connection; returns whether it was the first hello since start (every
   * other one is a reconnect).
   */
  public boolean hello() {
    boolean first = hellos.incrementAndGet() == 1;
    if (!connected && downSince != null) {
      log.info(
          "Socket Mode reconnected after {} s; catching up on what was missed",
          Duration.between(downSince, clock.instant()).toSeconds());
    }
    connected = true;
    downSince = null;
    return first;
  }

  /** Sift is stopping: the close that follows is its own, not an outage. */
  public void stopping() {
    stopping = true;
  }

  /** The WebSocket closed. */
  public void closed(Integer code, String reason) {
    if (connected && !stopping) {
      connected = false;
      downSince = clock.instant();
      log.warn(
          "Socket Mode disconnected (code {}{}); reconnecting",
          code,
          reason == null || reason.isBlank() ? "" : ", " + reason);
    }
  }

  public boolean isConnected() {
    return connected;
  }

  /** How long the connection has been down, or zero while it is up. */
  public Duration down() {
    Instant since = downSince;
    return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
  }
}
