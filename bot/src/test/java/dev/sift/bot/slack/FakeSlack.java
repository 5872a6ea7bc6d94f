package dev.sift.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.SlackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Slack, played by MockWebServer: the Web API under {@code /api/} answering in the documented
 * shapes (see {@code fake-slack/README.md}), the Socket Mode WebSocket under {@code /link/}, and
 * {@code response_url}s under {@code /respond/}. Records every call so tests can assert on them.
 */
public final class FakeSlack implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TEAM = "T12345678";
  static final String BOT_USER = "UBOT0001";

  /** One Web API call as Slack received it. */
  public record Call(String method, Map<String, String> params, String token) {
    public String param(String name) {
      return params.get(name);
    }

    /** The blocks as JSON text without Gson's HTML escapes, for contains checks. */
    public String blocks() {
      return params.containsKey("blocks") ? json("blocks").toString() : "";
    }

    public JsonNode json(String name) {
      try {
        return JSON.readTree(params.get(name));
      } catch (IOException e) {
        throw new AssertionError(name + " is not JSON: " + params.get(name), e);
      }
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final JsonNode examples;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> failing = new ConcurrentHashMap<>();
  private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> ackPayloads = new ConcurrentHashMap<>();
  private final List<JsonNode> responses = new CopyOnWriteArrayList<>();
  private final Map<String, List<JsonNode>> responsesByName = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final java.util.Set<String> botOutside = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> guests = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> archivedChannels = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> deletedChannels = ConcurrentHashMap.newKeySet();
  private volatile String scopes =
      "channels:history,groups:history,channels:read,groups:read,channels:join,chat:write,"
          + "reactions:write,reactions:read,users:read,usergroups:read,im:write,im:history,"
          + "commands,app_mentions:read";
  private final Map<String, String[]> channels = new ConcurrentHashMap<>();
  private final Map<String, String[]> workspaces = new ConcurrentHashMap<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Map<String, java.util.Set<String>> members = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong(1_772_700_000_000_000L);
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> history = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> threadPosts = new ConcurrentHashMap<>();
  private volatile WebSocket socket;
  private final java.util.concurrent.atomic.AtomicInteger connections =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile CountDownLatch connected = new CountDownLatch(1);

  public FakeSlack() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fake-slack/web-api-examples.json")) {
      examples = JSON.readTree(in);
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeSlack.this.dispatch(request);
          }
        });
    server.start();
  }

  /** A channel the fake knows, for conversations.info. */
  public FakeSlack channel(String id, String name, boolean isPrivate) {
    channels.put(id, new String[] {name, Boolean.toString(isPrivate)});
    return this;
  }

  /** Another workspace's bot token: auth.test with it answers that workspace and bot user. */
  public FakeSlack workspace(String token, String teamId, String botUserId) {
    workspaces.put(token, new String[] {teamId, botUserId});
    return this;
  }

  /** The scopes the bot token was granted, as auth.test's {@code x-oauth-scopes} says. */
  public FakeSlack scopes(String commaSeparated) {
    this.scopes = commaSeparated;
    return this;
  }

  /** A channel the bot is not a member of ({@code is_member: false}). */
  public FakeSlack botNotIn(String channelId) {
    botOutside.add(channelId);
    return this;
  }

  /** A multi-channel guest: users.info says {@code is_restricted}. */
  public FakeSlack guest(String userId) {
    guests.add(userId);
    return this;
  }

  /** An archived channel: conversations.info and .list say {@code is_archived}. */
  public FakeSlack archive(String channelId) {
    archivedChannels.add(channelId);
    return this;
  }

  /** A deleted channel: every call about it fails with {@code channel_not_found}; not listed. */
  public FakeSlack deleteChannel(String channelId) {
    channels.remove(channelId);
    deletedChannels.add(channelId);
    return this;
  }

  /** A member of a channel, for users.conversations and conversations.members. */
  public FakeSlack member(String channelId, String userId) {
    members.computeIfAbsent(channelId, c -> ConcurrentHashMap.newKeySet()).add(userId);
    return this;
  }

  /** Someone leaves (or is removed from) a channel. */
  public FakeSlack removeMember(String channelId, String userId) {
    members.getOrDefault(channelId, java.util.Set.of()).remove(userId);
    return this;
  }

  /** A user group and its members, for usergroups.users.list. */
  public FakeSlack group(String id, String... users) {
    groups.put(id, List.of(users));
    return this;
  }

  /**
   * Messages posted in a channel (top level, newest first, with their metadata), as
   * conversations.history returns them.
   */
  public List<JsonNode> history(String channelId) {
    return List.copyOf(history.getOrDefault(channelId, List.of()));
  }

  /** Slack's clock: the ts of the next post is just after {@code now}. */
  public void timeIs(java.time.Instant now) {
    clock.set(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
  }

  /** The DM channel the fake opens with a user. */
  public static String dmWith(String userId) {
    return "D" + userId;
  }

  /** A person the fake knows, for users.info. */
  FakeSlack user(String id, String displayName) {
    users.put(id, displayName);
    return this;
  }

  /** The SDK config that sends every Web API call here. */
  public SlackConfig config() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.url("/api/").toString());
    config.setStatsEnabled(false);
    return config;
  }

  public String responseUrl(String name) {
    return server.url("/respond/" + name).toString();
  }

  /** The next call of {@code method} gets this answer instead (e.g. a 429). */
  public void scriptNext(String method, MockResponse response) {
    scripted.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(response);
  }

  /**
   * Every call of {@code method} fails with Slack's error body from now on ({@code {"ok":false,
   * "error":"missing_scope","needed":...}}), until {@link #heal}.
   */
  public void fail(String method, String error, String needed) {
    ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", error);
    if (needed != null) {
      body.put("needed", needed).put("provided", "chat:write,reactions:write,commands");
    }
    failing.put(method, body);
  }

  public void heal(String method) {
    failing.remove(method);
  }

  // ---- Socket Mode -------------------------------------------------------------------------

  /** Socket Mode connections opened so far. */
  int connections() {
    return connections.get();
  }

  /** Waits for a connection after the first {@code count}. */
  boolean awaitConnection(int count, Duration timeout) throws InterruptedException {
    return await(() -> connections.get() > count && socket != null, timeout);
  }

  boolean awaitConnected(Duration timeout) throws InterruptedException {
    return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends an envelope over the WebSocket, as Slack would. */
  void send(String envelopeJson) {
    if (!socket.send(envelopeJson)) {
      throw new AssertionError("the WebSocket refused the frame");
    }
  }

  /** When the ack of an envelope arrived (System.nanoTime), or null. */
  Long ackedAt(String envelopeId) {
    return ackedAt.get(envelopeId);
  }

  /** The ack's payload (a slash command's immediate answer), or null. */
  JsonNode ackPayload(String envelopeId) {
    return ackPayloads.get(envelopeId);
  }

  boolean awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
    return await(() -> ackedAt.containsKey(envelopeId), timeout);
  }

  // ---- what Slack received -----------------------------------------------------------------

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits for a call of {@code method} matching {@code test}. */
  public Call awaitCall(String method, Predicate<Call> test, Duration timeout)
      throws InterruptedException {
    Call[] found = new Call[1];
    boolean ok =
        await(
            () -> {
              for (Call c : calls) {
                if (c.method().equals(method) && test.test(c)) {
                  found[0] = c;
                  return true;
                }
              }
              return false;
            },
            timeout);
    if (!ok) {
      throw new AssertionError(
          "no "
              + method
              + " call matched within "
              + timeout
              + "; calls: "
              + summary()
              + "; "
              + method
              + " calls: "
              + calls(method));
    }
    return found[0];
  }

  /** Bodies posted to response_urls. */
  List<JsonNode> responses() {
    return List.copyOf(responses);
  }

  /** The first body posted to the response_url made by {@link #responseUrl(String)}. */
  JsonNode awaitResponse(String name, Duration timeout) throws InterruptedException {
    return awaitResponse(name, r -> true, timeout);
  }

  /** The first body posted to the named response_url that passes {@code test}. */
  public JsonNode awaitResponse(String name, Predicate<JsonNode> test, Duration timeout)
      throws InterruptedException {
    return firstMatching(() -> responsesTo(name), test, timeout, "response_url " + name);
  }

  /** Bodies posted to the named response_url, in order. */
  List<JsonNode> responsesTo(String name) {
    return List.copyOf(responsesByName.getOrDefault(name, List.of()));
  }

  /**
   * What a person sees as the answer to the slash command sent in envelope {@code name} with {@code
   * responseUrl(name)}: the ack's own body if it had one, else the first response that is not the
   * "Working on it…" notice.
   */
  JsonNode commandAnswer(String name, Duration timeout) throws InterruptedException {
    if (!awaitAck(name, timeout)) {
      throw new AssertionError("slash command " + name + " never acked");
    }
    JsonNode inAck = ackPayload(name);
    if (inAck != null && !inAck.isEmpty() && !inAck.toString().contains("Working on it")) {
      return inAck;
    }
    return awaitResponse(name, r -> !r.toString().contains("Working on it"), timeout);
  }

  /**
   * Holds every answer to {@code method} until the returned latch is counted down: a Slack that is
   * slow to answer, for as long as the test needs.
   */
  CountDownLatch hold(String method) {
    return held.computeIfAbsent(method, m -> new CountDownLatch(1));
  }

  JsonNode awaitResponse(Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
    return firstMatching(() -> responses, test, timeout, "any response_url");
  }

  /** The first of {@code bodies} (read again until the timeout) that passes {@code test}. */
  private static JsonNode firstMatching(
      java.util.function.Supplier<List<JsonNode>> bodies,
      Predicate<JsonNode> test,
      Duration timeout,
      String where)
      throws InterruptedException {
    JsonNode[] found = new JsonNode[1];
    boolean ok =
        await(
            () -> {
              for (JsonNode r : bodies.get()) {
                if (test.test(r)) {
                  found[0] = r;
                  return true;
                }
              }
              return false;
            },
            timeout);
    if (!ok) {
      throw new AssertionError("nothing matching posted to " + where + "; got " + bodies.get());
    }
    return found[0];
  }

  String summary() {
    List<String> out = new ArrayList<>();
    for (Call c : calls) {
      out.add(c.method());
    }
    return out.toString();
  }

  static boolean await(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }

  // ---- the dispatcher ----------------------------------------------------------------------

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.startsWith("/link")) {
      return new MockResponse.Builder().webSocketUpgrade(new Socket()).build();
    }
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (path.startsWith("/respond/")) {
      JsonNode answer;
      try {
        answer = JSON.readTree(body);
      } catch (IOException e) {
        answer = JSON.getNodeFactory().textNode(body);
      }
      responses.add(answer);
      responsesByName
          .computeIfAbsent(path.substring("/respond/".length()), n -> new CopyOnWriteArrayList<>())
          .add(answer);
      return new MockResponse.Builder().code(200).body("ok").build();
    }
    if (!path.startsWith("/api/")) {
      return new MockResponse.Builder().code(404).build();
    }
    String method = path.substring("/api/".length());
    String auth = request.getHeaders().get("Authorization");
    calls.add(new Call(method, form(body), auth == null ? null : auth.replace("Bearer ", "")));
    CountDownLatch hold = held.get(method);
    if (hold != null) {
      try {
        hold.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Queue<MockResponse> script = scripted.get(method);
    MockResponse next = script == null ? null : script.poll();
    if (next != null) {
      return next;
    }
    JsonNode failure = failing.get(method);
    if (failure != null) {
      return json(failure);
    }
    String channel = deletedChannels.isEmpty() ? null : form(body).get("channel");
    if (channel != null && deletedChannels.contains(channel)) {
      return json(JSON.createObjectNode().put("ok", false).put("error", "channel_not_found"));
    }
    JsonNode answered = answer(method, form(body));
    String[] workspace = auth == null ? null : workspaces.get(auth.replace("Bearer ", ""));
    if ("auth.test".equals(method) && workspace != null) {
      ((ObjectNode) answered).put("team_id", workspace[0]).put("user_id", workspace[1]);
    }
    MockResponse answer = json(answered);
    if ("auth.test".equals(method)) {
      // Slack tells a token's scopes in this header on every Web API answer.
      answer = answer.newBuilder().setHeader("x-oauth-scopes", scopes).build();
    }
    return answer;
  }

  private JsonNode answer(String method, Map<String, String> p) {
    ObjectNode example =
        examples.has(method) ? examples.get(method).deepCopy() : JSON.createObjectNode();
    example.put("ok", true);
    switch (method) {
      case "auth.test" -> {
        example.put("team_id", TEAM);
        example.put("user_id", BOT_USER);
        example.put("bot_id", "BBOT0001");
        example.put("user", "sift");
        example.put("url", "https://northwind.slack.com/");
      }
      case "apps.connections.open" ->
          example.put("url", server.url("/link/").toString().replace("http://", "ws://"));
      case "chat.postMessage" -> {
        String ts = nextTs();
        example.put("channel", p.get("channel"));
        example.put("ts", ts);
        ObjectNode message = (ObjectNode) example.get("message");
        message.put("ts", ts);
        message.put("text", p.getOrDefault("text", ""));
        message.put("bot_id", "BBOT0001");
        ObjectNode posted = message.deepCopy();
        if (p.get("metadata") != null) {
          try {
            posted.set("metadata", JSON.readTree(p.get("metadata")));
          } catch (IOException e) {
            throw new AssertionError("metadata is not JSON: " + p.get("metadata"), e);
          }
        }
        if (p.get("thread_ts") == null) {
          history
              .computeIfAbsent(p.get("channel"), c -> new CopyOnWriteArrayList<>())
              .add(0, posted);
        } else {
          posted.put("thread_ts", p.get("thread_ts"));
          threadPosts
              .computeIfAbsent(p.get("channel"), c -> new CopyOnWriteArrayList<>())
              .add(posted);
        }
      }
      case "conversations.list" -> {
        ArrayNode list = JSON.createArrayNode();
        ObjectNode shape = (ObjectNode) example.get("channels").get(0);
        channels.forEach(
            (id, c) -> {
              ObjectNode ch = shape.deepCopy();
              ch.put("id", id).put("name", c[0]).put("name_normalized", c[0]);
              ch.put("is_private", Boolean.parseBoolean(c[1]));
              ch.put("is_channel", !Boolean.parseBoolean(c[1]));
              ch.put("is_member", !botOutside.contains(id));
              ch.put("is_archived", archivedChannels.contains(id));
              list.add(ch);
            });
        example.set("channels", list);
        example.putObject("response_metadata").put("next_cursor", "");
      }
      case "conversations.members" -> {
        ArrayNode list = example.putArray("members");
        members.getOrDefault(p.get("channel"), java.util.Set.of()).stream()
            .sorted()
            .forEach(list::add);
        example.putObject("response_metadata").put("next_cursor", "");
      }
      case "conversations.open" ->
          ((ObjectNode) example.get("channel")).put("id", dmWith(p.get("users")));
      case "conversations.history" -> {
        ArrayNode list = example.putArray("messages");
        double oldest = Double.parseDouble(p.getOrDefault("oldest", "0"));
        boolean metadata = List.of("true", "1").contains(p.get("include_all_metadata"));
        for (ObjectNode m : history.getOrDefault(p.get("channel"), List.of())) {
          if (Double.parseDouble(m.get("ts").asText()) >= oldest) {
            ObjectNode shown = m.deepCopy();
            if (!metadata) {
              shown.remove("metadata");
            }
            list.add(shown);
          }
        }
        example.put("has_more", false);
        example.putObject("response_metadata").put("next_cursor", "");
      }
      case "usergroups.users.list" -> {
        ArrayNode list = example.putArray("users");
        groups.getOrDefault(p.get("usergroup"), List.of()).forEach(list::add);
      }
      case "chat.update" -> {
        example.put("channel", p.get("channel"));
        example.put("ts", p.get("ts"));
        example.put("text", p.getOrDefault("text", ""));
        // Like Slack, the stored message changes: its text, and its metadata when sent.
        List<ObjectNode> mine = new ArrayList<>(history.getOrDefault(p.get("channel"), List.of()));
        mine.addAll(threadPosts.getOrDefault(p.get("channel"), List.of()));
        for (ObjectNode m : mine) {
          if (m.path("ts").asText().equals(p.get("ts"))) {
            m.put("text", p.getOrDefault("text", ""));
            if (p.get("metadata") != null) {
              try {
                m.set("metadata", JSON.readTree(p.get("metadata")));
              } catch (IOException e) {
                throw new AssertionError("metadata is not JSON: " + p.get("metadata"), e);
              }
            }
          }
        }
      }
      case "conversations.replies" -> {
        ArrayNode list = example.putArray("messages");
        double oldest = Double.parseDouble(p.getOrDefault("oldest", "0"));
        double latest = Double.parseDouble(p.getOrDefault("latest", "1e12"));
        boolean metadata = List.of("true", "1").contains(p.get("include_all_metadata"));
        for (ObjectNode m : threadPosts.getOrDefault(p.get("channel"), List.of())) {
          double ts = Double.parseDouble(m.get("ts").asText());
          if (m.path("thread_ts").asText().equals(p.get("ts")) && ts >= oldest && ts <= latest) {
            ObjectNode shown = m.deepCopy();
            if (!metadata) {
              shown.remove("metadata");
            }
            list.add(shown);
          }
        }
        example.put("has_more", false);
        example.putObject("response_metadata").put("next_cursor", "");
      }
      case "chat.getPermalink" ->
          example.put(
              "permalink",
              "https://northwind.slack.com/archives/"
                  + p.get("channel")
                  + "/p"
                  + p.get("message_ts").replace(".", ""));
      case "conversations.info", "conversations.join" -> {
        String id = p.get("channel");
        String[] known = channels.getOrDefault(id, new String[] {id.toLowerCase(), "false"});
        ObjectNode channel = (ObjectNode) example.get("channel");
        channel.put("id", id);
        channel.put("name", known[0]);
        channel.put("is_private", Boolean.parseBoolean(known[1]));
        channel.put("is_channel", !Boolean.parseBoolean(known[1]));
        channel.put("is_group", Boolean.parseBoolean(known[1]));
        channel.put("is_member", !botOutside.contains(id));
        channel.put("is_archived", archivedChannels.contains(id));
      }
      case "users.info" -> {
        String id = p.get("user");
        ObjectNode user = (ObjectNode) example.get("user");
        String name = users.getOrDefault(id, id.toLowerCase());
        user.put("id", id);
        user.put("name", name);
        user.put("real_name", name);
        user.put("is_bot", id.startsWith("B"));
        user.put("is_restricted", guests.contains(id));
        ((ObjectNode) user.get("profile")).put("display_name", name);
        ((ObjectNode) user.get("profile")).put("real_name", name);
      }
      case "users.conversations" -> {
        ArrayNode mine = JSON.createArrayNode();
        channels.forEach(
            (id, c) -> {
              if (members.getOrDefault(id, java.util.Set.of()).contains(p.get("user"))) {
                mine.addObject()
                    .put("id", id)
                    .put("name", c[0])
                    .put("is_private", Boolean.parseBoolean(c[1]));
              }
            });
        example.set("channels", mine);
        example.putObject("response_metadata").put("next_cursor", "");
      }
      default -> {}
    }
    return example;
  }

  private String nextTs() {
    long micros = clock.addAndGet(1000);
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static MockResponse json(JsonNode body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString())
        .build();
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private final class Socket extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      connections.incrementAndGet();
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      long now = System.nanoTime();
      try {
        JsonNode ack = JSON.readTree(text);
        String id = ack.path("envelope_id").asText(null);
        if (id != null) {
          ackedAt.putIfAbsent(id, now);
          if (ack.has("payload")) {
            ackPayloads.put(id, ack.get("payload"));
          }
        }
      } catch (IOException e) {
        // not an ack
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      gone(webSocket);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      gone(webSocket);
    }

    /** The app went away: the next frame waits for its next connection. */
    private synchronized void gone(WebSocket webSocket) {
      if (socket == webSocket) {
        socket = null;
        connected = new CountDownLatch(1);
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
