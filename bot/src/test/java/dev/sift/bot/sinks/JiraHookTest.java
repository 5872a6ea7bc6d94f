package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.health.Health;
import dev.sift.bot.http.HttpEndpoint;
import dev.sift.triage.item.LinkedIssue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code POST /hooks/jira} through Sift's real HTTP port: a genuine webhook about an issue a Jira
 * sink created resolves or notes its item and is audited; a missing or forged signature, a replayed
 * identifier and a stale or future timestamp are refused and change nothing.
 */
class JiraHookTest {
  private static final String SECRET = "jira-hook-secret-5f1d2c";
  private static final Instant NOW = Instant.parse("2026-03-05T09:20:00Z");
  private static final URI BASE = URI.create("https://jira.example.com/");

  @TempDir Path data;
  private HttpEndpoint endpoint;
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private final List<String> audited = new CopyOnWriteArrayList<>();
  private final OkHttpClient http = new OkHttpClient();
  private final JiraHookSignature jira = new JiraHookSignature(SECRET);

  @BeforeEach
  void start() throws Exception {
    JiraIssues.in(Sinks.folder(data, "ops"))
        .put(JiraSinkTest.ITEM, new JiraIssues.Issue("OPS-42", "P1", "open", null, 1));
    JiraHook hook =
        JiraHook.of(
                List.of(sink("SIFT_TEST_JIRA_HOOK_SECRET")),
                data,
                name -> name.equals("SIFT_TEST_JIRA_HOOK_SECRET") ? SECRET : null,
                (item, issue) -> changes.add("resolve " + item.id() + " " + describe(issue)),
                (item, issue) -> changes.add("note " + item.id() + " " + describe(issue)),
                (actor, action, target, details) ->
                    audited.add(actor + " " + action + " " + target + " " + details),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .orElseThrow();
    endpoint =
        new HttpEndpoint(
            "127.0.0.1",
            0,
            null,
            null,
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
    endpoint.hook(JiraHook.PATH, hook);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void should_resolve_the_item_of_a_genuine_resolved_hook_and_audit_it() throws Exception {
    byte[] body = hook("hook-resolved.json", NOW.minusSeconds(30));

    assertThat(post(body, jira.sign(body), "wh-1")).isEqualTo(200);

    assertThat(changes)
        .containsExactly(
            "resolve "
                + JiraSinkTest.ITEM
                + " Jira OPS-42 https://jira.example.com/browse/OPS-42 resolved in Jira by Ana Lima");
    assertThat(audited)
        .containsExactly(
            "jira:ops jira.resolve "
                + JiraSinkTest.ITEM
                + " {issue=OPS-42, jira_user=5b10ac8d82e05b22cc7d4ef5, webhook=wh-1}");
  }

  @Test
  void should_note_who_the_issue_was_assigned_to() throws Exception {
    byte[] body = hook("hook-assigned.json", NOW.minusSeconds(5));

    assertThat(post(body, jira.sign(body), "wh-2")).isEqualTo(200);

    assertThat(changes)
        .containsExactly(
            "note "
                + JiraSinkTest.ITEM
                + " Jira OPS-42 https://jira.example.com/browse/OPS-42 assigned in Jira to Omar"
                + " Haddad");
    assertThat(audited).singleElement().asString().contains("jira.assign");
  }

  @Test
  void should_refuse_a_missing_or_forged_signature_and_change_nothing() throws Exception {
    byte[] body = hook("hook-resolved.json", NOW.minusSeconds(30));

    assertThat(post(body, null, "wh-3")).as("missing").isEqualTo(401);
    assertThat(post(body, new JiraHookSignature("not-the-secret").sign(body), "wh-4"))
        .as("signed with another secret")
        .isEqualTo(401);
    byte[] altered =
        new String(body, StandardCharsets.UTF_8)
            .replace("OPS-42", "OPS-43")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(altered, jira.sign(body), "wh-5"))
        .as("body changed after signing")
        .isEqualTo(401);

    assertThat(changes).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void should_refuse_a_replayed_identifier_and_a_stale_or_future_timestamp() throws Exception {
    byte[] body = hook("hook-resolved.json", NOW.minusSeconds(30));
    assertThat(post(body, jira.sign(body), "wh-6")).isEqualTo(200);

    assertThat(post(body, jira.sign(body), "wh-6")).as("replayed").isEqualTo(401);
    byte[] old = hook("hook-resolved.json", NOW.minus(Duration.ofMinutes(6)));
    assertThat(post(old, jira.sign(old), "wh-7")).as("six minutes old").isEqualTo(401);
    byte[] ahead = hook("hook-resolved.json", NOW.plus(Duration.ofMinutes(3)));
    assertThat(post(ahead, jira.sign(ahead), "wh-8")).as("from the future").isEqualTo(401);

    assertThat(changes).as("only the first one").hasSize(1);
    assertThat(audited).hasSize(1);
  }

  @Test
  void should_answer_200_and_ignore_an_issue_sift_did_not_create() throws Exception {
    byte[] body =
        new String(hook("hook-resolved.json", NOW), StandardCharsets.UTF_8)
            .replace("OPS-42", "HR-7")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(post(body, jira.sign(body), "wh-9")).isEqualTo(200);

    assertThat(changes).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void should_refuse_to_start_when_the_hook_secret_is_not_set() {
    assertThatThrownBy(
            () ->
                JiraHook.of(
                    List.of(sink("SIFT_UNSET_SECRET")),
                    data,
                    name -> null,
                    (i, x) -> {},
                    (i, x) -> {},
                    dev.sift.triage.audit.Audit.NONE,
                    Clock.systemUTC()))
        .hasMessageContaining("sink 'ops'")
        .hasMessageContaining("SIFT_UNSET_SECRET");
  }

  private int post(byte[] body, String signature, String identifier) throws Exception {
    Request.Builder r =
        new Request.Builder()
            .url("http://127.0.0.1:" + endpoint.port() + JiraHook.PATH)
            .header(JiraHook.IDENTIFIER, identifier)
            .post(RequestBody.create(body, MediaType.get("application/json")));
    if (signature != null) {
      r.header(JiraHookSignature.HEADER, signature);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      return response.code();
    }
  }

  /** A fixture with its {@code timestamp} set, as Jira would send it at {@code sentAt}. */
  static byte[] hook(String fixture, Instant sentAt) {
    ObjectNode n = (ObjectNode) FakeJira.fixture(fixture);
    n.put("timestamp", sentAt.toEpochMilli());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(LinkedIssue i) {
    return i.tracker() + " " + i.key() + " " + i.url() + " " + i.note();
  }

  private static SinkSettings sink(String hookSecretEnv) {
    return new SinkSettings(
        "ops",
        "jira",
        BASE,
        "SIFT_TEST_JIRA_TOKEN",
        Set.of(),
        Set.of(),
        List.of(),
        false,
        List.of(),
        false,
        null,
        null,
        new SinkSettings.Jira(
            "OPS", "Incident", "sift@acme.example", Map.of(), List.of(), hookSecretEnv));
  }
}
