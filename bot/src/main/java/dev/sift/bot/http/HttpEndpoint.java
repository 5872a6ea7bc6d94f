package dev.sift.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sift.bot.health.Health;
import dev.sift.bot.metrics.SiftMetrics;
import dev.sift.triage.concurrent.NamedThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sift's own HTTP port, on the JDK's built-in server: {@code /health} (and {@code /health/live},
 * {@code /health/ready}) and {@code /metrics} always, and in HTTP mode {@code /slack/events} for
 * events, commands and interactivity, handed to Bolt, whose middleware verifies Slack's signature
 * on every request. (Bolt's Jetty adapters stop at older SDK versions; the JDK server needs no
 * further dependency.)
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  /** Slack's own payloads (a large modal view included) stay well under this. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * Seconds a client may take to send its request, or to read the answer, before it is cut off.
   * Slack sends a request whole and wants its answer within three seconds.
   */
  static final int CLIENT_SECONDS = 5;

  /**
   * Threads answering requests; a request body is read on one, so a few slow clients must not take
   * them all before {@link #CLIENT_SECONDS} cuts them off.
   */
  private static final int THREADS = 16;

  static {
    // The JDK server reads these once, when its first server starts; an operator's -D wins.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(CLIENT_SECONDS));
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(CLIENT_SECONDS));
    }
  }

  private final HttpServer server;
  private final ExecutorService threads;

  /**
   * @param bind the address to listen on ({@code 127.0.0.1} unless the operator says otherwise)
   * @param app the Bolt app for {@code /slack/events}, or null to serve health only (Socket Mode)
   * @param signature the check of Slack's signature, with {@code app}
   * @param health what {@code /health}, {@code /health/live} and {@code /health/ready} report
   * @param stopping whether the app is stopping (live turns false)
   * @param metrics the Prometheus exposition for {@code /metrics}
   */
  public HttpEndpoint(
      String bind,
      int port,
      App app,
      RequestSignature signature,
      Health health,
      BooleanSupplier stopping,
      Supplier<String> metrics)
      throws IOException {
    this(bind, port, app, request -> app, signature, health, stopping, metrics);
  }

  /**
   * @param route the app that handles a request from Slack once its signature is checked: with
   *     several installed workspaces, the request's workspace's app ({@code app} serves the OAuth
   *     pages and whatever has no workspace of its own)
   */
  public HttpEndpoint(
      String bind,
      int port,
      App app,
      java.util.function.Function<Request<?>, App> route,
      RequestSignature signature,
      Health health,
      BooleanSupplier stopping,
      Supplier<String> metrics)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
    threads = Executors.newFixedThreadPool(THREADS, NamedThreads.named("sift-http"));
    server.setExecutor(threads);
    server.createContext(
        "/health",
        ex -> {
          Health.Reading r = health.read(stopping.getAsBoolean());
          String path = ex.getRequestURI().getPath();
          boolean good =
              path.equals("/health/live") ? r.live() : r.ready(); // /health and /health/ready
          if (!Set.of("/health", "/health/", "/health/live", "/health/ready").contains(path)) {
            reply(ex, 404, "text/plain", "not found");
            return;
          }
          reply(ex, good ? 200 : 503, "application/json", r.json());
        });
    server.createContext(
        "/metrics", ex -> reply(ex, 200, SiftMetrics.contentType(), metrics.get()));
    if (app != null) {
      SlackRequestParser parser = new SlackRequestParser(app.config());
      server.createContext("/slack/events", ex -> slack(ex, route, parser, signature));
      if (app.config().isDistributedApp()) {
        // A person's browser, not Slack, asks for these: no signature; Bolt checks the state.
        server.createContext(
            app.config().getOauthInstallRequestURI(), ex -> OAuthPages.serve(ex, app, parser));
        server.createContext(
            app.config().getOauthRedirectUriRequestURI(), ex -> OAuthPages.serve(ex, app, parser));
      }
    }
    server.start();
  }

  /** Serves another path on this port (the HTTP API for integrations, inbound hooks). */
  public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** The address bound. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The port actually bound (useful when asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void slack(
      HttpExchange ex,
      java.util.function.Function<Request<?>, App> route,
      SlackRequestParser parser,
      RequestSignature signature)
      throws IOException {
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        reply(ex, 405, "text/plain", "POST only");
        return;
      }
      byte[] raw = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (raw.length > MAX_BODY_BYTES) {
        reply(ex, 413, "text/plain", "request too large");
        return;
      }
      String timestamp = ex.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
      String signed = ex.getRequestHeaders().getFirst("X-Slack-Signature");
      RequestSignature.Verdict verdict = signature.check(timestamp, signed, raw);
      if (verdict != RequestSignature.Verdict.GENUINE) {
        log.debug("refused a request to /slack/events: {} signature", verdict);
        reply(ex, 401, "text/plain", "invalid request: " + verdict.name().toLowerCase(Locale.ROOT));
        return;
      }
      Map<String, List<String>> headers = new HashMap<>();
      ex.getRequestHeaders().forEach(headers::put);
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(ex.getRequestURI().getPath())
                  .queryString(Map.of())
                  .requestBody(new String(raw, StandardCharsets.UTF_8))
                  .headers(new RequestHeaders(headers))
                  .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      Response response = route.apply(request).run(request);
      if (response.getStatusCode() < 300) {
        signature.handled(timestamp, signed);
      }
      response.getHeaders().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
      reply(
          ex,
          response.getStatusCode(),
          response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    } catch (Exception e) {
      log.warn("request to /slack/events failed: {}", e.toString());
      reply(ex, 500, "text/plain", "internal error");
    }
  }

  /** Serves another system's webhook at {@code path}, e.g. Jira's at {@code /hooks/jira}. */
  public void hook(String path, Hook hook) {
    server.createContext(
        path,
        ex -> {
          try {
            if (!"POST".equals(ex.getRequestMethod())) {
              reply(ex, 405, "text/plain", "POST only");
              return;
            }
            byte[] raw = ex.getRequestBody().readNBytes(Hook.MAX_BODY_BYTES + 1);
            if (raw.length > Hook.MAX_BODY_BYTES) {
              reply(ex, 413, "text/plain", "request too large");
              return;
            }
            Hook.Answer a = hook.handle(ex.getRequestHeaders()::getFirst, raw);
            reply(ex, a.status(), "text/plain", a.text());
          } catch (Exception e) {
            log.warn("request to {} failed: {}", path, e.toString());
            reply(ex, 500, "text/plain", "internal error");
          }
        });
  }

  static void reply(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
