package dev.sift.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two OAuth pages a person's browser opens, {@code /slack/install} and {@code
 * /slack/oauth_redirect}, handed to Bolt's OAuth flow as GET requests with their query string.
 */
final class OAuthPages {
  private static final Logger log = LoggerFactory.getLogger(OAuthPages.class);

  private OAuthPages() {}

  static void serve(HttpExchange ex, App app, SlackRequestParser parser) throws IOException {
    try {
      if (!"GET".equals(ex.getRequestMethod())) {
        HttpEndpoint.reply(ex, 405, "text/plain", "GET only");
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (!path.equals(app.config().getOauthInstallRequestURI())
          && !path.equals(app.config().getOauthRedirectUriRequestURI())) {
        HttpEndpoint.reply(ex, 404, "text/plain", "not found");
        return;
      }
      Map<String, List<String>> headers = new HashMap<>();
      ex.getRequestHeaders().forEach(headers::put);
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(path)
                  .queryString(query(ex.getRequestURI().getRawQuery()))
                  .requestBody("")
                  .headers(new RequestHeaders(headers))
                  .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      if (request == null) {
        HttpEndpoint.reply(ex, 400, "text/plain", "not an OAuth request");
        return;
      }
      Response response = app.run(request);
      response.getHeaders().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
      HttpEndpoint.reply(
          ex,
          response.getStatusCode(),
          response.getContentType() == null ? "text/plain" : response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    } catch (Exception e) {
      // Not the query: it holds the one-time code.
      log.warn("OAuth page {} failed: {}", ex.getRequestURI().getPath(), e.getClass().getName());
      HttpEndpoint.reply(ex, 500, "text/plain", "internal error");
    }
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }
}
