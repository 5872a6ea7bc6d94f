package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.slack.Directory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace leaves: its tokens go with the event, its data after the grace period unless it
 * installs Sift again first; other workspaces are untouched.
 */
class UninstallTest {
  private static final Duration GRACE = Duration.ofDays(30);

  @TempDir Path data;
  private OAuthRig rig;
  private Workspaces workspaces;
  private Uninstalls uninstalls;
  private final List<String> forgotten = new CopyOnWriteArrayList<>();
  private final List<String> recorded = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    rig = new OAuthRig(data, Keys.newKey());
    rig.store.save(Keys.team("T0NORTH", "xoxb-north"));
    rig.store.save(Keys.team("T0SOUTH", "xoxb-south"));
    workspaces =
        Workspaces.installed(
            rig.tokens,
            com.slack.api.Slack.getInstance(rig.slack.config()),
            api -> {},
            Directory::new);
    // The audit trail, as the live app writes it: one line per uninstall and per forgetting.
    InstallEvents audit =
        new AuditedInstallEvents(
            (actor, action, target, details) ->
                recorded.add(actor + " " + action + " " + target + " " + details),
            InstallEvents.NONE);
    uninstalls =
        new Uninstalls(
            workspaces, rig.installations, rig.farewells, forgotten::add, audit, GRACE, rig.clock);
    uninstalls.register(rig.app);
    rig.app.start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_delete_the_workspaces_tokens_at_once_and_its_data_after_the_grace_period()
      throws Exception {
    var northApi = workspaces.of("T0NORTH").api();

    try (Response r = rig.postEvent(OAuthRig.fixture("app-uninstalled-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    assertThat(rig.store.find(null, "T0NORTH")).isEmpty();
    assertThat(rig.store.find(null, "T0SOUTH")).isPresent();
    assertThat(northApi.isRevoked()).isTrue();
    assertThat(rig.farewells.pending()).containsOnlyKeys("T0NORTH");

    uninstalls.runDue(rig.clock.instant().plus(GRACE).minusSeconds(60));
    assertThat(forgotten).isEmpty();

    uninstalls.runDue(rig.clock.instant().plus(GRACE));
    assertThat(forgotten).containsExactly("T0NORTH");
    assertThat(rig.farewells.pending()).isEmpty();
    assertThat(recorded)
        .containsExactly(
            "system uninstall T0NORTH {why=app_uninstalled}",
            "system workspace.forgotten T0NORTH {}");

    uninstalls.runDue(rig.clock.instant().plus(GRACE).plusSeconds(60));
    assertThat(forgotten).hasSize(1);
  }

  @Test
  void should_delete_the_tokens_when_the_bot_token_is_revoked_but_not_for_user_tokens_only()
      throws Exception {
    try (Response r = rig.postEvent(OAuthRig.fixture("tokens-revoked-user-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(rig.store.find(null, "T0NORTH")).isPresent();

    try (Response r = rig.postEvent(OAuthRig.fixture("tokens-revoked-bot-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(rig.store.find(null, "T0NORTH")).isEmpty();
    assertThat(recorded).containsExactly("system uninstall T0NORTH {why=tokens_revoked}");
  }

  @Test
  void should_keep_the_data_of_a_workspace_that_installs_again_within_the_grace_period()
      throws Exception {
    try (Response r = rig.postEvent(OAuthRig.fixture("app-uninstalled-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    try (Response start = rig.get("/slack/install", null)) {
      String cookie = start.header("Set-Cookie").split(";")[0];
      rig.nextOAuthAccess("oauth-v2-access-workspace");
      try (Response back =
          rig.get("/slack/oauth_redirect?code=c&state=" + cookie.split("=", 2)[1], cookie)) {
        assertThat(back.code()).isEqualTo(200);
      }
    }

    uninstalls.runDue(rig.clock.instant().plus(GRACE.multipliedBy(2)));

    assertThat(forgotten).isEmpty();
    assertThat(rig.store.find(null, "T0NORTH")).isPresent();
  }

  @Test
  void should_remember_a_pending_deletion_across_a_restart() throws Exception {
    try (Response r = rig.postEvent(OAuthRig.fixture("app-uninstalled-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    Farewells reread = new Farewells(data.resolve("farewells.json"));

    assertThat(reread.pending()).containsEntry("T0NORTH", rig.clock.instant().plus(GRACE));
  }
}
