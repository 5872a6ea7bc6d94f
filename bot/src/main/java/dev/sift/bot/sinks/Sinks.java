package dev.sift.bot.sinks;

import dev.sift.bot.alerts.Condition;
import dev.sift.bot.metrics.SiftMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Every configured sink, each with its outbox and delivery thread: an event is added to the outbox
 * of each sink whose filters take it, shaped for that sink (text and a private channel's words only
 * where allowed).
 */
public final class Sinks implements AutoCloseable {
  /** A sink's dead-letter file, in its folder {@code data_dir/sinks/<name>/}. */
  public static final String DEAD_LETTERS = "dead-letters.jsonl";

  private final List<SinkRunner> runners;

  private Sinks(List<SinkRunner> runners) {
    this.runners = runners;
  }

  /** No sinks: events go nowhere. */
  public static Sinks none() {
    return new Sinks(List.of());
  }

  /**
   * Opens each sink's outbox under {@code dataDir/sinks/<name>} and starts delivering what waits
   * there.
   *
   * @param env the environment, for each sink's {@code secret_env}
   * @throws IllegalArgumentException naming the sink whose secret is missing
   */
  public static Sinks start(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock) {
    return start(settings, dataDir, env, http, clock, IssueLinked.NONE);
  }

  /**
   * @param linked told when a Jira sink created an item's issue, to show it on the item's card
   */
  public static Sinks start(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock,
      IssueLinked linked) {
    return start(settings, dataDir, env, http, clock, SinkRunner.FIRST_WAIT, linked);
  }

  static Sinks start(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock,
      Duration firstWait) {
    return start(settings, dataDir, env, http, clock, firstWait, IssueLinked.NONE);
  }

  static Sinks start(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock,
      Duration firstWait,
      IssueLinked linked) {
    List<SinkRunner> runners = new ArrayList<>();
    try {
      for (SinkSettings s : settings) {
        Path dir = folder(dataDir, s.name());
        runners.add(
            new SinkRunner(
                s,
                Outbox.open(dir.resolve("outbox")),
                transport(s, dir, env, http, clock, linked),
                new SetAside(dir.resolve(DEAD_LETTERS)),
                clock,
                firstWait));
      }
    } catch (RuntimeException e) {
      runners.forEach(SinkRunner::close);
      throw e;
    }
    return new Sinks(List.copyOf(runners));
  }

  static Transport transport(
      SinkSettings s,
      Path dir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock,
      IssueLinked linked) {
    String secret = s.secretEnv() == null ? null : env.apply(s.secretEnv());
    boolean secretNeeded = !s.type().equals("kafka") || s.secretEnv() != null;
    if (secretNeeded && (secret == null || secret.isBlank())) {
      throw new IllegalArgumentException(
          "sink '"
              + s.name()
              + "': set its "
              + (switch (s.type()) {
                case "webhook" -> "signing secret";
                case "jira" -> "API token";
                default -> "secret";
              })
              + " in the environment variable named by secret_env"
              + (s.secretEnv() == null ? "" : " (" + s.secretEnv() + " is not set)"));
    }
    return switch (s.type()) {
      case "webhook" -> new WebhookTransport(s.url(), new WebhookSigner(secret), http, clock);
      case "kafka" -> new KafkaTransport(KafkaProducerSettings.of(s.name(), s.kafka(), secret));
      case "jira" ->
          new JiraTransport(
              s.name(),
              s.jira(),
              new JiraClient(s.url(), s.jira().user(), secret, http),
              JiraIssues.in(dir),
              linked);
      default ->
          throw new IllegalArgumentException(
              "sink '" + s.name() + "': type " + s.type() + " is not available in this build");
    };
  }

  static Path folder(Path dataDir, String sink) {
    return dataDir.resolve("sinks").resolve(sink);
  }

  /** Adds the event to the outbox of every sink that takes it; durable when this returns. */
  public void publish(SiftEvent e) {
    for (SinkRunner r : runners) {
      if (r.settings().takes(e)) {
        r.enqueue(EventEnvelope.json(e, r.settings()));
      }
    }
  }

