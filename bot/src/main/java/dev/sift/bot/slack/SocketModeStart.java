package dev.sift.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.sift.bot.Sift;
import dev.sift.bot.health.SlackConnection;
import dev.sift.bot.intake.CatchUps;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.SocketModeLane;
import dev.sift.bot.metrics.MeteredSocket;
import dev.sift.bot.metrics.SiftMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the Socket Mode connection: message events take the intake's fast lane (journaled, acked,
 * queued), the rest goes through Bolt, and each reconnect is caught up.
 */
final class SocketModeStart {
  /** Threads running Bolt's listeners for Socket Mode envelopes (each acks, then returns). */
  private static final int HANDLERS = 4;

  /** How soon after start a hello is the opening connection's rather than a reconnect's. */
  private static final Duration OPENING_HELLO = Duration.ofSeconds(10);

  private SocketModeStart() {}

  /**
   * Connects, then catches up from the checkpoints as they were at start.
   *
   * @param checkpointsAtStart the checkpoints read before any event came in
   */
  static SocketModeApp connect(
      String appToken,
      App app,
      Intake intake,
      CatchUps catchUps,
      Map<String, String> checkpointsAtStart,
      Sift sift,
      SlackConnection connection,
      SiftMetrics metrics)
      throws IOException {
    // Message events take the lane: journaled, acked, queued; the rest goes through Bolt.
    // A hello in the first seconds is the connection opened below, which the start catch-up
    // covers (Bolt may have taken it before the lane did, so it is not counted on); a later one
    // is a reconnect, caught up from the checkpoints as they were at its hello.
    AtomicBoolean firstHello = new AtomicBoolean(true);
    long connectingSince = System.nanoTime();
    SocketModeLane lane =
        new SocketModeLane(
            intake,
            () -> {
              metrics.connected(connection.hello());
              boolean opening =
                  firstHello.getAndSet(false)
                      && System.nanoTime() - connectingSince < OPENING_HELLO.toNanos();
              if (!opening) {
                catchUps.from(sift.index().checkpoints());
              }
            });
    SocketModeApp socketMode =
        new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, HANDLERS);
    try {
      socketMode.startAsync();
      // Bolt creates the client as it connects; the lane takes over its queue at once (and
      // whatever arrived in the instant before).
      socketMode
          .getClient()
          .addWebSocketCloseListener((code, reason) -> connection.closed(code, reason));
      lane.attach(MeteredSocket.of(socketMode.getClient(), metrics));
      connection.opened();
      catchUps.from(checkpointsAtStart);
    } catch (Exception e) {
      throw new IOException("cannot open the Socket Mode connection: " + e.getMessage(), e);
    }
    return socketMode;
  }
}
