package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.audit.AuditEntry;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API through the live app, as an on-call tool calls it: acknowledge and resolve an item
 * as the card's buttons do (the card follows, the audit log says which integration did it), and
 * every wrong call refused without changing anything.
 */
class ItemsApiTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";
  // Any variable set wherever the tests run (and long enough) serves as the bearer token.
  private static final String TOKEN_ENV = "PATH";
  private static final String TOKEN = System.getenv(TOKEN_ENV);
  private static final String ITEM = FakeSlack.TEAM + "/" + SUPPORT + "/1772700100.000100";

  @TempDir Path data;
  private LiveRig rig;
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void should_acknowledge_and_resolve_an_item_like_the_cards_buttons() throws Exception {
    start(60);
    openItem();

    try (Response r = post("/api/items/" + ITEM + "/ack?user=U0PRIYA", TOKEN)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string())
          .contains("\"status\":\"acknowledged\"")
          .contains("\"owner\":\"U0PRIYA\"");
    }
    rig.slack.awaitCall("chat.update", c -> c.blocks().contains("<@U0PRIYA>"), LiveRig.WAIT);
    try (Response r = post("/api/items/" + ITEM.replace("/", "%2F") + "/resolve", TOKEN)) {
      assertThat(r.code()).as("an id with its slashes encoded").isEqualTo(200);
    }

    assertThat(rig.sift().index().find(MessageKey.parse(ITEM)).orElseThrow().status())
        .isEqualTo(Status.RESOLVED);
    assertThat(audit("api."))
        .containsExactly(
            "api:oncall api.ack " + ITEM + " {\"user\":\"U0PRIYA\",\"outcome\":\"acknowledged\"}",
            "api:oncall api.resolve " + ITEM + " {\"outcome\":\"resolved\"}");
  }

  @Test
  void should_refuse_wrong_calls_and_change_nothing() throws Exception {
    start(60);
    openItem();

    assertThat(code(post("/api/items/" + ITEM + "/ack", null))).isEqualTo(401);
    assertThat(code(post("/api/items/" + ITEM + "/ack", TOKEN + "x"))).isEqualTo(401);
    assertThat(code(post("/api/items/" + ITEM + "/ack", TOKEN.substring(1)))).isEqualTo(401);
    assertThat(code(post("/api/items/T0OTHER/C0SUPPORT/1772700100.000100/ack", TOKEN)))
        .as("another workspace's item")
        .isEqualTo(404);
    assertThat(code(post("/api/items/" + FakeSlack.TEAM + "/C0SUPPORT/1.2/ack", TOKEN)))
        .isEqualTo(404);
    assertThat(code(post("/api/items/not-an-id/ack", TOKEN))).isEqualTo(404);
    assertThat(code(post("/api/items/" + ITEM + "/delete", TOKEN))).isEqualTo(404);
    assertThat(code(post("/api/items/" + ITEM + "/ack?user=<!channel>", TOKEN))).isEqualTo(400);
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(url("/api/items/" + ITEM + "/ack"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build())
            .execute()) {
      assertThat(r.code()).as("GET").isEqualTo(405);
    }

    assertThat(rig.sift().index().find(MessageKey.parse(ITEM)).orElseThrow().status())
        .isEqualTo(Status.OPEN);
    assertThat(audit("api.refused")).hasSize(3).allMatch(l -> l.startsWith("api:unknown"));
  }

  @Test
  void should_answer_429_past_the_integrations_rate_and_409_to_ack_a_resolved_item()
      throws Exception {
    start(3);
    openItem();

    assertThat(code(post("/api/items/" + ITEM + "/resolve", TOKEN))).isEqualTo(200);
    assertThat(code(post("/api/items/" + ITEM + "/ack", TOKEN))).isEqualTo(409);
    assertThat(code(post("/api/items/" + ITEM + "/resolve", TOKEN))).isEqualTo(200);
    try (Response r = post("/api/items/" + ITEM + "/resolve", TOKEN)) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 20);
    }
  }

  @Test
  void should_refuse_to_start_when_an_integrations_token_is_not_set() {
    rig =
        new LiveRig(slack(), data)
            .config(
                """
                api:
                  integrations:
                    - name: oncall
                      token_env: SIFT_TEST_TOKEN_THAT_IS_NOT_SET
                """);
    assertThatThrownBy(rig::start)
        .hasMessageContaining("api integration 'oncall'")
        .hasMessageContaining("SIFT_TEST_TOKEN_THAT_IS_NOT_SET");
  }

  private void start(int perMinute) throws Exception {
    assertThat(TOKEN).as("the test's token").hasSizeGreaterThan(24);
    rig =
        new LiveRig(slack(), data)
            .config(
                """
                api:
                  requests_per_minute: %d
                  integrations:
                    - name: oncall
                      token_env: %s
                """
                    .formatted(perMinute, TOKEN_ENV))
            .start();
  }

  private static FakeSlack slack() {
    try {
      return new FakeSlack()
          .channel(SUPPORT, "support", false)
          .user("U0ISA", "Isa")
          .user("U0PRIYA", "Priya");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void openItem() throws Exception {
    rig.send(eventCallback("Ev1", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE)));
    rig.awaitStored(MessageKey.parse(ITEM));
    rig.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, LiveRig.WAIT);
  }

  private Response post(String path, String token) throws IOException {
    Request.Builder b =
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create("", MediaType.get("application/json")));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.newCall(b.build()).execute();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + rig.app().port() + path;
  }

  private static int code(Response r) {
    try (r) {
      return r.code();
    }
  }

  private List<String> audit(String actionPrefix) {
    return AuditEntry.read(data.resolve("audit.jsonl"), e -> e.action().startsWith(actionPrefix))
        .stream()
        .map(e -> e.actor() + " " + e.action() + " " + e.target() + " " + e.details())
        .toList();
  }
}