  /**
   * {@code sift sinks replay}: offers a sink's dead letters to it again, oldest first, and keeps
   * those it still does not take. Safe beside a running {@code sift run} (the file is locked).
   *
   * @return how many were delivered and how many still wait
   */
  public static Replayed replayDeadLetters(
      SinkSettings s, Path dataDir, Function<String, String> env, OkHttpClient http, Clock clock) {
    SetAside letters = new SetAside(folder(dataDir, s.name()).resolve(DEAD_LETTERS));
    try (Transport transport =
        transport(s, folder(dataDir, s.name()), env, http, clock, IssueLinked.NONE)) {
      java.util.List<String> errors = new java.util.ArrayList<>();
      int sent =
          letters.replay(
              l -> {
                Transport.Result r = transport.send(Outgoing.of(l.payload()));
                if (r.outcome() != Transport.Outcome.DELIVERED) {
                  errors.add(l.id() + ": " + r.detail());
                }
                return r.outcome() == Transport.Outcome.DELIVERED;
              });
      return new Replayed(s.name(), sent, errors.size(), List.copyOf(errors));
    }
  }

  /** What a replay of dead letters did. */
  public record Replayed(String sink, int delivered, int left, List<String> errors) {}

  /**
   * Waits until every sink's outbox is empty, or until each sink still holding events has failed
   * for {@code patience}; returns how many events still wait (they go with the next start).
   */
  public int drain(Duration patience) throws InterruptedException {
    while (true) {
      int waiting = 0;
      boolean hope = false;
      for (SinkRunner r : runners) {
        waiting += r.lag();
        java.time.Instant since = r.failingSince();
        hope |=
            r.lag() > 0
                && (since == null
                    || Duration.between(since, java.time.Instant.now()).compareTo(patience) < 0);
      }
      if (waiting == 0 || !hope) {
        return waiting;
      }
      Thread.sleep(50);
    }
  }

  public boolean isEmpty() {
    return runners.isEmpty();
  }

  /** Registers each sink's figures, read when Prometheus scrapes ({@code sink} label). */
  public void registerMetrics(SiftMetrics metrics) {
    for (SinkRunner r : runners) {
      String n = r.settings().name();
      metrics.functionCounter(
          "sift.sink.sent", "Events a sink took", "sink", n, r, SinkRunner::sent);
      metrics.functionCounter(
          "sift.sink.failed",
          "Deliveries a sink failed or refused (each retry counts)",
          "sink",
          n,
          r,
          SinkRunner::failed);
      metrics.gauge("sift.sink.lag", "Events waiting for a sink", "sink", n, r, SinkRunner::lag);
      metrics.gauge(
          "sift.sink.lag.seconds",
          "How long the oldest event waiting for a sink has waited",
          "sink",
          n,
          r,
          x -> x.oldestWait().toMillis() / 1000.0);
      metrics.gauge(
          "sift.sink.dead.letters",
          "Events set aside for `sift sinks replay`",
          "sink",
          n,
          r,
          SinkRunner::deadLetters);
    }
  }

  /**
   * One admin alert per sink: told once it has failed every delivery for {@code grace}, with the
   * last error and how much waits; the all-clear comes when it takes events again.
   */
  public List<Condition> alertConditions(Duration grace) {
    return runners.stream()
        .map(
            r ->
                new Condition(
                    "the sink " + r.settings().name(),
                    grace,
                    () ->
                        r.failingSince() == null
                            ? Optional.<String>empty()
                            : Optional.of(
                                "the sink '"
                                    + r.settings().name()
                                    + "' has failed every delivery since "
                                    + r.failingSince()
                                    + " ("
                                    + r.lastError()
                                    + "); "
                                    + r.lag()
                                    + " events wait in its outbox and are sent in order once it"
                                    + " answers")))
        .toList();
  }

  /** Per sink: name, sent, failed, lag, failing since (for metrics, health and alerts). */
  public List<Reading> readings() {
    return runners.stream()
        .map(r -> new Reading(r.settings().name(), r.sent(), r.failed(), r.lag(), r.failingSince()))
        .toList();
  }

  /** One sink's figures. */
  public record Reading(
      String sink, long sent, long failed, int lag, java.time.Instant failingSince) {}

  @Override
  public void close() {
    runners.forEach(SinkRunner::close);
  }
}
