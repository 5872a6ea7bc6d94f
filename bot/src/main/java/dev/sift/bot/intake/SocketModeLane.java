package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode client's inbound queue, with a fast lane for message events: they are journaled
 * and acked as soon as the journal's fsync returns, straight from the socket's reader, instead of
 * waiting their turn behind the SDK's pollers (one envelope per poller every 10 ms, which made a
 * burst of 1,000 events take a second to ack). Everything else (slash commands, buttons, other
 * events, Slack's {@code disconnect}) goes to Bolt through the SDK's own queue, as before.
 *
 * <p>Slack says {@code hello} on every new connection: the first one at start and one after every
 * reconnect, when events may have been missed; the owner decides which need a catch-up.
 */
public final class SocketModeLane implements SocketModeMessageQueue {
  private static final Logger log = LoggerFactory.getLogger(SocketModeLane.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Intake intake;
  private final Runnable onHello;
  private final ConcurrentLinkedQueue<String> forBolt = new ConcurrentLinkedQueue<>();
  private volatile SocketModeClient client;

  /**
   * @param onHello what to do on every new connection, before any of its events is taken; must not
   *     block
   */
  public SocketModeLane(Intake intake, Runnable onHello) {
    this.intake = intake;
    this.onHello = onHello;
  }

  /**
   * Takes over a client's inbound queue; acks go back through the client. What waited in its old
   * queue is taken too (a message event a poller got first reaches Bolt, finds no listener and is
   * not acked, so Slack sends it again and it comes this way).
   */
  public void attach(SocketModeClient client) {
    this.client = client;
    SocketModeMessageQueue before = client.getMessageQueue();
    client.setMessageQueue(this);
    for (String waiting = before.poll(); waiting != null; waiting = before.poll()) {
      add(waiting);
    }
  }

  @Override
  public void add(String message) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(message);
    } catch (IOException e) {
      forBolt.add(message);
      return;
    }
    String type = envelope.path("type").asText();
    if ("hello".equals(type)) {
      onHello.run();
    } else if ("events_api".equals(type)
        && "message".equals(envelope.path("payload").path("event").path("type").asText())) {
      String envelopeId = envelope.path("envelope_id").asText();
      intake
          .accept(envelope.path("payload"))
          .whenComplete(
              (ok, error) -> {
                if (error == null) {
                  ack(envelopeId);
                } else {
                  // Not acked: Slack sends the event again, and the journal gets another try.
                  log.error("event {} not journaled, not acked: {}", envelopeId, error.toString());
                }
              });
      return;
    }
    forBolt.add(message);
  }

  @Override
  public String poll() {
    return forBolt.poll();
  }

  private void ack(String envelopeId) {
    try {
      client.sendSocketModeResponse("{\"envelope_id\":\"" + envelopeId + "\"}");
    } catch (RuntimeException e) {
      // The connection went away: Slack redelivers the event, and the intake drops the repeat.
      log.info("could not ack {}: {}", envelopeId, e.toString());
    }
  }
}
