package dev.sift.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Sift's meters, named as Prometheus users expect ({@code sift_…_total} for counters, {@code
 * _seconds} for times): events received and acked by type, ack latency, triage latency and
 * outcomes, Web API calls by method and error, rate limits, and gauges read at scrape time.
 */
public final class SiftMetrics {
  /** Buckets around Slack's 3 s ack deadline, and for triage. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(3),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The Prometheus text exposition of every meter, for {@code /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  /** An envelope or request from Slack arrived ({@code type}: the event type, or the kind). */
  public void received(String type) {
    Counter.builder("sift.events.received")
        .description("Events, commands and interactions received from Slack, by type")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** Sift acked one to Slack, {@code nanos} after it arrived. */
  public void acked(String type, long nanos) {
    Counter.builder("sift.events.acked")
        .description("Events, commands and interactions acked to Slack, by type")
        .tag("type", type)
        .register(registry)
        .increment();
    Timer.builder("sift.ack.latency")
        .description("Time from receiving an envelope to acking it (Slack allows 3 s)")
        .tag("type", type)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A message was triaged in {@code nanos}, with this verdict. */
  public void triaged(String category, String priority, long nanos) {
    Timer.builder("sift.triage")
        .description("Time to triage one message: embed, classify, prioritise, index")
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    Counter.builder("sift.messages.triaged")
        .description("Messages triaged, by category and priority")
        .tag("category", category)
        .tag("priority", priority)
        .register(registry)
        .increment();
  }

  /** A Web API call ended: {@code error} is Slack's error code, or {@code ok}. */
  public void slackCall(String method, String error) {
    Counter.builder("sift.slack.calls")
        .description("Slack Web API calls, by method and error (ok when they succeeded)")
        .tag("method", method)
        .tag("error", error)
        .register(registry)
        .increment();
  }

  /** Slack answered 429 and Sift waited {@code wait} before trying again. */
  public void rateLimited(String method, Duration wait) {
    Counter.builder("sift.slack.rate.limited")
        .description("Slack Web API calls answered 429, by method")
        .tag("method", method)
        .register(registry)
        .increment();
    Counter.builder("sift.slack.rate.limit.wait.seconds")
        .description("Seconds spent waiting as Slack's Retry-After asked")
        .tag("method", method)
        .register(registry)
        .increment(wait.toMillis() / 1000.0);
  }

  /** A new Socket Mode connection ({@code hello}); every one after the first is a reconnect. */
  public void connected(boolean first) {
    counter("sift.slack.connections", "Socket Mode connections opened (hello received)")
        .increment();
    if (!first) {
      counter("sift.slack.reconnects", "Socket Mode connections opened again after a drop")
          .increment();
    }
  }

  /** A gauge read at scrape time. */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** A gauge of a value in seconds ({@code _seconds} in Prometheus). */
  public void secondsGauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value)
        .description(description)
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /** A counter kept elsewhere, read at scrape time ({@code _total} in Prometheus). */
  public <T> void functionCounter(
      String name, String description, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value).description(description).register(registry);
  }

  /** A gauge read at scrape time, one series per tag value (a sink's name, say). */
  public <T> void gauge(
      String name,
      String description,
      String tag,
      String tagValue,
      T source,
      ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value)
        .description(description)
        .tag(tag, tagValue)
        .strongReference(true)
        .register(registry);
  }

  /** A counter kept elsewhere, one series per tag value. */
  public <T> void functionCounter(
      String name,
      String description,
      String tag,
      String tagValue,
      T source,
      ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value)
        .description(description)
        .tag(tag, tagValue)
        .register(registry);
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
