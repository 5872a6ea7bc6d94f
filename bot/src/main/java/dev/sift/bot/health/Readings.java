package dev.sift.bot.health;

import dev.sift.bot.Sift;
import dev.sift.bot.alerts.Condition;
import dev.sift.bot.alerts.SlackErrors;
import dev.sift.bot.intake.CatchUps;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.Journal;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.metrics.SiftMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a running Sift says about itself, read from the parts that know: the details {@code /health}
 * shows, the gauges Prometheus scrapes, and the conditions the admin channel is told about.
 */
public final class Readings {
  private final Sift sift;
  private final Intake intake;
  private final WorkQueue queue;
  private final Journal journal;
  private final CatchUps catchUps;
  private final SlackConnection connection;
  private final SiftMetrics metrics;
  private final Supplier<Duration> commitAge;

  public Readings(
      Sift sift,
      Intake intake,
      WorkQueue queue,
      Journal journal,
      CatchUps catchUps,
      SlackConnection connection,
      SiftMetrics metrics,
      Supplier<Duration> commitAge) {
    this.sift = sift;
    this.intake = intake;
    this.queue = queue;
    this.journal = journal;
    this.catchUps = catchUps;
    this.connection = connection;
    this.metrics = metrics;
    this.commitAge = commitAge;
  }

  /** The details {@code /health} shows beside its status. */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("slack_down_seconds", connection.down().toSeconds());
    d.put("triaged", intake.triaged());
    d.put("oldest_queued_seconds", queue.oldestWait().toSeconds());
    d.put("spilled", intake.spilled());
    d.put("claiming", intake.claiming());
    d.put("shed", queue.shed());
    d.put("failed", intake.failed());
    d.put("journal_in_flight", journal.inFlight());
    var last = catchUps.last();
    d.put(
        "last_catch_up",
        new Health.Raw(
            last == null
                ? "null"
                : String.format(
                    "{\"channels\":%d,\"messages\":%d,\"calls\":%d}",
                    last.channels(), last.messages(), last.calls())));
    if (sift.cascade() != null) {
      var s = sift.cascade().stats().snapshot();
      d.put(
          "llm",
          new Health.Raw(
              String.format(
                  "{\"calls\":%d,\"input_tokens\":%d,\"output_tokens\":%d,"
                      + "\"failures\":%d,\"pending_retriage\":%d}",
                  s.calls(),
                  s.inputTokens(),
                  s.outputTokens(),
                  s.failures(),
                  sift.cascade().pendingRetriage())));
    }
    return d;
  }

  /** Registers the figures read when Prometheus scrapes. */
  public void registerGauges() {
    metrics.gauge("sift.queue.depth", "Events waiting for triage", queue, WorkQueue::size);
    metrics.secondsGauge(
        "sift.queue.oldest",
        "Seconds the longest-waiting queued event has waited",
        () -> queue.oldestWait().toMillis() / 1000.0);
    metrics.functionCounter(
        "sift.queue.shed",
        "Events set aside by a full queue (requeued later)",
        queue,
        q -> q.shed());
    metrics.gauge(
        "sift.journal.in.flight", "Acked events not yet committed", journal, Journal::inFlight);
    metrics.gauge("sift.index.documents", "Messages in the index", sift.index(), i -> i.size());
    metrics.secondsGauge(
        "sift.index.commit.age",
        "Seconds since the index last committed",
        () -> commitAge.get().toMillis() / 1000.0);
    metrics.gauge(
        "sift.slack.connected",
        "1 while Slack's connection is up",
        connection,
        c -> c.isConnected() ? 1 : 0);
    metrics.functionCounter(
        "sift.triage.failures",
        "Events given up after failed triage attempts",
        intake,
        Intake::failed);
    if (sift.cascade() != null) {
      var llm = sift.cascade();
      metrics.functionCounter(
          "sift.llm.calls", "LLM calls", llm, c -> c.stats().snapshot().calls());
      metrics.functionCounter(
          "sift.llm.failures", "LLM calls that failed", llm, c -> c.stats().snapshot().failures());
      metrics.functionCounter(
          "sift.llm.input.tokens",
          "LLM input tokens",
          llm,
          c -> c.stats().snapshot().inputTokens());
      metrics.functionCounter(
          "sift.llm.output.tokens",
          "LLM output tokens",
          llm,
          c -> c.stats().snapshot().outputTokens());
      metrics.gauge(
          "sift.llm.breaker.open",
          "1 while the LLM circuit breaker is open",
          sift,
          s -> Boolean.TRUE.equals(s.llmBreakerOpen()) ? 1 : 0);
    }
  }

  /**
   * What the admin channel is told about, each after its grace.
   *
   * @param socketMode whether a Socket Mode connection is expected to be up
   */
  public List<Condition> alertConditions(boolean socketMode, int capacity, SlackErrors errors) {
    return List.of(
        new Condition(
            "the Socket Mode connection",
            Duration.ofMinutes(1),
            () ->
                socketMode && !connection.isConnected()
                    ? Optional.of(
                        "Socket Mode is disconnected from Slack; events wait in Slack until it"
                            + " reconnects")
                    : Optional.empty()),
        new Condition(
            "the triage queue",
            Duration.ofMinutes(2),
            () ->
                queue.size() > capacity / 2
                    ? Optional.of(
                        "the triage queue is backed up: "
                            + queue.size()
                            + " events waiting (capacity "
                            + capacity
                            + ")")
                    : Optional.empty()),
        new Condition(
            "the LLM provider",
            Duration.ZERO,
            () ->
                Boolean.TRUE.equals(sift.llmBreakerOpen())
                    ? Optional.of(
                        "the LLM provider keeps failing and its circuit breaker is open; messages"
                            + " get the embedded verdict and are re-triaged once it answers")
                    : Optional.empty()),
        new Condition("Slack's answers", Duration.ZERO, errors::problem),
        new Condition(
            "index commits",
            Duration.ZERO,
            () -> {
              long age = commitAge.get().toSeconds();
              return age > 60
                  ? Optional.of(
                      "the index has not committed for " + age + " s (disk full? see the log)")
                  : Optional.empty();
            }));
  }
}
