package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.sift.bot.TestClock;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.FakeSlack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token rotation: an expiring token is refreshed once, however many callers want it at once. */
class TokenRotationTest {
  private static final String OLD = "xoxe.xoxb-1-old-token";
  private static final String FRESH = "xoxe.xoxb-1-MS0yLTE3NjUzNjcyNDgxLWZyZXNo";

  @TempDir Path data;
  private FakeSlack slack;
  private InstallationStore store;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-05T09:00:00Z"));
  private Tokens tokens;
  private Slack sdk;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    sdk = Slack.getInstance(slack.config());
    store = InstallationStore.open(data, Keys.env(Keys.newKey()));
    tokens = new Tokens(store, new SlackRefresher(sdk.methods(), OAuthRig.SETTINGS, clock), clock);
    store.save(
        Keys.team("T0NORTH", OLD)
            .withToken(OLD, "xoxe-1-old-refresh", clock.instant().plus(Duration.ofMinutes(10))));
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
  }

  private void slackRefreshesSlowly() throws Exception {
    slack.scriptNext(
        "oauth.v2.access",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .headersDelay(300, TimeUnit.MILLISECONDS)
            .body(OAuthRig.fixture("oauth-v2-access-rotating"))
            .build());
  }

  @Test
  void should_refresh_an_expiring_token_once_for_many_callers_at_once() throws Exception {
    slackRefreshesSlowly();
    int callers = 12;
    CyclicBarrier together = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<String>> got = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      got.add(
          pool.submit(
              () -> {
                together.await();
                return tokens.current(null, "T0NORTH").orElseThrow().botToken();
              }));
    }
    List<String> seen = new ArrayList<>();
    for (Future<String> f : got) {
      seen.add(f.get(20, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(slack.calls("oauth.v2.access")).hasSize(1);
    assertThat(slack.calls("oauth.v2.access").get(0).param("grant_type"))
        .isEqualTo("refresh_token");
    assertThat(slack.calls("oauth.v2.access").get(0).param("refresh_token"))
        .isEqualTo("xoxe-1-old-refresh");
    assertThat(seen).hasSize(callers).containsOnly(FRESH);
    Installation stored = store.find(null, "T0NORTH").orElseThrow();
    assertThat(stored.botToken()).isEqualTo(FRESH);
    assertThat(stored.refreshToken()).isEqualTo("xoxe-1-My0xLTE3NjUzNjcyNDgxLW5leHQ");
    assertThat(stored.expiresAt()).isEqualTo(clock.instant().plusSeconds(43200));
  }

  @Test
  void should_not_refresh_a_token_that_is_good_for_a_while_yet() {
    clock.advance(Duration.ofMinutes(-60)); // the token now has 70 minutes left

    assertThat(tokens.current(null, "T0NORTH").orElseThrow().botToken()).isEqualTo(OLD);
    assertThat(slack.calls("oauth.v2.access")).isEmpty();
  }

  @Test
  void should_refresh_before_a_scheduled_jobs_call_and_call_with_the_new_token() throws Exception {
    slackRefreshesSlowly();
    Workspaces workspaces = Workspaces.installed(tokens, sdk, api -> {}, Directory::new);
    var api = workspaces.of("T0NORTH").api();
    ExecutorService scheduler = Executors.newSingleThreadExecutor();

    scheduler
        .submit(
            () ->
                api.post(
                    "C0DIGEST",
                    "chat.postMessage",
                    m -> m.chatPostMessage(r -> r.channel("C0DIGEST").text("Daily digest"))))
        .get(20, TimeUnit.SECONDS);
    scheduler.shutdown();

    assertThat(slack.calls("oauth.v2.access")).hasSize(1);
    assertThat(slack.calls("chat.postMessage"))
        .extracting(FakeSlack.Call::token)
        .containsExactly(FRESH);
  }

  @Test
  void should_keep_using_a_still_valid_token_when_the_refresh_fails() {
    slack.fail("oauth.v2.access", "invalid_refresh_token", null);

    assertThat(tokens.current(null, "T0NORTH").orElseThrow().botToken()).isEqualTo(OLD);
    assertThat(store.find(null, "T0NORTH").orElseThrow().botToken()).isEqualTo(OLD);
  }
}
