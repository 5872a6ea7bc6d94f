package dev.sift.bot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sift.bot.sinks.ItemEvents;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/items/{item id}/ack} and {@code /resolve}: what the card's Acknowledge and
 * Resolve do, for a tool that closes the loop itself. The item id is the one events carry ({@code
 * T…/C…/ts}, its slashes as they are or encoded). An optional {@code ?user=U…} names the Slack user
 * who did it (the owner, if the item has none). Answers JSON: 200 with the item's status, 401
 * without a valid token, 404 for an item Sift does not have (or another workspace's), 409 when
 * acknowledging a resolved item, 429 over the integration's rate. Every call is audited.
 */
public final class ItemsApi implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ItemsApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String PATH = "/api/items/";
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

  /** What the API changes, as the card's buttons change it. */
  public interface Desk {
    Optional<TriagedMessage> find(MessageKey key);

    void acknowledge(MessageKey key, String userId);

    void resolve(MessageKey key, String userId);
  }

  private final String team;
  private final Callers callers;
  private final RateLimits limits;
  private final RateLimits strangers;
  private final Desk desk;
  private final Audit audit;

  /**
   * @param team the workspace this Sift serves: items of others are not found
   * @throws IllegalArgumentException naming an integration whose token is missing or short
   */
  public ItemsApi(
      String team,
      ApiSettings settings,
      Function<String, String> env,
      Desk desk,
      Audit audit,
      Clock clock) {
    this.team = team;
    this.callers = new Callers(settings, env);
    this.limits = new RateLimits(settings.perMinute(), clock);
    // Refusals without a valid token are audited too, at most this often: a flood of forged
    // requests must not become a flood of fsynced audit lines.
    this.strangers = new RateLimits(60, clock);
    this.desk = desk;
    this.audit = audit;
  }

  /** Whether any integration is configured: without one the API is not served at all. */
  public boolean enabled() {
    return !callers.isEmpty();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", "POST");
        answer(ex, 405, error("use POST"));
        return;
      }
      Optional<String> caller = callers.who(ex.getRequestHeaders().getFirst("Authorization"));
      if (caller.isEmpty()) {
        if (strangers.take("").isZero()) {
          audit.record("api:unknown", "api.refused", null, Map.of("why", "no valid token"));
        }
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        answer(ex, 401, error("a valid bearer token is required"));
        return;
      }
      String actor = "api:" + caller.get();
      Duration wait = limits.take(caller.get());
      if (!wait.isZero()) {
        ex.getResponseHeaders()
            .set("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        audit.record(actor, "api.refused", null, Map.of("why", "rate limit"));
        answer(ex, 429, error("too many requests; retry after the Retry-After seconds"));
        return;
      }
      handle(ex, actor);
    } catch (RuntimeException e) {
      log.warn("{} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
      answer(ex, 500, error("internal error"));
    } finally {
      ex.close();
    }
  }

  private void handle(HttpExchange ex, String actor) throws IOException {
    String rest = ex.getRequestURI().getRawPath().substring(PATH.length());
    int slash = rest.lastIndexOf('/');
    String action = slash < 0 ? "" : rest.substring(slash + 1);
    String id =
        slash < 0 ? "" : URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
    String user = query(ex, "user");
    if (!action.equals("ack") && !action.equals("resolve")) {
      answer(ex, 404, error("POST /api/items/{id}/ack or /api/items/{id}/resolve"));
      return;
    }
    if (user != null && !USER.matcher(user).matches()) {
      answer(ex, 400, error("user must be a Slack user id such as U0123ABCD"));
      return;
    }
    Optional<MessageKey> key = parse(id);
    Optional<TriagedMessage> item =
        key.filter(k -> k.team().equals(team))
            .flatMap(desk::find)
            .filter(t -> t.role() == Role.ITEM);
    Map<String, Object> details = new LinkedHashMap<>();
    if (user != null) {
      details.put("user", user);
    }
    if (item.isEmpty()) {
      details.put("outcome", "not found");
      audit.record(actor, "api." + action, id, details);
      answer(ex, 404, error("no item " + id));
      return;
    }
    if (action.equals("ack") && item.get().status() == Status.RESOLVED) {
      details.put("outcome", "already resolved");
      audit.record(actor, "api.ack", id, details);
      answer(ex, 409, error("the item is resolved; reopen it in Slack first"));
      return;
    }
    if (action.equals("ack")) {
      desk.acknowledge(key.get(), user);
    } else {
      desk.resolve(key.get(), user);
    }
    TriagedMessage now = desk.find(key.get()).orElse(item.get());
    details.put("outcome", ItemEvents.statusName(now.status()));
    audit.record(actor, "api." + action, id, details);
    ObjectNode body = JSON.createObjectNode();
    body.put("item_id", id);
    body.put("status", ItemEvents.statusName(now.status()));
    body.put("owner", now.task().assigneeId());
    answer(ex, 200, body.toString());
  }

  private static Optional<MessageKey> parse(String id) {
    try {
      return Optional.of(MessageKey.parse(id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String query(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static void answer(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
