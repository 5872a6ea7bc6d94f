package dev.sift.bot.intake;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP mode's intake: a Bolt middleware, after Bolt has verified Slack's signature, that hands
 * message events to the {@link Intake} and answers 200 once they are journaled. Other requests go
 * on to Bolt's listeners.
 */
public final class EventMiddleware implements Middleware {
  /** Slack waits three seconds; a journal that cannot fsync in two is in trouble. */
  private static final long JOURNAL_WAIT_MILLIS = 2000;

  private final Intake intake;

  public EventMiddleware(Intake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Event
        || !req.getRequestBodyAsString().contains("\"message\"")) {
      return chain.next(req);
    }
    var callback = Jsons.read(req.getRequestBodyAsString());
    if (callback == null || SlackEvent.read(callback) == null) {
      return chain.next(req);
    }
    try {
      intake.accept(callback).get(JOURNAL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      return Response.ok();
    } catch (ExecutionException | TimeoutException e) {
      // A 500 makes Slack retry the event later; the intake drops it if it did get through.
      return Response.builder().statusCode(500).body("not journaled").build();
    }
  }
}
