package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.slack.FakeSlack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sift run} installed in two workspaces: one port, each workspace's events triaged and its
 * cards posted with its own token, its people's searches finding only its own messages, and an
 * uninstalled workspace's app stopped and, after the grace period, its data gone.
 */
class FleetTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path data;
  private FakeSlack slack;
  private FrontDoor door;
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(WAIT).build();

  @BeforeEach
  void start() throws Exception {
    slack =
        new FakeSlack()
            .channel("C0NORTHSUP", "support", false)
            .channel("C0SOUTHSUP", "support", false)
            .workspace("xoxb-north-token", "T0NORTH", "U0NORTHBOT")
            .workspace("xoxb-south-token", "T0SOUTH", "U0SOUTHBOT");
    String key = Keys.newKey();
    InstallationStore store = InstallationStore.open(data, Keys.env(key));
    store.save(Keys.team("T0NORTH", "xoxb-north-token"));
    store.save(Keys.team("T0SOUTH", "xoxb-south-token"));
    door =
        FrontDoor.open(
            SiftConfig.defaults().withDataDir(data),
            OAuthRig.SETTINGS,
            Keys.env(key),
            slack.config(),
            "127.0.0.1",
            0,
            OAuthRig.SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    door.close();
    slack.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void should_triage_each_workspaces_messages_with_its_own_token_and_keep_them_apart()
      throws Exception {
    assertThat(door.fleet().serving()).containsExactlyInAnyOrder("T0NORTH", "T0SOUTH");

    post(OAuthRig.fixture("message-north"), "application/json");
    post(OAuthRig.fixture("message-south"), "application/json");

    FakeSlack.Call northCard =
        slack.awaitCall(
            "chat.postMessage", c -> "1772700100.000100".equals(c.param("thread_ts")), WAIT);
    FakeSlack.Call southCard =
        slack.awaitCall(
            "chat.postMessage", c -> "1772700200.000100".equals(c.param("thread_ts")), WAIT);
    assertThat(northCard.token()).isEqualTo("xoxb-north-token");
    assertThat(northCard.param("channel")).isEqualTo("C0NORTHSUP");
    assertThat(southCard.token()).isEqualTo("xoxb-south-token");
    assertThat(data.resolve("workspaces/T0NORTH/index")).isDirectory();
    assertThat(data.resolve("workspaces/T0SOUTH/index")).isDirectory();

    String answer = search("T0NORTH", "U0ISA", "C0NORTHSUP", "portal");
    assertThat(answer).contains("portal").doesNotContain("Falcon");
  }

  @Test
  void should_stop_an_uninstalled_workspace_and_delete_its_data_after_the_grace_period()
      throws Exception {
    post(OAuthRig.fixture("app-uninstalled-north"), "application/json");

    assertThat(await(() -> !door.fleet().serving().contains("T0NORTH"))).isTrue();
    assertThat(door.fleet().serving()).contains("T0SOUTH");
    assertThat(data.resolve("workspaces/T0NORTH")).isDirectory(); // kept for the grace period

    door.fleet().forget("T0NORTH");

    assertThat(data.resolve("workspaces/T0NORTH")).doesNotExist();
    assertThat(data.resolve("workspaces/T0SOUTH")).isDirectory();
  }

  private String search(String team, String user, String channel, String query) throws Exception {
    String body =
        "token=t&team_id="
            + team
            + "&team_domain=northwind&channel_id="
            + channel
            + "&channel_name=support&user_id="
            + user
            + "&user_name=isa&command="
            + URLEncoder.encode("/triage", StandardCharsets.UTF_8)
            + "&text="
            + URLEncoder.encode("search " + query, StandardCharsets.UTF_8)
            + "&api_app_id=A0SIFT01&response_url="
            + URLEncoder.encode(slack.responseUrl("search-" + team), StandardCharsets.UTF_8)
            + "&trigger_id=13345224609.738474920.8088930838d88f008e0";
    post(body, "application/x-www-form-urlencoded");
    return slack
        .awaitResponse("search-" + team, r -> !r.toString().contains("Working on it"), WAIT)
        .toString();
  }

  private void post(String body, String type) throws Exception {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url("http://127.0.0.1:" + door.port() + "/slack/events")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header(
                        "X-Slack-Signature",
                        new SlackSignature.Generator(OAuthRig.SECRET).generate(ts, body))
                    .post(RequestBody.create(body, MediaType.get(type)))
                    .build())
            .execute()) {
      assertThat(r.code()).as("Slack's request answered").isEqualTo(200);
    }
  }

  private static boolean await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }
}
