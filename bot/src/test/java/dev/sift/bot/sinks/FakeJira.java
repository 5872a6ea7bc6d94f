package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Jira's REST API v2 on loopback, answering with the shapes of Atlassian's documentation (the
 * fixtures in {@code /jira}): it creates issues (OPS-42, OPS-43, ...), takes comments on issues it
 * has, and searches them by label. Scripted answers go first; a create's answer can be lost after
 * the issue was made, as when a request times out after it was sent.
 */
public final class FakeJira implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final MockWebServer server = new MockWebServer();

  /** Every request, in arrival order. */
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  /** Issues made, by key: their fields as sent. */
  public final Map<String, JsonNode> issues =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  /** Comments by issue key, in order. */
  public final Map<String, List<String>> comments = new LinkedHashMap<>();

  private final Deque<MockResponse> script = new ArrayDeque<>();
  private int nextId = 42;
  private boolean loseNextCreateAnswer;

  public FakeJira() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            requests.add(r);
            try {
              return answer(r);
            } catch (Exception e) {
              return new MockResponse.Builder().code(500).body(e.toString()).build();
            }
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  public URI base() {
    return server.url("/").uri();
  }

  /** The next requests get these answers, whatever they ask. */
  public synchronized FakeJira answer(MockResponse... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** The next create makes its issue and then drops the connection before answering. */
  public synchronized void loseNextCreateAnswer() {
    loseNextCreateAnswer = true;
  }

  public List<RecordedRequest> creates() {
    return requests.stream()
        .filter(r -> r.getMethod().equals("POST") && path(r).equals("/rest/api/2/issue"))
        .toList();
  }

  public List<RecordedRequest> searches() {
    return requests.stream().filter(r -> path(r).startsWith("/rest/api/2/search")).toList();
  }

  public synchronized List<String> comments(String key) {
    return List.copyOf(comments.getOrDefault(key, List.of()));
  }

  private synchronized MockResponse answer(RecordedRequest r) throws IOException {
    MockResponse scripted = script.poll();
    if (scripted != null) {
      return scripted;
    }
    String path = path(r);
    if (r.getMethod().equals("POST") && path.equals("/rest/api/2/issue")) {
      String key = "OPS-" + nextId++;
      issues.put(key, JSON.readTree(r.getBody().toByteArray()).path("fields"));
      ObjectNode created = (ObjectNode) fixture("create-issue.json");
      created.put("id", key.substring(4)).put("key", key);
      if (loseNextCreateAnswer) {
        loseNextCreateAnswer = false;
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      }
      return json(201, created);
    }
    if (r.getMethod().equals("POST") && path.matches("/rest/api/2/issue/[^/]+/comment")) {
      String key = path.split("/")[5];
      if (!issues.containsKey(key)) {
        return json(
            404,
            JSON.readTree(
                "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see"
                    + " it.\"],\"errors\":{}}"));
      }
      String body = JSON.readTree(r.getBody().toByteArray()).path("body").asText();
      comments.computeIfAbsent(key, k -> new ArrayList<>()).add(body);
      return json(201, fixture("comment.json"));
    }
    if (r.getMethod().equals("GET") && path.startsWith("/rest/api/2/search")) {
      String jql = r.getUrl().queryParameter("jql");
      ObjectNode found = (ObjectNode) fixture("search-none.json");
      JsonNode template = fixture("search-one.json").path("issues").path(0);
      issues.forEach(
          (key, fields) -> {
            for (JsonNode label : fields.path("labels")) {
              if (jql.contains("labels = \"" + label.asText() + "\"")
                  && label.asText().startsWith("sift-item-")) {
                found.withArray("issues").add(((ObjectNode) template.deepCopy()).put("key", key));
              }
            }
          });
      return json(200, found);
    }
    return new MockResponse.Builder().code(404).build();
  }

  static String path(RecordedRequest r) {
    return r.getUrl().encodedPath();
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json;charset=UTF-8")
        .body(body.toString())
        .build();
  }

  static JsonNode fixture(String name) {
    try (InputStream in = FakeJira.class.getResourceAsStream("/jira/" + name)) {
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
