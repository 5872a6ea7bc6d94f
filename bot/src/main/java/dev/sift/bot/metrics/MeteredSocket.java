package dev.sift.bot.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Socket Mode client seen through metrics: every envelope that arrives is counted by type, and an
 * ack sent through this client is counted and timed from the envelope's arrival. Everything else
 * goes straight to the real client.
 */
public final class MeteredSocket {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Arrivals waiting for their ack; bounded, as Bolt acks some envelopes on the real client. */
  private static final int MAX_WAITING = 10_000;

  private MeteredSocket() {}

  private record Arrival(String type, long at) {}

  /** The client, with its inbound queue and its acks metered. */
  public static SocketModeClient of(SocketModeClient client, SiftMetrics metrics) {
    ConcurrentHashMap<String, Arrival> waiting = new ConcurrentHashMap<>();
    return (SocketModeClient)
        Proxy.newProxyInstance(
            SocketModeClient.class.getClassLoader(),
            new Class<?>[] {SocketModeClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("setMessageQueue") && args.length == 1) {
                SocketModeMessageQueue inner = (SocketModeMessageQueue) args[0];
                args = new Object[] {meteredQueue(inner, metrics, waiting)};
              } else if (method.getName().equals("sendSocketModeResponse")
                  && args.length == 1
                  && args[0] instanceof String ack) {
                Arrival a = waiting.remove(envelopeId(ack));
                if (a != null) {
                  metrics.acked(a.type(), System.nanoTime() - a.at());
                }
              }
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static SocketModeMessageQueue meteredQueue(
      SocketModeMessageQueue inner,
      SiftMetrics metrics,
      ConcurrentHashMap<String, Arrival> waiting) {
    return new SocketModeMessageQueue() {
      @Override
      public void add(String message) {
        long at = System.nanoTime();
        try {
          JsonNode envelope = JSON.readTree(message);
          String type = typeOf(envelope);
          metrics.received(type);
          String id = envelope.path("envelope_id").asText(null);
          if (id != null && waiting.size() < MAX_WAITING) {
            waiting.put(id, new Arrival(type, at));
          }
        } catch (IOException e) {
          metrics.received("unreadable");
        }
        inner.add(message);
      }

      @Override
      public String poll() {
        return inner.poll();
      }
    };
  }

  /** The event type for Events API envelopes ({@code message}), else the envelope's type. */
  static String typeOf(JsonNode envelope) {
    String type = envelope.path("type").asText("unknown");
    return "events_api".equals(type)
        ? envelope.path("payload").path("event").path("type").asText("event")
        : type;
  }

  private static String envelopeId(String ack) {
    try {
      return JSON.readTree(ack).path("envelope_id").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
