package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Jira's REST API v2, which Cloud and Data Center both serve with plain-text descriptions: create
 * an issue, comment on one, search by JQL. Cloud takes basic auth with the account's e-mail and an
 * API token; Data Center a personal access token as a bearer token. The token is never logged.
 */
final class JiraClient {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DETAIL = 500;

  /** Jira's keys: a project key, a dash, a number; anything else is not put on a card. */
  static final String KEY = "[A-Za-z][A-Za-z0-9_]{0,254}-[0-9]{1,18}";

  /**
   * What Jira answered.
   *
   * @param body the JSON answer, or a missing node when it sent none
   * @param retryAfter its {@code Retry-After}, or zero
   */
  record Answer(int code, JsonNode body, Duration retryAfter) {
    boolean ok() {
      return code / 100 == 2;
    }

    /** Jira's own words for a failure ({@code errorMessages} and {@code errors}), briefly. */
    String errors() {
      List<String> said = new ArrayList<>();
      body.path("errorMessages").forEach(m -> said.add(m.asText()));
      body.path("errors")
          .properties()
          .forEach(e -> said.add(e.getKey() + ": " + e.getValue().asText()));
      String text = "HTTP " + code + (said.isEmpty() ? "" : ": " + String.join("; ", said));
      return text.length() > DETAIL ? text.substring(0, DETAIL) + "…" : text;
    }
  }

  private final HttpUrl base;
  private final String authorization;
  private final OkHttpClient http;

  /**
   * Cloud removed {@code /search} for {@code /search/jql}; Data Center has only {@code /search}.
   */
  private volatile boolean enhancedSearch;

  /**
   * @param user the Cloud account's e-mail, or null for a Data Center personal access token
   */
  JiraClient(URI base, String user, String token, OkHttpClient http) {
    this.base = HttpUrl.get(base.toString());
    this.authorization =
        user == null
            ? "Bearer " + token
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    this.enhancedSearch = user != null;
    this.http =
        http.newBuilder()
            .callTimeout(Duration.ofSeconds(20))
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(false) // credentials are not sent on to another host
            // OkHttp would send a create again on its own after a dropped connection; a second
            // issue is what the per-item label search exists to prevent, so only it retries.
            .retryOnConnectionFailure(false)
            .build();
  }

  /** {@code POST /rest/api/2/issue}: Jira answers 201 with {@code {"id", "key", "self"}}. */
  Answer create(ObjectNode fields) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("fields", fields);
    return post(url("rest/api/2/issue").build(), body);
  }

  /** {@code POST /rest/api/2/issue/{key}/comment} with a plain-text body. */
  Answer comment(String key, String text) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("body", text);
    return post(
        url("rest/api/2/issue").addPathSegment(key).addPathSegment("comment").build(), body);
  }

  /**
   * Issues matching the JQL, at most two (one is all a caller looks for): {@code {"issues": []}}.
   */
  Answer search(String jql) throws IOException {
    Answer a = get(searchUrl(jql));
    if (a.code() == 404 || a.code() == 410) {
      enhancedSearch = !enhancedSearch; // the other kind of Jira after all
      a = get(searchUrl(jql));
    }
    return a;
  }

  /** Where a person opens the issue. */
  URI browse(String key) {
    return browse(base, key);
  }

  /** Where a person opens the issue of the Jira at {@code base}. */
  static URI browse(URI base, String key) {
    return browse(HttpUrl.get(base.toString()), key);
  }

  private static URI browse(HttpUrl base, String key) {
    return under(base, "browse").addPathSegment(key).build().uri();
  }

  private HttpUrl searchUrl(String jql) {
    return url(enhancedSearch ? "rest/api/2/search/jql" : "rest/api/2/search")
        .addQueryParameter("jql", jql)
        .addQueryParameter("fields", "summary")
        .addQueryParameter("maxResults", "2")
        .build();
  }

  private HttpUrl.Builder url(String path) {
    return under(base, path);
  }

  private static HttpUrl.Builder under(HttpUrl base, String path) {
    HttpUrl.Builder b = base.newBuilder();
    List<String> segments = base.pathSegments();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      b.removePathSegment(segments.size() - 1); // a base URL ending in '/'
    }
    return b.addPathSegments(path);
  }

  private Answer post(HttpUrl url, JsonNode body) throws IOException {
    return call(
        request(url).post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build());
  }

  private Answer get(HttpUrl url) throws IOException {
    return call(request(url).get().build());
  }

  private Request.Builder request(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("User-Agent", "Sift");
  }

  private Answer call(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      JsonNode body;
      try {
        body = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      } catch (IOException notJson) {
        body = JSON.missingNode(); // a proxy's HTML error page
      }
      return new Answer(r.code(), body, retryAfter(r.header("Retry-After")));
    }
  }

  private static Duration retryAfter(String header) {
    if (header == null || !header.strip().matches("\\d{1,6}")) {
      return Duration.ZERO; // an HTTP date is rare from Jira: the runner's back-off decides
    }
    return Duration.ofSeconds(Long.parseLong(header.strip()));
  }
}
