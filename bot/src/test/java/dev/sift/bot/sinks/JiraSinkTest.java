package dev.sift.bot.sinks;

import static dev.sift.bot.sinks.WebhookSinkTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jira sink against Jira's REST API v2 on loopback ({@link FakeJira}): one issue per item with
 * the mapped fields, comments for what changes later, the key kept across restarts, a lost answer
 * found again instead of a second issue, Jira's refusals set aside with its words, and its outages
 * waited out.
 */
class JiraSinkTest {
  static final String TOKEN = "ATATT3xFfGF0-test-token";
  static final String ITEM = "T0NORTH/C0SUPPORT/1772700000.000100";

  @TempDir Path data;
  private FakeJira jira;
  private Sinks sinks;
  private final List<String> linked = new CopyOnWriteArrayList<>();
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    jira = new FakeJira();
  }

  @AfterEach
  void stop() {
    if (sinks != null) {
      sinks.close();
    }
    jira.close();
  }

  @Test
  void should_create_one_issue_per_item_with_the_mapped_fields_and_comment_on_later_changes()
      throws Exception {
    sinks = start(cloud());

    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));
    sinks.publish(event("E2", SiftEvent.Type.ITEM_UPDATED, "acked", "U0OMAR", "ana", "bo", "cy"));
    sinks.publish(
        event("E3", SiftEvent.Type.ITEM_RESOLVED, "resolved", "U0OMAR", "ana", "bo", "cy"));

    await(() -> jira.comments("OPS-42").size() == 2);
    assertThat(jira.creates()).hasSize(1);
    JsonNode fields = jira.issues.get("OPS-42");
    assertThat(fields.path("project").path("key").asText()).isEqualTo("OPS");
    assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Incident");
    assertThat(fields.path("summary").asText())
        .isEqualTo("P1 incident: checkout is down for everyone");
    assertThat(fields.path("priority").path("name").asText()).isEqualTo("Highest");
    assertThat(fields.path("labels"))
        .extracting(JsonNode::asText)
        .containsExactly("sift", "incident", "from-slack", JiraIssueText.itemLabel(ITEM));
    assertThat(fields.path("description").asText())
        .contains("says checkout fails with a 500")
        .contains("https://acme.slack.com/archives/C0SUPPORT/p1772700000000100")
        .contains("Reported by 1 person");
    assertThat(jira.creates().get(0).getHeaders().get("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("sift@acme.example:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    assertThat(jira.comments("OPS-42").get(0))
        .contains("status open → acked")
        .contains("owner nobody → Slack user U0OMAR")
        .contains("reported by 3 people (was 1)");
    assertThat(jira.comments("OPS-42").get(1)).startsWith("Resolved in Sift");
    assertThat(linked).containsExactly(ITEM + " OPS-42 " + jira.base() + "browse/OPS-42");
  }

  @Test
  void should_send_a_data_center_token_as_a_bearer_and_leave_an_unmapped_priority_to_jira()
      throws Exception {
    sinks = start(jira("ops", null, Map.of("P2", "High")));

    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));

    await(() -> jira.issues.size() == 1);
    assertThat(jira.creates().get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TOKEN);
    assertThat(jira.issues.get("OPS-42").has("priority")).isFalse();
  }

  @Test
  void should_keep_the_issue_key_across_a_restart() throws Exception {
    sinks = start(cloud());
    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));
    await(() -> sinks.readings().get(0).sent() == 1);
    sinks.close();

    sinks = start(cloud());
    sinks.publish(event("E2", SiftEvent.Type.ITEM_UPDATED, "acked", "U0OMAR", "ana"));

    await(() -> jira.comments("OPS-42").size() == 1);
    assertThat(jira.creates()).hasSize(1);
  }

  @Test
  void should_find_the_issue_a_lost_answer_created_instead_of_creating_a_second() throws Exception {
    jira.loseNextCreateAnswer();
    sinks = start(cloud());

    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));
    sinks.publish(event("E2", SiftEvent.Type.ITEM_UPDATED, "acked", "U0OMAR", "ana"));

    await(() -> jira.comments("OPS-42").size() == 1);
    assertThat(jira.creates()).as("the lost create, and no second one").hasSize(1);
    assertThat(jira.searches())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(FakeJira.path(r)).isEqualTo("/rest/api/2/search/jql");
              assertThat(r.getUrl().queryParameter("jql"))
                  .isEqualTo(
                      "project = \"OPS\" AND labels = \"" + JiraIssueText.itemLabel(ITEM) + "\"");
            });
    assertThat(linked).containsExactly(ITEM + " OPS-42 " + jira.base() + "browse/OPS-42");
  }

  @Test
  void should_set_aside_what_jira_refuses_with_jiras_own_words() throws Exception {
    jira.answer(FakeJira.json(400, FakeJira.fixture("error-400.json")));
    sinks = start(cloud());

    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));
    sinks.publish(event("E2", "T0NORTH/C0SUPPORT/1772700100.000100", SiftEvent.Type.ITEM_OPENED));

    await(() -> jira.issues.size() == 1);
    assertThat(new SetAside(Sinks.folder(data, "ops").resolve(Sinks.DEAD_LETTERS)).all())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.error())
                    .contains("HTTP 400")
                    .contains("priority: Specify a valid 'id' or 'name' for Priority"));
  }

  @Test
  void should_try_again_while_jira_is_down_or_refuses_the_credentials() throws Exception {
    jira.answer(
        // Not "Retry-After: 0": OkHttp itself sends a request answered so once more at once.
        new MockResponse.Builder().code(503).build(),
        new MockResponse.Builder().code(401).build(),
        new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    sinks = start(cloud());

    sinks.publish(event("E1", SiftEvent.Type.ITEM_OPENED, "open", null, "ana"));

    await(() -> jira.issues.size() == 1);
    assertThat(jira.requests)
        .extracting(r -> r.getMethod() + " " + FakeJira.path(r))
        .as("after the first create failed, each try looks for the issue it may have made")
        .containsExactly(
            "POST /rest/api/2/issue",
            "GET /rest/api/2/search/jql",
            "GET /rest/api/2/search/jql",
            "GET /rest/api/2/search/jql",
            "POST /rest/api/2/issue");
    assertThat(sinks.readings().get(0).failed()).isEqualTo(3);
    assertThat(new SetAside(Sinks.folder(data, "ops").resolve(Sinks.DEAD_LETTERS)).all()).isEmpty();
  }

  private Sinks start(SinkSettings s) {
    return Sinks.start(
        List.of(s),
        data,
        name -> name.equals("SIFT_TEST_JIRA_TOKEN") ? TOKEN : null,
        http,
        Clock.systemUTC(),
        Duration.ofMillis(20),
        (item, key, browse) -> linked.add(item + " " + key + " " + browse));
  }

  private SinkSettings cloud() {
    return jira("ops", "sift@acme.example", Map.of("P1", "Highest", "P2", "High"));
  }

  SinkSettings jira(String name, String user, Map<String, String> priorities) {
    return new SinkSettings(
        name,
        "jira",
        URI.create(jira.base().toString()),
        "SIFT_TEST_JIRA_TOKEN",
        Set.of(),
        Set.of(),
        List.of(),
        false,
        List.of(),
        false,
        null,
        null,
        new SinkSettings.Jira("OPS", "Incident", user, priorities, List.of("from-slack")));
  }

  private static SiftEvent event(String id, String item, SiftEvent.Type type) {
    SiftEvent e = event(id, type, "open", null, "ana");
    Map<String, Object> data = new LinkedHashMap<>(e.data());
    data.put("item_id", item);
    return new SiftEvent(
        id,
        type,
        e.team(),
        e.time(),
        item,
        e.channelId(),
        e.channelName(),
        false,
        "incident",
        "P1",
        null,
        data);
  }

  /** An event of the item {@link #ITEM}, as {@link ItemEvents} makes them. */
  static SiftEvent event(
      String id, SiftEvent.Type type, String status, String owner, String... reporters) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", 1);
    data.put("item_id", ITEM);
    data.put("team", "T0NORTH");
    data.put("channel_id", "C0SUPPORT");
    data.put("channel", "support");
    data.put("ts", "1772700000.000100");
    data.put("permalink", "https://acme.slack.com/archives/C0SUPPORT/p1772700000000100");
    data.put("category", "incident");
    data.put("priority", "P1");
    data.put("confidence", 0.91);
    data.put("decided_by", "embedded");
    data.put("reasons", List.of("says checkout fails with a 500"));
    data.put("summary", "checkout is down for everyone");
    data.put("status", status);
    data.put("owner", owner);
    data.put("reporters", List.of(reporters));
    data.put("reports", reporters.length);
    data.put("replies", 0);
    return new SiftEvent(
        id,
        type,
        "T0NORTH",
        Instant.parse("2026-03-05T09:00:00Z"),
        ITEM,
        "C0SUPPORT",
        "support",
        false,
        "incident",
        "P1",
        "checkout is down for everyone",
        data);
  }
}
