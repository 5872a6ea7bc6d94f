package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.SlackSignature;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mode: Slack posts to /slack/events; only requests signed with the secret get in. */
class HttpModeTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  private FakeSlack slack;
  private Sift sift;
  private LiveApp app;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack().channel("C0SUPPORT", "support", false).user("U0ISA", "Isa");
    sift = new Sift(SiftConfig.defaults().withDataDir(data));
    app = LiveApp.start(sift, new LiveApp.Options("xoxb-test", null, SECRET, 0, slack.config()));
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    sift.close();
    slack.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void should_refuse_to_start_without_a_signing_secret_or_an_app_token() {
    assertThatThrownBy(() -> new LiveApp.Options("xoxb-test", null, null, 0, slack.config()))
        .hasMessageContaining("SLACK_SIGNING_SECRET");
    assertThatThrownBy(() -> new LiveApp.Options(null, "xapp", null, 0, slack.config()))
        .hasMessageContaining("SLACK_BOT_TOKEN");
  }

  @Test
  void should_answer_the_url_verification_challenge_when_signed() throws Exception {
    String body =
        "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
            + "\"type\":\"url_verification\"}";

    try (Response r = post(body, "application/json", sign(body, now()))) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string())
          .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }
  }

  @Test
  void should_triage_a_signed_event_and_post_its_card() throws Exception {
    String body =
        Envelopes.eventCallback(
                "EvH1",
                Envelopes.message(
                    "C0SUPPORT",
                    "U0ISA",
                    "1772700100.000100",
                    null,
                    "@here the client portal is down, 502 on login for everyone"))
            .toString();

    try (Response r = post(body, "application/json", sign(body, now()))) {
      assertThat(r.code()).isEqualTo(200);
    }
    FakeSlack.Call card =
        slack.awaitCall(
            "chat.postMessage", c -> "1772700100.000100".equals(c.param("thread_ts")), WAIT);
    assertThat(card.blocks()).contains("P1");
  }

  @Test
  void should_reject_forged_and_stale_signatures_with_401_and_do_nothing() throws Exception {
    String body =
        Envelopes.eventCallback(
                "EvH2",
                Envelopes.message(
                    "C0SUPPORT", "U0ISA", "1772700100.000100", null, "portal down, 502 on login"))
            .toString();
    String forged = new SlackSignature.Generator("not-the-secret").generate(now(), body);
    String stale = Long.toString(System.currentTimeMillis() / 1000 - 600);

    try (Response r = post(body, "application/json", new String[] {now(), forged})) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r = post(body, "application/json", sign(body, stale))) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r = post(body, "application/json", null)) {
      assertThat(r.code()).isEqualTo(401);
    }
    Thread.sleep(500);
    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void should_reject_replayed_future_malformed_tampered_and_oversized_requests_before_bolt()
      throws Exception {
    String body = outageEvent("EvH3", "1772700300.000100");
    String[] genuine = sign(body, now());
    String future = Long.toString(System.currentTimeMillis() / 1000 + 600);

    try (Response r = post(body, "application/json", genuine)) {
      assertThat(r.code()).as("the genuine request").isEqualTo(200);
    }
    try (Response r = post(body, "application/json", genuine)) {
      assertThat(r.code()).as("the same signed request again").isEqualTo(401);
    }
    String other = outageEvent("EvH4", "1772700400.000100");
    try (Response r = post(other, "application/json", sign(other, future))) {
      assertThat(r.code()).as("a timestamp ten minutes ahead").isEqualTo(401);
    }
    try (Response r = post(other, "application/json", new String[] {now(), "v0=nothex"})) {
      assertThat(r.code()).as("a malformed signature").isEqualTo(401);
    }
    try (Response r =
        post(other, "application/json", new String[] {"yesterday", "v0=" + "a".repeat(64)})) {
      assertThat(r.code()).as("a malformed timestamp").isEqualTo(401);
    }
    String[] signedOther = sign(other, now());
    String tampered = other.replace("portal", "p0rtal");
    try (Response r = post(tampered, "application/json", signedOther)) {
      assertThat(r.code()).as("a body changed after signing").isEqualTo(401);
    }
    String huge = "{\"type\":\"event_callback\",\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
    try (Response r = post(huge, "application/json", sign(huge, now()))) {
      assertThat(r.code()).as("a signed body over 1 MiB").isEqualTo(413);
    }

    slack.awaitCall(
        "chat.postMessage", c -> "1772700300.000100".equals(c.param("thread_ts")), WAIT);
    Thread.sleep(500);
    assertThat(slack.calls("chat.postMessage")).as("only the genuine request's card").hasSize(1);
    assertThat(
            sift.index()
                .find(
                    new dev.sift.triage.message.MessageKey(
                        FakeSlack.TEAM, "C0SUPPORT", "1772700400.000100")))
        .as("no refused event reached a listener")
        .isEmpty();
  }

  /**
   * Thousands of forged requests, each a genuine one spoilt one way (a byte of the body changed
   * after signing, a wrong secret, a signature digit, a timestamp past the five minutes either way
   * or not a number, a header missing, an accepted request sent again), mixed with genuine ones:
   * every forged one is refused and reaches no listener, every genuine one gets in.
   */
  @Test
  void should_refuse_every_forged_request_and_accept_every_genuine_one() throws Exception {
    java.util.concurrent.atomic.AtomicInteger forged =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger genuine =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> genuineTs = new ArrayList<>();
    List<String> forgedTs = new ArrayList<>();
    org.quicktheories.QuickTheory.qt()
        .withExamples(1_500)
        .forAll(
            org.quicktheories.generators.SourceDSL.integers().between(0, 8),
            org.quicktheories.generators.SourceDSL.integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert(
            (how, salt) -> {
              int n = forged.get() + genuine.get();
              String ts = String.format("17727%05d.%06d", n % 100_000, salt % 1_000_000);
              String body = outageEvent("EvF" + n + "-" + salt, ts);
              String[] sig = sign(body, now());
              String sent = body;
              long nowSecs = System.currentTimeMillis() / 1000;
              switch (how) {
                case 0 -> {} // genuine
                case 1 -> {
                  int at = salt % body.length();
                  char c = body.charAt(at);
                  sent =
                      body.substring(0, at)
                          + (char) (c == 'x' ? 'y' : 'x')
                          + body.substring(at + 1);
                }
                case 2 ->
                    sig[1] = new SlackSignature.Generator("not-" + salt).generate(sig[0], body);
                case 3 -> {
                  char[] hex = sig[1].toCharArray();
                  int at = 3 + salt % (hex.length - 3);
                  hex[at] = hex[at] == '0' ? '1' : '0';
                  sig[1] = new String(hex);
                }
                case 4 -> {
                  String t = Long.toString(nowSecs - 301 - salt % 100_000);
                  sig = sign(body, t);
                }
                case 5 -> {
                  String t = Long.toString(nowSecs + 301 + salt % 100_000);
                  sig = sign(body, t);
                }
                case 6 -> sig = sign(body, salt % 2 == 0 ? "" : "12e3" + salt);
                case 7 -> sig = null;
                default -> {
                  // Sent once as Slack signed it, then again: the copy is the forgery.
                  assertThat(code(body, sig)).isEqualTo(200);
                  genuine.incrementAndGet();
                  genuineTs.add(ts);
                }
              }
              {
                int code = code(sent, sig);
                boolean in = code / 100 == 2;
                if (how == 0) {
                  assertThat(in).as("genuine request %s refused: %d", ts, code).isTrue();
                  genuine.incrementAndGet();
                  genuineTs.add(ts);
                } else {
                  forged.incrementAndGet();
                  if (how != 8) {
                    forgedTs.add(ts);
                  }
                  if (in) {
                    accepted.incrementAndGet();
                  }
                  assertThat(in).as("forgery %d accepted: %s", how, sent).isFalse();
                }
              }
            });
    assertThat(app.awaitIdle(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    long storedForged =
        forgedTs.stream()
            .filter(
                ts ->
                    sift.index()
                        .find(
                            new dev.sift.triage.message.MessageKey(FakeSlack.TEAM, "C0SUPPORT", ts))
                        .isPresent())
            .count();
    long storedGenuine =
        genuineTs.stream()
            .filter(
                ts ->
                    sift.index()
                        .find(
                            new dev.sift.triage.message.MessageKey(FakeSlack.TEAM, "C0SUPPORT", ts))
                        .isPresent())
            .count();
    System.out.printf(
        "forged requests: %,d tried, %d accepted, %d reached a listener; genuine: %,d, %,d stored%n",
        forged.get(), accepted.get(), storedForged, genuine.get(), storedGenuine);
    assertThat(storedForged).as("forged events that reached a listener").isZero();
    assertThat(storedGenuine).as("genuine events stored").isEqualTo(genuine.get());
  }

  @Test
  void should_close_slow_clients_and_keep_serving_slack() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Socket s = new Socket("127.0.0.1", app.port());
        s.setSoTimeout(40_000);
        // Headers and half a body, then silence: a client holding a connection open.
        s.getOutputStream()
            .write(
                ("POST /slack/events HTTP/1.1\r\nHost: sift\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"type\":")
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        slow.add(s);
      }
      String body = outageEvent("EvH5", "1772700500.000100");
      try (Response r = post(body, "application/json", sign(body, now()))) {
        assertThat(r.code()).as("Slack is served beside the slow clients").isEqualTo(200);
      }
      for (Socket s : slow) {
        assertThat(closedByServer(s)).as("a slow client is cut off").isTrue();
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  private static boolean closedByServer(Socket s) {
    try {
      InputStream in = s.getInputStream();
      while (in.read() != -1) {
        // an error response before the close is fine
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  private static String outageEvent(String eventId, String ts) {
    return Envelopes.eventCallback(
            eventId,
            Envelopes.message(
                "C0SUPPORT", "U0ISA", ts, null, "@here the client portal is down, 502 on login"))
        .toString();
  }

  @Test
  void should_answer_a_signed_slash_command_in_the_response() throws Exception {
    String body =
        "token=t&team_id="
            + FakeSlack.TEAM
            + "&channel_id=C0SUPPORT&channel_name=support&user_id=U0ISA&user_name=isa"
            + "&command="
            + URLEncoder.encode("/triage", StandardCharsets.UTF_8)
            + "&text=help&response_url="
            + URLEncoder.encode(slack.responseUrl("cmd"), StandardCharsets.UTF_8)
            + "&trigger_id=trig";

    try (Response r = post(body, "application/x-www-form-urlencoded", sign(body, now()))) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).contains("ephemeral").contains("search");
    }
  }

  @Test
  void should_report_health() throws Exception {
    Request get = new Request.Builder().url("http://127.0.0.1:" + app.port() + "/health").build();
    // Ready (200) once the catch-up at start has run; 503 until then.
    FakeSlack.await(
        () -> {
          try (Response r = http.newCall(get).execute()) {
            return r.code() == 200;
          } catch (IOException e) {
            return false;
          }
        },
        Duration.ofSeconds(20));
    try (Response r = http.newCall(get).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).contains("\"status\":\"ok\"").contains("\"queued\"");
    }
  }

  private int code(String body, String[] signature) {
    try (Response r = post(body, "application/json", signature)) {
      return r.code();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Response post(String body, String type, String[] signature) throws IOException {
    Request.Builder b =
        new Request.Builder()
            .url("http://127.0.0.1:" + app.port() + "/slack/events")
            .post(RequestBody.create(body, MediaType.get(type)));
    if (signature != null) {
      b.header("X-Slack-Request-Timestamp", signature[0]).header("X-Slack-Signature", signature[1]);
    }
    return http.newCall(b.build()).execute();
  }

  private static String[] sign(String body, String timestamp) {
    return new String[] {timestamp, new SlackSignature.Generator(SECRET).generate(timestamp, body)};
  }

  private static String now() {
    return Long.toString(System.currentTimeMillis() / 1000);
  }
}
