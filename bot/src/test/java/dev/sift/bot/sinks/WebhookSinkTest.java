package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook sink against a consumer on loopback that checks every signature the way the README
 * tells receivers to: events arrive signed, in order, as CloudEvents; a sink that fails gets them
 * again with back-off, in order; one it refuses goes to the dead letters, which {@code sift sinks
 * replay} sends again; nothing waiting is lost across a stop.
 */
class WebhookSinkTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  @TempDir Path data;
  private Receiver receiver;
  private Sinks sinks;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver(SECRET);
  }

  @AfterEach
  void stop() {
    if (sinks != null) {
      sinks.close();
    }
    receiver.close();
  }

  @Test
  void should_deliver_signed_cloud_events_in_order_with_the_event_id_as_idempotency_key()
      throws Exception {
    sinks = start(webhook("tickets", false, List.of()));

    for (int i = 1; i <= 20; i++) {
      sinks.publish(event("E" + i, "C0SUPPORT", "support", false));
    }

    await(() -> receiver.taken.size() == 20);
    assertThat(receiver.forged).isEmpty();
    assertThat(receiver.takenIds()).containsExactlyElementsOf(ids(1, 20));
    var first = receiver.requests.get(0);
    assertThat(first.getHeaders().get("Content-Type")).startsWith("application/cloudevents+json");
    assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo("E1");
    JsonNode e = receiver.taken.get(0);
    assertThat(e.path("specversion").asText()).isEqualTo("1.0");
    assertThat(e.path("type").asText()).isEqualTo("dev.sift.item.opened.v1");
    assertThat(e.path("source").asText()).isEqualTo("/sift/T0NORTH");
    assertThat(e.path("subject").asText()).isEqualTo("C0SUPPORT/1772700000.000100");
    assertThat(e.path("data").path("priority").asText()).isEqualTo("P1");
    assertThat(e.path("data").path("reasons").get(0).asText()).isEqualTo("says the site is down");
    assertThat(e.path("data").has("text")).as("include_text is off").isFalse();
  }

  @Test
  void should_retry_a_failing_sink_with_back_off_and_keep_the_order() throws Exception {
    receiver.answer(503, 500, 429);
    sinks = start(webhook("tickets", false, List.of()));

    for (int i = 1; i <= 5; i++) {
      sinks.publish(event("E" + i, "C0SUPPORT", "support", false));
    }

    await(() -> receiver.taken.size() == 5);
    // E1 was tried four times before the others were tried at all.
    assertThat(receiver.requests.stream().limit(4).map(r -> r.getHeaders().get("Idempotency-Key")))
        .containsOnly("E1");
    assertThat(receiver.takenIds()).containsExactlyElementsOf(ids(1, 5));
    assertThat(sinks.readings().get(0).failed()).isEqualTo(3);
    assertThat(sinks.readings().get(0).failingSince()).isNull();
  }

  @Test
  void should_set_aside_what_the_sink_refuses_and_send_it_again_on_replay() throws Exception {
    receiver.answer(400);
    SinkSettings hook = webhook("tickets", false, List.of());
    sinks = start(hook);

    sinks.publish(event("E1", "C0SUPPORT", "support", false));
    sinks.publish(event("E2", "C0SUPPORT", "support", false));

    await(() -> receiver.taken.size() == 1);
    assertThat(receiver.takenIds()).containsExactly("E2");
    assertThat(new SetAside(Sinks.folder(data, "tickets").resolve(Sinks.DEAD_LETTERS)).all())
        .singleElement()
        .satisfies(l -> assertThat(l.error()).contains("HTTP 400"));

    Sinks.Replayed replayed = Sinks.replayDeadLetters(hook, data, env(), http, Clock.systemUTC());

    assertThat(replayed.delivered()).isEqualTo(1);
    assertThat(replayed.left()).isZero();
    assertThat(receiver.takenIds()).containsExactly("E2", "E1");
    assertThat(new SetAside(Sinks.folder(data, "tickets").resolve(Sinks.DEAD_LETTERS)).all())
        .isEmpty();
  }

  @Test
  void should_keep_what_a_replay_still_cannot_deliver() throws Exception {
    receiver.answer(400, 404);
    SinkSettings hook = webhook("tickets", false, List.of());
    sinks = start(hook);
    sinks.publish(event("E1", "C0SUPPORT", "support", false));
    await(() -> receiver.requests.size() == 1);
    await(() -> sinks.readings().get(0).lag() == 0);

    Sinks.Replayed replayed = Sinks.replayDeadLetters(hook, data, env(), http, Clock.systemUTC());

    assertThat(replayed.delivered()).isZero();
    assertThat(replayed.errors()).singleElement().asString().contains("E1").contains("HTTP 404");
    assertThat(new SetAside(Sinks.folder(data, "tickets").resolve(Sinks.DEAD_LETTERS)).all())
        .hasSize(1);
  }

  @Test
  void should_deliver_after_a_restart_what_waited_when_sift_stopped() throws Exception {
    receiver.down(true);
    sinks = start(webhook("tickets", false, List.of()));
    for (int i = 1; i <= 10; i++) {
      sinks.publish(event("E" + i, "C0SUPPORT", "support", false));
    }
    await(() -> receiver.requests.size() >= 2);
    sinks.close();

    receiver.down(false);
    sinks = start(webhook("tickets", false, List.of()));

    await(() -> receiver.taken.size() == 10);
    assertThat(receiver.takenIds()).containsExactlyElementsOf(ids(1, 10));
  }

  @Test
  void should_send_text_only_where_allowed_and_no_words_from_a_private_channel_not_named()
      throws Exception {
    sinks =
        start(
            webhook("with-text", true, List.of("#client-acme")),
            webhook("ids-only", false, List.of()));

    sinks.publish(event("PUB", "C0SUPPORT", "support", false));
    sinks.publish(event("ACME", "G0ACME", "client-acme", true));
    sinks.publish(event("HR", "G0HR", "hr-cases", true));

    await(() -> receiver.taken.size() == 6);
    Map<String, JsonNode> withText = new LinkedHashMap<>();
    Map<String, JsonNode> idsOnly = new LinkedHashMap<>();
    for (var r : receiver.requests) {
      JsonNode n =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBody().toByteArray());
      (r.getUrl().encodedPath().endsWith("with-text") ? withText : idsOnly)
          .put(n.path("id").asText(), n.path("data"));
    }
    assertThat(withText.get("PUB").path("text").asText())
        .isEqualTo("the site is down for everyone");
    assertThat(withText.get("ACME").path("text").asText()).isNotEmpty();
    assertThat(withText.get("HR").has("text")).isFalse();
    assertThat(withText.get("HR").has("reasons")).isFalse();
    assertThat(withText.get("HR").path("priority").asText()).isEqualTo("P1");
    assertThat(idsOnly.values()).allSatisfy(d -> assertThat(d.has("text")).isFalse());
    assertThat(idsOnly.get("ACME").has("reasons")).isFalse();
    assertThat(idsOnly.get("PUB").has("reasons")).isTrue();
  }

  @Test
  void should_refuse_plain_http_to_another_host_and_a_missing_secret_with_the_sinks_name() {
    assertThatThrownBy(
            () ->
                new SinkSettings(
                    "tickets",
                    "webhook",
                    URI.create("http://hooks.example.com/sift"),
                    "SIFT_HOOK_SECRET",
                    Set.of(),
                    Set.of(),
                    List.of(),
                    false,
                    List.of(),
                    false,
                    null,
                    null,
                    null))
        .hasMessageContaining("sink 'tickets'")
        .hasMessageContaining("not HTTPS");
    SinkSettings hook = webhook("tickets", false, List.of());
    assertThatThrownBy(
            () ->
                Sinks.start(
                    List.of(hook), data, name -> null, http, Clock.systemUTC(), Duration.ZERO))
        .hasMessageContaining("sink 'tickets'")
        .hasMessageContaining(hook.secretEnv());
  }

  private Sinks start(SinkSettings... settings) {
    return Sinks.start(
        List.of(settings), data, env(), http, Clock.systemUTC(), Duration.ofMillis(20));
  }

  private static java.util.function.Function<String, String> env() {
    return name -> name.equals("SIFT_TEST_HOOK_SECRET") ? SECRET : null;
  }

  private SinkSettings webhook(String name, boolean includeText, List<String> allowPrivate) {
    return new SinkSettings(
        name,
        "webhook",
        URI.create(receiver.server.url("/" + name).toString()),
        "SIFT_TEST_HOOK_SECRET",
        Set.of(),
        Set.of(),
        List.of(),
        includeText,
        allowPrivate,
        false,
        null,
        null,
        null);
  }

  static SiftEvent event(String id, String channelId, String channelName, boolean isPrivate) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("item_id", channelId + "/1772700000.000100");
    data.put("channel_id", channelId);
    data.put("priority", "P1");
    data.put("category", "incident");
    data.put("reasons", List.of("says the site is down"));
    return new SiftEvent(
        id,
        SiftEvent.Type.ITEM_OPENED,
        "T0NORTH",
        Instant.parse("2026-03-05T09:00:00Z"),
        channelId + "/1772700000.000100",
        channelId,
        channelName,
        isPrivate,
        "incident",
        "P1",
        "the site is down for everyone",
        data);
  }

  private static List<String> ids(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> "E" + i).toList();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    await(condition, Duration.ofSeconds(20));
  }

  static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + patience);
      }
      Thread.sleep(10);
    }
  }
}
