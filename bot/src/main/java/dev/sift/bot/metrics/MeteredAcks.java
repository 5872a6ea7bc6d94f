package dev.sift.bot.metrics;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;

/**
 * Bolt middleware, first in the chain, that times each request Bolt handles until its ack: in HTTP
 * mode every request, in Socket Mode the envelopes the intake's fast lane leaves to Bolt (commands,
 * buttons, events other than messages). In HTTP mode it counts arrivals too; in Socket Mode {@link
 * MeteredSocket} does.
 */
public final class MeteredAcks implements Middleware {
  private final SiftMetrics metrics;
  private final boolean countArrivals;

  public MeteredAcks(SiftMetrics metrics, boolean countArrivals) {
    this.metrics = metrics;
    this.countArrivals = countArrivals;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long at = System.nanoTime();
    String type =
        req instanceof EventRequest e && e.getEventType() != null ? e.getEventType() : typeOf(req);
    if (countArrivals) {
      metrics.received(type);
    }
    Response response = chain.next(req);
    if (response != null && response.getStatusCode() != null && response.getStatusCode() < 400) {
      metrics.acked(type, System.nanoTime() - at);
    }
    return response;
  }

  private static String typeOf(Request req) {
    return switch (req.getRequestType()) {
      case Command -> "slash_commands";
      case Event -> "event";
      default -> "interactive";
    };
  }
}
