package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.events;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Sift and its live app in Socket Mode against a {@link FakeSlack}, on the embedded
 * defaults: the set-up the end-to-end tests share, and what they do with it (send an event, wait,
 * run a slash command and read its answer as a person would).
 */
final class LiveRig implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  final FakeSlack slack;
  private final Path data;
  private Sift sift;
  private LiveApp app;
  private int envelopes;
  private String yaml;

  LiveRig(FakeSlack slack, Path data) {
    this.slack = slack;
    this.data = data;
  }

  /** Runs on this sift.yml instead of the embedded defaults. */
  LiveRig config(String yaml) {
    this.yaml = yaml;
    return this;
  }

  /** Starts Sift (again, after {@link #stopApp}) and waits for Socket Mode to connect. */
  LiveRig start() throws Exception {
    int before = slack.connections();
    SiftConfig config =
        yaml == null ? SiftConfig.defaults() : ConfigLoader.parse(yaml, "sift.yml", data);
    sift = new Sift(config.withDataDir(data));
    app =
        LiveApp.start(sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()));
    assertThat(slack.awaitConnection(before, WAIT)).as("Socket Mode connected").isTrue();
    return this;
  }

  /** Stops the app and Sift, keeping the fake Slack and the data dir. */
  void stopApp() {
    app.close();
    sift.close();
    app = null;
  }

  Sift sift() {
    return sift;
  }

  LiveApp app() {
    return app;
  }

  /** Sends an event callback in a new envelope; returns the envelope's id. */
  String send(ObjectNode callback) {
    String env = "env-" + ++envelopes;
    slack.send(events(env, callback, 0));
    return env;
  }

  /** Waits until the message is stored and nothing is left to do. */
  void awaitStored(MessageKey key) throws InterruptedException {
    assertThat(FakeSlack.await(() -> sift.index().find(key).isPresent(), WAIT))
        .as("%s stored", key)
        .isTrue();
    idle();
  }

  void idle() throws InterruptedException {
    assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code /triage <text>} as {@code user} in {@code channel}; what the person sees. */
  String command(String text, String user, String channel) throws InterruptedException {
    String env = "env-" + ++envelopes;
    slack.send(Envelopes.slashCommand(env, text, user, channel, slack.responseUrl(env)));
    return slack.commandAnswer(env, WAIT).toString();
  }

  @Override
  public void close() throws Exception {
    if (app != null) {
      stopApp();
    }
    slack.close();
  }
}
