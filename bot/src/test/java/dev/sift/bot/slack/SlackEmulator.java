package dev.sift.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A workspace that behaves like Slack towards an app that comes and goes: it keeps the ground truth
 * of every channel (messages, threads, edits, deletes), answers {@code conversations.history} and
 * {@code .replies} from it, and delivers each change as an {@code events_api} envelope over Socket
 * Mode. Like Slack, it sends an envelope again when no ack comes within three seconds or the
 * connection drops (up to three retries), sometimes sends an acked one again, and gives up on
 * events that happen while nobody is connected, some at once, some after their retries. Binds to
 * 127.0.0.1 only.
 */
public final class SlackEmulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ACK_TIMEOUT_NANOS = 3_000_000_000L;
  private static final int MAX_RETRIES = 3;

  /**
   * An envelope on its way: sent {@code via} a connection at {@code sentAt}, or waiting (null, 0).
   */
  private record Outgoing(
      String id, ObjectNode callback, int attempt, long sentAt, WebSocket via) {}

  private final MockWebServer server = new MockWebServer();
  private final Random random;
  private final double dropWhileDown;
  private final double duplicateAcked;
  private final Map<String, String> channels = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<Long, ObjectNode>> truth = new ConcurrentHashMap<>();
  private final LinkedBlockingDeque<Outgoing> outbox = new LinkedBlockingDeque<>();
  private final Map<String, Outgoing> unacked = new ConcurrentHashMap<>();
  private final List<JsonNode> cardPosts = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> botPosts = new CopyOnWriteArrayList<>();
  private final Map<String, String> fates = new ConcurrentHashMap<>();
  private final Map<String, String> envelopeSubject = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() * 1000);
  private final AtomicLong cardClock = new AtomicLong(1_790_000_000_000_000L);
  private final AtomicInteger nextEvent = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong historyCalls = new AtomicLong();
  private final Thread deliverer = new Thread(this::deliver, "emulator-deliverer");

  /** The app's open connections; several replicas of one app each hold one (Slack allows ten). */
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

  private final AtomicInteger turn = new AtomicInteger();
  private volatile boolean closed;

  /**
   * @param dropWhileDown the share of events happening while nobody is connected that Slack gives
   *     up on at once (the rest wait for a connection, as retries would)
   * @param duplicateAcked the share of acked envelopes sent once more anyway
   */
  public SlackEmulator(long seed, double dropWhileDown, double duplicateAcked) throws IOException {
    this.random = new Random(seed);
    this.dropWhileDown = dropWhileDown;
    this.duplicateAcked = duplicateAcked;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return SlackEmulator.this.dispatch(request);
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    deliverer.setDaemon(true);
    deliverer.start();
  }

  /** The Web API prefix, for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return server.url("/api/").toString();
  }

  /** Slack's clock: the next message's ts is just after {@code now} (which may be in the past). */
  public void clockAt(java.time.Instant now) {
    clock.set(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
  }

  public void channel(String id, String name) {
    channels.put(id, name);
    truth.put(id, new TreeMap<>());
  }

  // ---- what people do ------------------------------------------------------------------------

  /** Someone posts (a reply when {@code threadTs} is given); returns the new message's ts. */
  public synchronized String post(String channel, String user, String text, String threadTs) {
    String ts = nextTs();
    ObjectNode m = Envelopes.message(channel, user, ts, threadTs, text);
    m.remove("parent_user_id");
    m.remove("event_ts");
    m.remove("channel_type");
    m.remove("channel");
    truth.get(channel).put(micros(ts), m);
    if (threadTs != null) {
      ObjectNode parent = truth.get(channel).get(micros(threadTs));
      parent.put("thread_ts", threadTs);
      parent.put("reply_count", parent.path("reply_count").asInt(0) + 1);
      parent.put("latest_reply", ts);
    }
    ObjectNode event = m.deepCopy();
    event.put("channel", channel);
    event.put("event_ts", ts);
    event.put("channel_type", "channel");
    emit(event);
    return ts;
  }

  /** Someone edits a message. */
  public synchronized void edit(String channel, String ts, String text) {
    ObjectNode m = truth.get(channel).get(micros(ts));
    String before = m.path("text").asText();
    m.put("text", text);
    m.putObject("edited").put("user", m.path("user").asText()).put("ts", nextTs());
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "message_changed");
    event.put("hidden", true);
    event.put("channel", channel);
    event.set("message", m.deepCopy());
    ObjectNode previous = m.deepCopy();
    previous.put("text", before);
    previous.remove("edited");
    event.set("previous_message", previous);
    String eventTs = nextTs();
    event.put("event_ts", eventTs);
    event.put("ts", eventTs);
    event.put("channel_type", "channel");
    emit(event);
  }

  /** Someone deletes a message without replies (a reply, or a top-level message). */
  public synchronized void delete(String channel, String ts) {
    ObjectNode m = truth.get(channel).remove(micros(ts));
    String thread = m.path("thread_ts").asText(null);
    if (thread != null && !thread.equals(ts)) {
      ObjectNode parent = truth.get(channel).get(micros(thread));
      if (parent != null) {
        parent.put("reply_count", Math.max(0, parent.path("reply_count").asInt() - 1));
        // Like Slack, the parent's latest_reply becomes the newest reply left.
        String newest = null;
        for (ObjectNode r : truth.get(channel).values()) {
          if (thread.equals(r.path("thread_ts").asText(null))
              && !thread.equals(r.path("ts").asText())) {
            newest = r.path("ts").asText();
          }
        }
        if (newest == null) {
          parent.remove("latest_reply");
        } else {
          parent.put("latest_reply", newest);
        }
      }
    }
    ObjectNode event = Envelopes.deleted(channel, ts);
    event.put("event_ts", nextTs());
    event.put("ts", event.get("event_ts").asText());
    emit(event);
  }

  // ---- the ground truth ----------------------------------------------------------------------

  /** Every message now, by {@code team/channel/ts}, with its current text. */
  public synchronized Map<String, String> messages() {
    Map<String, String> out = new TreeMap<>();
    truth.forEach(
        (channel, byTs) ->
            byTs.values()
                .forEach(
                    m ->
                        out.put(
                            FakeSlack.TEAM + "/" + channel + "/" + m.path("ts").asText(),
                            m.path("text").asText())));
    return out;
  }

  /** What became of the events about a message ({@code team/channel/ts}), for a failed drill. */
  String fate(String id) {
    return fates.getOrDefault(id, "no event") + "; in thread " + threadOf(id);
  }

  private synchronized String threadOf(String id) {
    String[] parts = id.split("/");
    ObjectNode m = truth.get(parts[1]).get(micros(parts[2]));
    return m == null ? "(gone)" : m.path("thread_ts").asText("-");
  }

  /** Messages of a channel that may be deleted now: replies, and top-level ones without any. */
  synchronized List<String> deletable(String channel) {
    List<String> out = new ArrayList<>();
    for (ObjectNode m : truth.get(channel).values()) {
      if (m.path("reply_count").asInt(0) == 0) {
        out.add(m.path("ts").asText());
      }
    }
    return out;
  }

  /** Top-level messages of a channel, oldest first. */
  synchronized List<String> topLevel(String channel) {
    List<String> out = new ArrayList<>();
    for (ObjectNode m : truth.get(channel).values()) {
      String thread = m.path("thread_ts").asText(null);
      if (thread == null || thread.equals(m.path("ts").asText())) {
        out.add(m.path("ts").asText());
      }
    }
    return out;
  }

  synchronized List<String> all(String channel) {
    return truth.get(channel).values().stream().map(m -> m.path("ts").asText()).toList();
  }

  /** The texts of what the app posted at the top level of a channel, in order. */
  public List<String> topLevelPosts(String channel) {
    return botPosts.stream()
        .filter(m -> m.path("channel").asText().equals(channel) && !m.hasNonNull("thread_ts"))
        .map(m -> m.path("text").asText())
        .toList();
  }

  /** Task cards posted ({@code chat.postMessage} with blocks), as their request parameters. */
  public List<JsonNode> cardPosts() {
    return List.copyOf(cardPosts);
  }

  /**
   * Ends the app's connection as Slack does when it moves it: a {@code disconnect} frame, then the
   * socket closes; the app is expected to connect again.
   */
  void disconnect() {
    for (WebSocket ws : sockets) {
      sockets.remove(ws); // what happens from now until the next connection is not delivered live
      ws.send(
          "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"emulator\"}}");
      ws.close(1000, "refresh_requested");
    }
  }

  boolean connected() {
    return !sockets.isEmpty();
  }

  /** How many connections are open now (one per replica of the app). */
  int open() {
    return sockets.size();
  }

  int connections() {
    return connections.get();
  }

  /** Envelopes still to deliver or waiting for their ack. */
  int undelivered() {
    return outbox.size() + unacked.size();
  }

  String stats() {
    return String.format(
        "%d envelopes acked, %d sent again (retries and duplicates), %d given up (happened while"
            + " down), %d history calls, %d connections",
        acked.get(), retried.get(), dropped.get(), historyCalls.get(), connections.get());
  }

  /** A button someone clicked on a task card, and whether the app acked it in time. */
  static final class Press {
    final String actionId;
    final String itemId;
    final String user;
    volatile boolean acked;

    Press(String actionId, String itemId, String user) {
      this.actionId = actionId;
      this.itemId = itemId;
      this.user = user;
    }
  }

  private final Map<String, Press> presses = new ConcurrentHashMap<>();
  private final AtomicInteger nextPress = new AtomicInteger();

  /**
   * Someone clicks a button of a task card Sift posted: the click goes to whichever connection is
   * next in turn, not the one that took the message in. Slack does not send a click again; one not
   * acked within three seconds shows the user an error (the drill counts only acked clicks).
   */
  public boolean press(JsonNode card, String actionId, String itemId, String user) {
    WebSocket ws = pick();
    if (ws == null) {
      return false;
    }
    String id = "env-act-" + nextPress.incrementAndGet();
    presses.put(id, new Press(actionId, itemId, user));
    return ws.send(
        Envelopes.interactive(
            id,
            "interactive",
            Envelopes.blockAction(
                actionId,
                itemId,
                itemId,
                user,
                card.path("channel").asText(),
                card.path("ts").asText(),
                server.url("/response/" + id).toString()),
            false));
  }

  /** The clicks the app acked. */
  public List<Press> ackedPresses() {
    return presses.values().stream().filter(p -> p.acked).toList();
  }

  /** How many clicks were sent. */
  public int presses() {
    return presses.size();
  }

  // ---- Socket Mode ---------------------------------------------------------------------------

  private void emit(ObjectNode event) {
    String id = "Ev" + nextEvent.incrementAndGet();
    ObjectNode callback = Envelopes.eventCallback(id, event);
    String ts =
        event.has("deleted_ts")
            ? event.get("deleted_ts").asText()
            : event.has("message")
                ? event.get("message").path("ts").asText()
                : event.path("ts").asText();
    String subject = FakeSlack.TEAM + "/" + event.path("channel").asText() + "/" + ts;
    envelopeSubject.put("env-" + id, subject);
    if (sockets.isEmpty() && random.nextDouble() < dropWhileDown) {
      dropped.incrementAndGet();
      fates.merge(subject, "dropped while down", (a, b) -> a + ", " + b);
      return;
    }
    outbox.add(new Outgoing("env-" + id, callback, 0, 0, null));
  }

  /** Sends what waits while someone is connected; resends what was not acked in time. */
  private void deliver() {
    long lastScan = System.nanoTime();
    while (!closed) {
      WebSocket ws = pick();
      Outgoing next = ws == null ? null : outbox.poll();
      if (next != null) {
        Outgoing sent =
            new Outgoing(next.id(), next.callback(), next.attempt(), System.nanoTime(), ws);
        unacked.put(sent.id(), sent);
        if (!ws.send(Envelopes.events(sent.id(), sent.callback(), sent.attempt()))) {
          unacked.remove(sent.id());
          outbox.addFirst(next);
        }
        continue;
      }
      long now = System.nanoTime();
      if (now - lastScan > 100_000_000L) {
        lastScan = now;
        for (Outgoing o : List.copyOf(unacked.values())) {
          if (now - o.sentAt() > ACK_TIMEOUT_NANOS && unacked.remove(o.id(), o)) {
            retry(o);
          }
        }
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The next open connection in turn: Slack spreads an app's events over its connections. */
  private WebSocket pick() {
    List<WebSocket> open = List.copyOf(sockets);
    return open.isEmpty() ? null : open.get(Math.floorMod(turn.getAndIncrement(), open.size()));
  }

  private void retry(Outgoing o) {
    if (o.attempt() >= MAX_RETRIES) {
      dropped.incrementAndGet();
      fates.merge(envelopeSubject.get(o.id()), "given up after retries", (a, b) -> a + ", " + b);
      return;
    }
    retried.incrementAndGet();
    outbox.addFirst(new Outgoing(o.id(), o.callback(), o.attempt() + 1, 0, null));
  }

  private final class Socket extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      connections.incrementAndGet();
      sockets.add(webSocket); // connected from now on: nothing that happens next is lost to it
      webSocket.send(
          "{\"type\":\"hello\",\"num_connections\":"
              + sockets.size()
              + ",\"debug_info\":{\"host\":\"emulator\"},"
              + "\"connection_info\":{\"app_id\":\"A0SIFT\"}}");
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        String id = JSON.readTree(text).path("envelope_id").asText(null);
        Press press = id == null ? null : presses.get(id);
        if (press != null) {
          press.acked = true;
          return;
        }
        Outgoing o = id == null ? null : unacked.remove(id);
        if (o != null) {
          acked.incrementAndGet();
          fates.merge(
              envelopeSubject.get(id),
              "acked(attempt " + o.attempt() + ")",
              (a, b) -> a + ", " + b);
          if (random.nextDouble() < duplicateAcked) {
            retried.incrementAndGet();
            outbox.add(new Outgoing(o.id(), o.callback(), o.attempt() + 1, 0, null));
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

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      gone(webSocket);
    }

    /** A connection went away: what it did not ack is sent again, on another or its next one. */
    private void gone(WebSocket webSocket) {
      sockets.remove(webSocket);
      for (Outgoing o : List.copyOf(unacked.values())) {
        if (o.via() == webSocket && unacked.remove(o.id(), o)) {
          retry(o);
        }
      }
    }
  }

  // ---- the Web API ---------------------------------------------------------------------------

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.startsWith("/link")) {
      return new MockResponse.Builder().webSocketUpgrade(new Socket()).build();
    }
    if (path.startsWith("/response/")) {
      return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
    }
    if (!path.startsWith("/api/")) {
      return new MockResponse.Builder().code(404).build();
    }
    String method = path.substring("/api/".length());
    Map<String, String> p =
        FakeSlack.form(request.getBody() == null ? "" : request.getBody().utf8());
    ObjectNode out = JSON.createObjectNode().put("ok", true);
    switch (method) {
      case "auth.test" ->
          out.put("team_id", FakeSlack.TEAM)
              .put("team", "Emulated")
              .put("user_id", FakeSlack.BOT_USER)
              .put("bot_id", "BBOT0001")
              .put("user", "sift")
              .put("url", "https://emulated.slack.com/");
      case "apps.connections.open" ->
          out.put("url", server.url("/link/").toString().replace("http://", "ws://"));
      case "conversations.info" -> {
        String id = p.get("channel");
        out.putObject("channel")
            .put("id", id)
            .put("name", channels.getOrDefault(id, id))
            .put("is_channel", true)
            .put("is_private", false)
            .put("is_member", true);
      }
      case "users.info" -> {
        String id = p.get("user");
        ObjectNode u = out.putObject("user").put("id", id).put("name", id.toLowerCase());
        u.put("real_name", "Person " + id).put("is_bot", false);
        u.putObject("profile").put("display_name", id.toLowerCase()).put("real_name", id);
      }
      case "users.conversations", "conversations.list" -> {
        ArrayNode list = out.putArray("channels");
        channels.forEach(
            (id, name) ->
                list.addObject()
                    .put("id", id)
                    .put("name", name)
                    .put("is_channel", true)
                    .put("is_private", false)
                    .put("is_member", true));
        out.putObject("response_metadata").put("next_cursor", "");
      }
      case "conversations.history" -> {
        historyCalls.incrementAndGet();
        history(p, out);
      }
      case "conversations.replies" -> {
        historyCalls.incrementAndGet();
        replies(p, out);
      }
      case "chat.postMessage" -> {
        long micros = cardClock.addAndGet(1000);
        String ts = String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
        if (p.containsKey("blocks")) {
          ObjectNode post = JSON.createObjectNode();
          p.forEach(post::put);
          post.put("ts", ts);
          cardPosts.add(post);
        }
        // What the app posts is in the channel's history too, with its metadata.
        ObjectNode mine =
            JSON.createObjectNode()
                .put("type", "message")
                .put("subtype", "bot_message")
                .put("bot_id", "BBOT0001")
                .put("user", FakeSlack.BOT_USER)
                .put("text", p.getOrDefault("text", ""))
                .put("ts", ts)
                .put("channel", p.get("channel"));
        if (p.get("thread_ts") != null) {
          mine.put("thread_ts", p.get("thread_ts"));
        }
        if (p.get("metadata") != null) {
          try {
            mine.set("metadata", JSON.readTree(p.get("metadata")));
          } catch (IOException e) {
            throw new AssertionError("metadata is not JSON: " + p.get("metadata"), e);
          }
        }
        botPosts.add(mine);
        out.put("channel", p.get("channel")).put("ts", ts);
        out.putObject("message").put("ts", ts).put("text", p.getOrDefault("text", ""));
      }
      case "chat.getPermalink" ->
          out.put(
              "permalink",
              "https://emulated.slack.com/archives/"
                  + p.get("channel")
                  + "/p"
                  + p.getOrDefault("message_ts", "0").replace(".", ""));
      case "chat.update" -> out.put("channel", p.get("channel")).put("ts", p.get("ts"));
      default -> {}
    }
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(out.toString())
        .build();
  }

  /** Top-level messages from {@code oldest}, newest first, in pages. */
  private synchronized void history(Map<String, String> p, ObjectNode out) {
    long oldest = p.containsKey("oldest") ? micros(p.get("oldest")) : 0;
    long latest = p.containsKey("latest") ? micros(p.get("latest")) : Long.MAX_VALUE;
    boolean inclusive = "true".equals(p.get("inclusive")) || "1".equals(p.get("inclusive"));
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode m : truth.getOrDefault(p.get("channel"), new TreeMap<>()).values()) {
      long at = micros(m.path("ts").asText());
      String thread = m.path("thread_ts").asText(null);
      boolean top = thread == null || thread.equals(m.path("ts").asText());
      boolean inWindow =
          (at > oldest || (inclusive && at == oldest))
              && (at < latest || (inclusive && at == latest));
      if (top && inWindow) {
        found.add(m);
      }
    }
    found.sort(
        Comparator.comparingLong((ObjectNode m) -> micros(m.path("ts").asText())).reversed());
    page(found, p, out);
  }

  private synchronized void replies(Map<String, String> p, ObjectNode out) {
    String thread = p.get("ts");
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode m : truth.getOrDefault(p.get("channel"), new TreeMap<>()).values()) {
      if (thread.equals(m.path("thread_ts").asText(null)) || thread.equals(m.path("ts").asText())) {
        found.add(m);
      }
    }
    for (ObjectNode m : botPosts) {
      if (m.path("channel").asText().equals(p.get("channel"))
          && thread.equals(m.path("thread_ts").asText(null))) {
        found.add(m);
      }
    }
    found.sort(Comparator.comparingLong((ObjectNode m) -> micros(m.path("ts").asText())));
    if (found.isEmpty()) {
      out.removeAll();
      out.put("ok", false).put("error", "thread_not_found");
      return;
    }
    page(found, p, out);
  }

  /**
   * One page of {@code found} (already in the method's order), after the cursor: like Slack's, the
   * cursor names the last message given, so messages posted between pages shift nothing.
   */
  private static void page(List<ObjectNode> found, Map<String, String> p, ObjectNode out) {
    int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
    String cursor = p.get("cursor");
    int from = 0;
    if (cursor != null && !cursor.isEmpty()) {
      while (from < found.size() && !found.get(from).path("ts").asText().equals(cursor)) {
        from++;
      }
      from++;
    }
    ArrayNode messages = out.putArray("messages");
    int to = Math.min(found.size(), from + limit);
    for (int i = from; i < to; i++) {
      messages.add(found.get(i).deepCopy());
    }
    boolean more = to < found.size();
    out.put("has_more", more);
    out.putObject("response_metadata")
        .put("next_cursor", more ? found.get(to - 1).path("ts").asText() : "");
  }

  private String nextTs() {
    long micros = clock.addAndGet(1000 + random.nextInt(1000));
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static long micros(String ts) {
    int dot = ts.indexOf('.');
    return Long.parseLong(ts.substring(0, dot)) * 1_000_000L
        + Long.parseLong(ts.substring(dot + 1));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    deliverer.interrupt();
    server.close();
  }
}
