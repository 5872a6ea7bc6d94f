package dev.sift.bot.sinks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Every configured sink, each with its outbox and delivery thread: an event is added to the outbox
 * of each sink whose filters take it, shaped for that sink (text and a private channel's words only
 * where allowed).
 */
public final class Sinks implements AutoCloseable {
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
    return start(settings, dataDir, env, http, clock, SinkRunner.FIRST_WAIT);
  }

  static Sinks start(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      OkHttpClient http,
      Clock clock,
      Duration firstWait) {
    List<SinkRunner> runners = new ArrayList<>();
    try {
      for (SinkSettings s : settings) {
        Path dir = folder(dataDir, s.name());
        runners.add(
            new SinkRunner(
                s,
                Outbox.open(dir.resolve("outbox")),
                transport(s, env, http, clock),
                new SetAside(dir.resolve("dead-letters.jsonl")),
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
      SinkSettings s, Function<String, String> env, OkHttpClient http, Clock clock) {
    String secret = s.secretEnv() == null ? null : env.apply(s.secretEnv());
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "sink '"
              + s.name()
              + "': set its signing secret in the environment variable named by secret_env"
              + (s.secretEnv() == null ? "" : " (" + s.secretEnv() + ")"));
    }
    return new WebhookTransport(s.url(), new WebhookSigner(secret), http, clock);
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

  public boolean isEmpty() {
    return runners.isEmpty();
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
