package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.event.AppMentionEvent;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.FakeSlack;
import java.nio.file.Path;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two installed workspaces through one Bolt app: each event is authorized with its own workspace's
 * token, and what Sift sends back goes through that workspace's {@link Workspaces} entry with the
 * same token.
 */
class TwoWorkspacesTest {
  @TempDir Path data;
  private OAuthRig rig;
  private Workspaces workspaces;

  @BeforeEach
  void start() throws Exception {
    rig = new OAuthRig(data, Keys.newKey());
    rig.store.save(Keys.team("T0NORTH", "xoxb-north-token"));
    rig.store.save(Keys.team("T0SOUTH", "xoxb-south-token"));
    rig.slack.workspace("xoxb-north-token", "T0NORTH", "U0NORTHBOT");
    rig.slack.workspace("xoxb-south-token", "T0SOUTH", "U0SOUTHBOT");
    workspaces =
        Workspaces.installed(
            rig.tokens,
            com.slack.api.Slack.getInstance(rig.slack.config()),
            api -> {},
            Directory::new);
    rig.app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          var e = payload.getEvent();
          // What Listeners does with a mention, on the event's own workspace.
          workspaces
              .of(ctx.getTeamId())
              .api()
              .post(
                  e.getChannel(),
                  "chat.postMessage",
                  m -> m.chatPostMessage(r -> r.channel(e.getChannel()).text("I triage.")));
          return ctx.ack();
        });
    rig.app.start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_handle_each_workspaces_events_with_its_own_token() throws Exception {
    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-north"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-south"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    assertThat(rig.slack.calls("chat.postMessage"))
        .extracting(c -> c.param("channel") + " " + c.token())
        .containsExactly("C0NORTH xoxb-north-token", "C0SOUTH xoxb-south-token");
    assertThat(rig.slack.calls("auth.test"))
        .extracting(FakeSlack.Call::token)
        .containsExactlyInAnyOrder("xoxb-north-token", "xoxb-south-token");
  }

  @Test
  void should_stop_calling_slack_for_a_workspace_that_is_removed_and_refuse_its_events()
      throws Exception {
    workspaces.of("T0NORTH");
    rig.installations.deleteAll(null, "T0NORTH");
    workspaces.remove("T0NORTH");

    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-north"))) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r = rig.postEvent(OAuthRig.fixture("app-mention-south"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(rig.slack.calls("chat.postMessage"))
        .extracting(FakeSlack.Call::token)
        .containsExactly("xoxb-south-token");
  }
}
