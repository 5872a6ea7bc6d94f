package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.events;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live app's /metrics and /health, scraped as Prometheus and an orchestrator would. */
class ObservabilityTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUPPORT = "C0SUPPORT";
  private static final String OUTAGE =
      "@here the client portal is down, login returns 502 Bad Gateway for everyone";

  @TempDir Path data;
  private FakeSlack slack;
  private LiveRig rig;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    rig =
        new LiveRig(new FakeSlack().channel(SUPPORT, "support", false).user("U0ISA", "Isa"), data)
            .start();
    slack = rig.slack;
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_expose_prometheus_metrics_for_events_acks_triage_and_slack_calls() throws Exception {
    slack.scriptNext(
        "chat.postMessage",
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "1")
            .body("{\"ok\":false,\"error\":\"ratelimited\"}")
            .build());
    slack.send(
        events(
            "env-1",
            eventCallback("Ev01", message(SUPPORT, "U0ISA", "1772700100.000100", null, OUTAGE)),
            0));
    assertThat(slack.awaitAck("env-1", WAIT)).isTrue();
    slack.send(Envelopes.slashCommand("env-2", "help", "U0ISA", SUPPORT, slack.responseUrl("h")));
    assertThat(slack.awaitAck("env-2", WAIT)).isTrue();
    slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") != null, WAIT);
    assertThat(rig.app().awaitIdle(30, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> scrape = get("/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    var metrics = PrometheusText.parse(scrape.body());
    assertThat(value(metrics, "sift_events_received_total", Map.of("type", "message")))
        .isEqualTo(1);
    assertThat(value(metrics, "sift_events_received_total", Map.of("type", "slash_commands")))
        .isEqualTo(1);
    assertThat(value(metrics, "sift_events_acked_total", Map.of("type", "message"))).isEqualTo(1);
    assertThat(value(metrics, "sift_ack_latency_seconds_count", Map.of("type", "message")))
        .isEqualTo(1);
    assertThat(value(metrics, "sift_ack_latency_seconds_count", Map.of("type", "slash_commands")))
        .isEqualTo(1);
    assertThat(metrics.get("sift_ack_latency_seconds").type()).isEqualTo("histogram");
    assertThat(
            value(
                metrics,
                "sift_messages_triaged_total",
                Map.of("category", "incident", "priority", "P1")))
        .isEqualTo(1);
    assertThat(value(metrics, "sift_triage_seconds_count", Map.of())).isEqualTo(1);
    assertThat(
            value(
                metrics,
                "sift_slack_calls_total",
                Map.of("method", "chat.postMessage", "error", "ok")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(metrics, "sift_slack_calls_total", Map.of("method", "auth.test", "error", "ok")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(metrics, "sift_slack_rate_limited_total", Map.of("method", "chat.postMessage")))
        .isEqualTo(1);
    assertThat(value(metrics, "sift_queue_depth", Map.of())).isZero();
    assertThat(value(metrics, "sift_queue_oldest_seconds", Map.of())).isZero();
    assertThat(value(metrics, "sift_index_documents", Map.of())).isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "sift_slack_connected", Map.of())).isEqualTo(1);
    assertThat(metrics).containsKeys("sift_index_commit_age_seconds", "sift_queue_shed_total");
  }

  @Test
  void should_be_live_and_ready_once_connected_and_caught_up_on_loopback_only() throws Exception {
    assertThat(
            FakeSlack.await(() -> unchecked(() -> get("/health/ready").statusCode() == 200), WAIT))
        .as("ready")
        .isTrue();

    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"slack_connected\":true");
    assertThat(health.body()).contains("\"oldest_queued_seconds\":0");
    assertThat(get("/health/nonsense").statusCode()).isEqualTo(404);
    assertThat(rig.app().address().getAddress().isLoopbackAddress())
        .as("bound to loopback")
        .isTrue();
  }

  private static double value(
      Map<String, PrometheusText.Family> metrics, String name, Map<String, String> labels) {
    return PrometheusText.value(metrics, name, labels);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.app().port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private interface Check {
    boolean run() throws Exception;
  }

  private static boolean unchecked(Check c) {
    try {
      return c.run();
    } catch (Exception e) {
      return false;
    }
  }
}
