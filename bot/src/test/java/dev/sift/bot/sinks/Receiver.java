package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A webhook consumer on loopback: answers each POST with the next scripted status (200 once the
 * script runs out), verifies every signature with {@link SpecVerifier}, and keeps what it took.
 */
public final class Receiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  private final SpecVerifier verifier;
  private final Deque<Integer> script = new ArrayDeque<>();

  /** Every request, accepted or not, in arrival order. */
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  /** The CloudEvents answered 2xx, in order. */
  public final List<JsonNode> taken = new CopyOnWriteArrayList<>();

  /** Requests whose signature did not verify. */
  public final List<RecordedRequest> forged = new CopyOnWriteArrayList<>();

  private volatile boolean down;

  public Receiver(String secret) throws IOException {
    this.verifier = new SpecVerifier(secret);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            requests.add(r);
            try {
              byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
              if (!verifier.accepts(
                  r.getHeaders().get(WebhookSigner.TIMESTAMP),
                  r.getHeaders().get(WebhookSigner.SIGNATURE),
                  body,
                  System.currentTimeMillis() / 1000)) {
                forged.add(r);
                return new MockResponse.Builder().code(401).build();
              }
              int code = next();
              if (code / 100 == 2) {
                taken.add(JSON.readTree(body));
              }
              return new MockResponse.Builder().code(code).build();
            } catch (Exception e) {
              return new MockResponse.Builder().code(500).body(e.toString()).build();
            }
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  /** The next requests get these statuses, in order. */
  synchronized Receiver answer(int... codes) {
    for (int c : codes) {
      script.add(c);
    }
    return this;
  }

  /** While down, every request gets 503: an outage. */
  public void down(boolean down) {
    this.down = down;
  }

  private synchronized int next() {
    if (down) {
      return 503;
    }
    Integer c = script.poll();
    return c == null ? 200 : c;
  }

  public String url() {
    return server.url("/sift").toString();
  }

  List<String> takenIds() {
    return taken.stream().map(n -> n.path("id").asText()).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
