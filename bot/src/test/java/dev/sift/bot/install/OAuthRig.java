package dev.sift.bot.install;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.sift.bot.TestClock;
import dev.sift.bot.health.Health;
import dev.sift.bot.http.HttpEndpoint;
import dev.sift.bot.http.RequestSignature;
import dev.sift.bot.slack.FakeSlack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real Bolt app made an OAuth app by {@link OAuthInstall}, behind Sift's HTTP endpoint, against
 * a {@link FakeSlack}: what the OAuth tests share. The HTTP client follows no redirects and keeps
 * no cookies, so each test shows what a browser would send.
 */
final class OAuthRig implements AutoCloseable {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final OAuthSettings SETTINGS =
      new OAuthSettings(
          "1111.2222",
          "client-secret-3333",
          "https://sift.example.com/slack/oauth_redirect",
          null,
          null);

  final FakeSlack slack;
  final TestClock clock = new TestClock(Instant.parse("2026-03-05T09:00:00Z"));
  final InstallationStore store;
  final Tokens tokens;
  final Farewells farewells;
  final SealedInstallations installations;

  /** The audit trail of installs, as {@code actor action target details} lines. */
  final java.util.List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();

  final App app;
  private final Slack sdk;
  private final HttpEndpoint endpoint;
  final OkHttpClient http =
      new OkHttpClient.Builder().followRedirects(false).callTimeout(Duration.ofSeconds(20)).build();

  OAuthRig(Path data, String key) throws IOException {
    slack = new FakeSlack();
    store = InstallationStore.open(data, Keys.env(key));
    sdk = Slack.getInstance(slack.config());
    tokens = new Tokens(store, new SlackRefresher(sdk.methods(), SETTINGS, clock), clock);
    app =
        new App(
            OAuthInstall.configure(AppConfig.builder().slack(sdk).signingSecret(SECRET), SETTINGS)
                .build());
    farewells = new Farewells(data.resolve("farewells.json"));
    installations =
        new SealedInstallations(
            store,
            tokens,
            new AuditedInstallEvents(
                (actor, action, target, details) ->
                    audited.add(actor + " " + action + " " + target + " " + details),
                InstallEvents.NONE),
            farewells);
    OAuthInstall.attach(app, installations, new OneTimeStates(clock));
    endpoint =
        new HttpEndpoint(
            "127.0.0.1",
            0,
            app,
            new RequestSignature(SECRET, Clock.systemUTC()),
            new Health(
                () -> true,
                () -> true,
                () -> false,
                () -> 0,
                () -> Duration.ZERO,
                () -> false,
                Map::of),
            () -> false,
            () -> "");
  }

  /** Slack's next answer to oauth.v2.access: the fixture {@code install/<name>.json}. */
  void nextOAuthAccess(String name) throws IOException {
    slack.scriptNext(
        "oauth.v2.access",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .body(fixture(name))
            .build());
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = OAuthRig.class.getResourceAsStream("/install/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Response get(String pathAndQuery, String cookie) throws IOException {
    Request.Builder r = new Request.Builder().url(url(pathAndQuery));
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    return http.newCall(r.build()).execute();
  }

  /** Posts a body to /slack/events signed as Slack would. */
  Response postEvent(String body) throws IOException {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    String signature = new SlackSignature.Generator(SECRET).generate(ts, body);
    return http.newCall(
            new Request.Builder()
                .url(url("/slack/events"))
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build())
        .execute();
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + endpoint.port() + pathAndQuery;
  }

  @Override
  public void close() throws Exception {
    endpoint.close();
    app.stop();
    slack.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
