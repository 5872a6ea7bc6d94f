package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.events;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.llm.LlmStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live app with an LLM configured: summaries and cost figures where people see them. */
class LiveLlmTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUPPORT = "C0SUPPORT";

  @TempDir Path data;
  private FakeSlack slack;
  private LlmStub llm;
  private Sift sift;
  private LiveApp app;
  private int n;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack().channel(SUPPORT, "support", false).user("U0ISA", "Isa");
    llm = new LlmStub();
    sift =
        new Sift(
            ConfigLoader.parse(
                    "llm:\n  provider: openai-compatible\n  base_url: "
                        + llm.baseUrl()
                        + "\n  model: confident\n",
                    "sift.yml",
                    data)
                .withDataDir(data),
            Map.of("OPENAI_API_KEY", "sk-test")::get);
    app =
        LiveApp.start(sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, slack.config()));
    assertThat(slack.awaitConnected(WAIT)).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    sift.close();
    llm.close();
    slack.close();
  }

  @Test
  void should_summarise_a_thread_on_request_and_show_llm_figures_in_stats() throws Exception {
    send(
        message(
            SUPPORT,
            "U0ISA",
            "1772700100.000100",
            null,
            "The client portal is down, 502 on login"));
    send(
        message(
            SUPPORT, "U0ISA", "1772700160.000100", "1772700100.000100", "rolling back 2.14 now"));
    send(message(SUPPORT, "U0ISA", "1772700220.000100", "1772700100.000100", "back up, all green"));
    assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();

    slack.send(
        Envelopes.interactive(
            "env-sc",
            "interactive",
            Envelopes.messageShortcut(
                SUPPORT,
                "U0ISA",
                "U0ISA",
                "1772700100.000100",
                "The client portal is down, 502 on login",
                slack.responseUrl("sc")),
            false));
    JsonNode reply = slack.awaitResponse(r -> r.toString().contains("Thread summary"), WAIT);
    assertThat(reply.toString())
        .contains("Point 1 from m1")
        .doesNotContain("Something nobody said");

    slack.send(
        Envelopes.slashCommand("env-st", "stats", "U0ISA", SUPPORT, slack.responseUrl("env-st")));
    JsonNode stats = slack.commandAnswer("env-st", WAIT);
    assertThat(stats.toString()).containsPattern("LLM: \\d+ calls");

    // Every call, triage and the thread summary alike, is in the audit log; no text is.
    var calls =
        dev.sift.bot.audit.AuditEntry.read(
            data.resolve("audit.jsonl"), e -> e.action().equals("llm.call"));
    assertThat(calls).isNotEmpty();
    assertThat(calls)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.target()).isEqualTo(SUPPORT);
              assertThat(e.details().path("provider").asText()).isEqualTo("openai-compatible");
              assertThat(e.details().path("model").asText()).isEqualTo("confident");
              assertThat(e.details().path("prompt_sha256").asText()).hasSize(64);
              assertThat(e.json()).doesNotContain("portal").doesNotContain("rolling back");
            });
    assertThat(calls).anySatisfy(e -> assertThat(e.details().has("input_tokens")).isTrue());
  }

  private void send(com.fasterxml.jackson.databind.node.ObjectNode event) throws Exception {
    String env = "env-" + ++n;
    slack.send(events(env, eventCallback("Ev" + n, event), 0));
    assertThat(slack.awaitAck(env, WAIT)).isTrue();
  }
}
