package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Everything Sift logs, at the levels it runs with, through an install, a refused redirect, a token
 * refresh, a failed refresh and an uninstall: no token, refresh token, code or client secret.
 */
class TokensNeverLoggedTest {
  private static final List<String> SECRETS =
      List.of(
          "pdFZKVeTuE8sk7oOcBrzbqgy",
          "MS0yLTE3NjUzNjcyNDgxLWZyZXNo",
          "My0xLTE3NjUzNjcyNDgxLW5leHQ",
          "old-refresh-secret",
          "code-secret-4644",
          "client-secret-3333");

  @TempDir Path data;
  private OAuthRig rig;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() throws Exception {
    logs.start();
    root.addAppender(logs);
    rig = new OAuthRig(data, Keys.newKey());
    new Uninstalls(
            Workspaces.installed(
                rig.tokens,
                com.slack.api.Slack.getInstance(rig.slack.config()),
                api -> {},
                dev.sift.bot.slack.Directory::new),
            rig.installations,
            rig.farewells,
            team -> {},
            InstallEvents.NONE,
            Duration.ofDays(30),
            rig.clock)
        .register(rig.app);
    rig.app.start();
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(logs);
    rig.close();
  }

  @Test
  void should_log_no_secret_through_install_refresh_and_uninstall() throws Exception {
    String cookie;
    try (Response r = rig.get("/slack/install", null)) {
      cookie = r.header("Set-Cookie").split(";")[0];
    }
    String state = cookie.split("=", 2)[1];
    try (Response r = rig.get("/slack/oauth_redirect?code=code-secret-4644&state=forged", cookie)) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = rig.get("/slack/install", null)) {
      cookie = r.header("Set-Cookie").split(";")[0];
      state = cookie.split("=", 2)[1];
    }
    rig.nextOAuthAccess("oauth-v2-access-workspace");
    try (Response r =
        rig.get("/slack/oauth_redirect?code=code-secret-4644&state=" + state, cookie)) {
      assertThat(r.code()).isEqualTo(200);
    }
    Installation installed = rig.store.find(null, "T0NORTH").orElseThrow();
    rig.store.save(
        installed.withToken(
            installed.botToken(), "old-refresh-secret", rig.clock.instant().plusSeconds(60)));
    rig.slack.fail("oauth.v2.access", "invalid_refresh_token", null);
    rig.tokens.current(null, "T0NORTH");
    rig.slack.heal("oauth.v2.access");
    rig.nextOAuthAccess("oauth-v2-access-rotating");
    rig.tokens.current(null, "T0NORTH");
    try (Response r = rig.postEvent(OAuthRig.fixture("app-uninstalled-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : logs.list) {
      lines.add(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    assertThat(String.join("\n", lines)).contains("installed", "refreshed", "app_uninstalled");
    for (String secret : SECRETS) {
      assertThat(lines).noneMatch(l -> l != null && l.contains(secret));
    }
  }
}
