package dev.sift.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An LLM provider on MockWebServer, speaking OpenAI's chat completions ({@code
 * /v1/chat/completions}) and Anthropic's messages ({@code /v1/messages}). By default it answers
 * like a confident model: a verdict for every message id in the prompt, from the message's words.
 * Tests can script the next answers (errors, delays, malformed output) or replace the judge.
 */
public final class LlmStub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MESSAGE =
      Pattern.compile("<message id=\"([^\"]+)\"[^>]*>\\n(.*?)\\n</message>", Pattern.DOTALL);

  /** One request as the provider received it. */
  public record Received(String path, JsonNode body, String apiKey, String authorization) {
    /** Everything the model was told, system and user, as one string. */
    public String prompt() {
      return body.toString();
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Object> scripted = new ConcurrentLinkedQueue<>();
  private volatile Function<String, ObjectNode> judge = LlmStub::confident;

  public LlmStub() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return LlmStub.this.dispatch(request);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return server.url("/v1").toString();
  }

  /** The server's root, for Ollama's native API ({@code /api/chat}). */
  public String rootUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The next request gets this response instead of a verdict. */
  void script(MockResponse response) {
    scripted.add(response);
  }

  /** Answer text (what the model "writes") for the next request, in the provider's envelope. */
  void scriptAnswer(String text) {
    scripted.add(text);
  }

  /** How the stub judges one message's text. */
  void judge(Function<String, ObjectNode> judge) {
    this.judge = judge;
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
    } catch (IOException e) {
      return new MockResponse.Builder().code(400).body("bad json").build();
    }
    received.add(
        new Received(
            path,
            body,
            request.getHeaders().get("x-api-key"),
            request.getHeaders().get("Authorization")));
    Object next = scripted.poll();
    if (next instanceof MockResponse response) {
      return response;
    }
    if (next instanceof String text) {
      return envelope(path, text, body);
    }
    String all = userText(path, body) + body.path("system").toString();
    return envelope(path, all.contains("digest of") ? bullets(all) : verdicts(all), body);
  }

  private String verdicts(String user) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("verdicts");
    Matcher m = MESSAGE.matcher(user);
    while (m.find()) {
      ObjectNode v = judge.apply(m.group(2));
      v.put("id", m.group(1));
      list.add(v);
    }
    return root.toString();
  }

  /** A summary citing the first messages it was shown, plus one bullet citing nothing real. */
  private static String bullets(String prompt) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("bullets");
    Matcher m = MESSAGE.matcher(prompt);
    for (int i = 0; i < 3 && m.find(); i++) {
      ObjectNode b = list.addObject();
      b.put("text", "Point " + (i + 1) + " from " + m.group(1));
      b.putArray("sources").add(m.group(1));
    }
    ObjectNode invented = list.addObject();
    invented.put("text", "Something nobody said");
    invented.putArray("sources").add("m9999");
    return root.toString();
  }

  /** A confident model's verdict, from the words of the message. */
  static ObjectNode confident(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    String category;
    String priority;
    if (t.matches(
        "(?s).*\\b(down|outage|502|500|can't log in|cannot log in|can't sign in|unreachable)\\b.*")) {
      category = "incident";
      priority = "P1";
    } else if (t.matches("(?s).*\\b(bug|broken|error|crash|wrong|fails?|failing)\\b.*")) {
      category = "bug";
      priority = "P3";
    } else if (t.matches(
        "(?s).*\\b(please|can you|could you|could someone|need|by (monday|tuesday|wednesday|thursday|friday|eod))\\b.*")) {
      category = "request";
      priority = "P3";
    } else if (t.contains("?")) {
      category = "question";
      priority = "P3";
    } else if (t.matches("(?s).*\\b(reminder|announce|welcome|heads up|fyi)\\b.*")) {
      category = "announcement";
      priority = "P4";
    } else {
      category = "social";
      priority = "P4";
    }
    ObjectNode v = JSON.createObjectNode();
    v.put("category", category);
    v.put("priority", priority);
    v.put("summary", "A " + category + " message.");
    v.putArray("reasons").add("the message's words suggest " + category);
    v.put("owner", "");
    v.putArray("action_items");
    return v;
  }

  private static String userText(String path, JsonNode body) {
    StringBuilder all = new StringBuilder();
    for (JsonNode message : body.path("messages")) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        all.append(content.asText()).append('\n');
      } else {
        for (JsonNode part : content) {
          all.append(part.path("text").asText()).append('\n');
        }
      }
    }
    return all.toString();
  }

  private static MockResponse envelope(String path, String text, JsonNode request) {
    int in = request.toString().length() / 4;
    int out = text == null ? 0 : text.length() / 4;
    ObjectNode r = JSON.createObjectNode();
    if (path.equals("/api/chat")) {
      r.put("model", "stub");
      r.put("created_at", "2026-11-23T19:00:00Z");
      r.putObject("message").put("role", "assistant").put("content", text == null ? "" : text);
      r.put("done", true);
      r.put("done_reason", "stop");
      r.put("prompt_eval_count", in);
      r.put("eval_count", out);
    } else if (path.endsWith("/messages")) {
      r.put("id", "msg_stub");
      r.put("type", "message");
      r.put("role", "assistant");
      r.put("model", "stub");
      r.putArray("content").addObject().put("type", "text").put("text", text == null ? "" : text);
      r.put("stop_reason", "end_turn");
      r.putObject("usage").put("input_tokens", in).put("output_tokens", out);
    } else {
      r.put("id", "chatcmpl-stub");
      r.put("object", "chat.completion");
      r.put("created", 1772700000);
      r.put("model", "stub");
      ObjectNode choice = r.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text == null ? "" : text);
      choice.put("finish_reason", "stop");
      r.putObject("usage")
          .put("prompt_tokens", in)
          .put("completion_tokens", out)
          .put("total_tokens", in + out);
    }
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(r.toString())
        .build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
