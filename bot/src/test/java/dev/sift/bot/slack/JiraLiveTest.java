package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.sinks.FakeJira;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jira sink through the live app: an urgent message becomes an item with a card and a Jira
 * issue, the card links to the issue, and Jira's webhook saying the issue was resolved resolves the
 * item, redraws the card, and the issue is told in a comment.
 */
class JiraLiveTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String OUTAGE = "the client portal returns 502 Bad Gateway on every login";

  /**
   * Tests cannot set environment variables; HOME is set wherever tests run, so it stands in for
   * both the API token and the webhook secret.
   */
  private static final String SECRET = System.getenv("HOME");

  @TempDir Path data;
  private LiveRig rig;
  private FakeJira jira;

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
    if (jira != null) {
      jira.close();
    }
  }

  @Test
  void should_create_a_jira_issue_for_an_urgent_item_link_it_on_the_card_and_take_its_resolve()
      throws Exception {
    jira = new FakeJira();
    rig =
        new LiveRig(
                new FakeSlack()
                    .channel(SUPPORT, "support", false)
                    .channel("C0OPS", "ops-triage", false),
                data)
            .config(config(jira.base().toString()))
            .start();
    MessageKey key = new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100");

    rig.send(eventCallback("Ev1", message(SUPPORT, "U0ISA", key.ts(), null, OUTAGE)));
    rig.awaitStored(key);

    assertThat(FakeSlack.await(() -> !jira.issues.isEmpty(), LiveRig.WAIT)).isTrue();
    TriagedMessage item = rig.sift().index().find(key).orElseThrow();
    assertThat(item.verdict().priority()).isEqualTo(Priority.P1);
    assertThat(jira.issues.get("OPS-42").path("summary").asText())
        .startsWith(item.verdict().priority() + " incident");
    assertThat(jira.creates().get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + SECRET);
    String link = "<" + jira.base() + "browse/OPS-42|OPS-42>";
    assertThat(FakeSlack.await(() -> lastCard().contains(link), LiveRig.WAIT))
        .as("the card links to the issue: %s", lastCard())
        .isTrue();
    assertThat(rig.sift().index().find(key).orElseThrow().task().issue().key()).isEqualTo("OPS-42");

    assertThat(postHook("hook-resolved.json")).isEqualTo(200);

    assertThat(
            FakeSlack.await(
                () -> lastCard().contains("resolved in Jira by Ana Lima"), LiveRig.WAIT))
        .as("the card says who resolved it: %s", lastCard())
        .isTrue();
    assertThat(rig.sift().index().find(key).orElseThrow().status()).isEqualTo(Status.RESOLVED);
    assertThat(FakeSlack.await(() -> jira.comments("OPS-42").size() == 1, LiveRig.WAIT)).isTrue();
    assertThat(jira.comments("OPS-42").get(0)).startsWith("Resolved in Sift");
    assertThat(jira.creates()).hasSize(1);
  }

  /** The blocks of the card as Slack last received them (posted or updated). */
  private String lastCard() {
    return Stream.concat(
            rig.slack.calls("chat.postMessage").stream(), rig.slack.calls("chat.update").stream())
        .filter(c -> c.param("blocks") != null)
        .reduce((a, b) -> b)
        .map(FakeSlack.Call::blocks)
        .orElse("");
  }

  private int postHook(String fixture) throws Exception {
    ObjectNode hook;
    try (InputStream in = getClass().getResourceAsStream("/jira/" + fixture)) {
      hook = (ObjectNode) new ObjectMapper().readTree(in);
    }
    hook.put("timestamp", Instant.now().toEpochMilli());
    byte[] body = hook.toString().getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + rig.app().port() + "/hooks/jira")
            .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
            .header("X-Atlassian-Webhook-Identifier", "live-1")
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response r = new OkHttpClient().newCall(request).execute()) {
      return r.code();
    }
  }

  private static String config(String jiraBase) {
    return """
        routing:
          rules:
            - name: every incident
              category: [incident]
              to: "#ops-triage"
        sinks:
          - name: ops-jira
            type: jira
            base_url: "%s"
            project: OPS
            issue_type: Incident
            secret_env: HOME
            hook_secret_env: HOME
            categories: [incident]
            priority_map: {P1: Highest, P2: High}
        """
        .formatted(jiraBase);
  }
}
