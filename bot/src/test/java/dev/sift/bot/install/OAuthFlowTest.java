package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.event.AppMentionEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Installing by OAuth through the real Bolt app: the install link issues a state, only a fresh,
 * unused state from the same browser gets an installation stored, and an org install serves every
 * workspace of the org.
 */
class OAuthFlowTest {
  @TempDir Path data;
  private final String key = Keys.newKey();
  private OAuthRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new OAuthRig(data, key);
    rig.app.start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** What a browser gets from /slack/install: Slack's authorize URL and the state's cookie. */
  private record Started(String state, String cookie, URI authorize) {}

  private Started install() throws Exception {
    try (Response r = rig.get("/slack/install", null)) {
      assertThat(r.code()).isEqualTo(302);
      URI location = URI.create(r.header("Location"));
      String state = param(location, "state");
      String cookie = r.header("Set-Cookie").split(";")[0];
      return new Started(state, cookie, location);
    }
  }

  @Test
  void should_send_the_installer_to_slack_with_a_fresh_state_in_the_url_and_a_cookie()
      throws Exception {
    Started first = install();
    Started second = install();

    assertThat(first.authorize().getHost()).isEqualTo("slack.com");
    assertThat(first.authorize().getPath()).isEqualTo("/oauth/v2/authorize");
    assertThat(param(first.authorize(), "client_id")).isEqualTo("1111.2222");
    assertThat(param(first.authorize(), "scope"))
        .contains("channels:history")
        .contains("chat:write");
    assertThat(param(first.authorize(), "redirect_uri"))
        .isEqualTo("https://sift.example.com/slack/oauth_redirect");
    assertThat(first.state()).isNotBlank().isNotEqualTo(second.state());
    assertThat(first.cookie()).isEqualTo("slack-app-oauth-state=" + first.state());
  }

  @Test
  void should_store_the_installation_encrypted_after_a_good_redirect() throws Exception {
    Started started = install();
    rig.nextOAuthAccess("oauth-v2-access-workspace");

    try (Response r =
        rig.get(
            "/slack/oauth_redirect?code=4724469134.4644.b3d&state=" + started.state(),
            started.cookie())) {
      assertThat(r.code()).isEqualTo(200);
    }

    var access = rig.slack.calls("oauth.v2.access");
    assertThat(access).hasSize(1);
    assertThat(access.get(0).param("code")).isEqualTo("4724469134.4644.b3d");
    assertThat(rig.store.find(null, "T0NORTH"))
        .hasValueSatisfying(
            i -> {
              assertThat(i.botToken())
                  .isEqualTo("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy");
              assertThat(i.botUserId()).isEqualTo("U0SIFTBOT");
              assertThat(i.orgInstall()).isFalse();
            });
    String onDisk = Files.readString(data.resolve("installations/team-T0NORTH.sealed"));
    assertThat(onDisk).doesNotContain("xoxb-").doesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy");
    assertThat(rig.audited)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("system install T0NORTH {org_install=false, scopes=")
        .doesNotContain("xoxb-");
  }

  @Test
  void should_refuse_a_replayed_redirect_and_exchange_its_code_only_once() throws Exception {
    Started started = install();
    rig.nextOAuthAccess("oauth-v2-access-workspace");
    String redirect = "/slack/oauth_redirect?code=c1&state=" + started.state();
    try (Response r = rig.get(redirect, started.cookie())) {
      assertThat(r.code()).isEqualTo(200);
    }

    try (Response replay = rig.get(redirect, started.cookie())) {
      assertThat(replay.code()).isEqualTo(400);
      assertThat(replay.body().string()).contains("no longer valid");
    }
    assertThat(rig.slack.calls("oauth.v2.access")).hasSize(1);
  }

  @Test
  void should_refuse_an_unknown_state_a_missing_cookie_and_an_expired_state() throws Exception {
    Started started = install();
    Started other = install();
    Started late = install();

    try (Response forged =
        rig.get(
            "/slack/oauth_redirect?code=c&state=forged-state",
            "slack-app-oauth-state=forged-state")) {
      assertThat(forged.code()).isEqualTo(400);
    }
    try (Response noCookie =
        rig.get("/slack/oauth_redirect?code=c&state=" + started.state(), null)) {
      assertThat(noCookie.code()).isEqualTo(400);
    }
    try (Response otherBrowser =
        rig.get("/slack/oauth_redirect?code=c&state=" + other.state(), started.cookie())) {
      assertThat(otherBrowser.code()).isEqualTo(400);
    }
    rig.clock.advance(Duration.ofMinutes(11));
    try (Response expired =
        rig.get("/slack/oauth_redirect?code=c&state=" + late.state(), late.cookie())) {
      assertThat(expired.code()).isEqualTo(400);
    }

    assertThat(rig.slack.calls("oauth.v2.access")).isEmpty();
    assertThat(rig.store.all()).isEmpty();
  }

  @Test
  void should_store_an_org_install_and_use_its_token_for_events_from_any_workspace_of_the_org()
      throws Exception {
    List<String> tokensSeen = new CopyOnWriteArrayList<>();
    rig.app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          tokensSeen.add(ctx.getBotToken());
          return ctx.ack();
        });
    Started started = install();
    rig.nextOAuthAccess("oauth-v2-access-org");
    try (Response r =
        rig.get("/slack/oauth_redirect?code=c2&state=" + started.state(), started.cookie())) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(rig.store.find("E0GRID", null))
        .hasValueSatisfying(i -> assertThat(i.orgInstall()).isTrue());
    assertThat(data.resolve("installations/org-E0GRID.sealed")).exists();

    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-grid"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    assertThat(tokensSeen).containsExactly("xoxb-org-E0GRID-4Yh2Gk3mRXq9wLtb");
    assertThat(rig.slack.calls("auth.test"))
        .extracting(c -> c.token())
        .contains("xoxb-org-E0GRID-4Yh2Gk3mRXq9wLtb");
  }

  @Test
  void should_answer_an_event_from_a_workspace_without_an_installation_with_401() throws Exception {
    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-grid"))) {
      assertThat(r.code()).isEqualTo(401);
    }
  }

  private static String param(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
