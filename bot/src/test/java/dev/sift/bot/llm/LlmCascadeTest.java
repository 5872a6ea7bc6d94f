package dev.sift.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LLM triage against a stub provider: what is sent, and what happens when the provider fails. */
class LlmCascadeTest {
  @TempDir Path data;
  private LlmStub stub;
  private Sift sift;
  private TriagePipeline pipeline;

  @BeforeEach
  void start() throws Exception {
    stub = new LlmStub();
  }

  @AfterEach
  void stop() throws Exception {
    if (sift != null) {
      sift.close();
    }
    stub.close();
  }

  private void open(String provider, String extra) {
    SiftConfig config =
        ConfigLoader.parse(
                "llm:\n"
                    + "  provider: "
                    + provider
                    + "\n  base_url: "
                    + (provider.equals("ollama") ? stub.rootUrl() : stub.baseUrl())
                    + (provider.equals("anthropic") ? "/" : "")
                    + "\n  model: stub-model\n  timeout: 2s\n  max_attempts: 2\n"
                    + "  cascade: {always: true, batch_size: 4}\n"
                    + extra,
                "sift.yml",
                data)
            .withDataDir(data);
    sift =
        new Sift(config, Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ant-test")::get);
    sift.privateChannels().learn("C0SUPPORT", false);
    pipeline = sift.pipeline(o -> {});
  }

  /** The LLM always asked, #hr opted out by name, #leadership (G0LEADS) private. */
  private void openWithPrivateLeadsAndOptedOutHr() {
    SiftConfig config =
        ConfigLoader.parse(
                "llm:\n  provider: openai-compatible\n  base_url: "
                    + stub.baseUrl()
                    + "\n  model: m\n  cascade: {always: true, opt_out_channels: [hr]}\n",
                "sift.yml",
                data)
            .withDataDir(data);
    sift = new Sift(config, Map.of("OPENAI_API_KEY", "sk-test")::get);
    sift.privateChannels().learn("C0HR", false);
    sift.privateChannels().learn("G0LEADS", true);
    pipeline = sift.pipeline(o -> {});
  }

  private TriagedMessage triage(String text) {
    Message m = message("1772700100.000100", text);
    pipeline.processAll(List.of(m));
    return sift.index().find(m.key()).orElseThrow();
  }

  @Test
  void should_send_redacted_messages_as_delimited_data_with_a_json_schema_and_use_the_answer() {
    open("openai-compatible", "");

    TriagedMessage t =
        triage(
            "The portal is down for Acme, 502 on login. Call maria.lopez@acme.example or"
                + " +44 20 7946 0958; test card 4111 1111 1111 1111");

    LlmStub.Received sent = stub.received().get(0);
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.authorization()).isEqualTo("Bearer sk-test");
    assertThat(sent.prompt())
        .contains("json_schema")
        .contains("<messages>")
        .contains("<message id=\\\"1\\\"")
        .contains("[EMAIL_1]")
        .doesNotContain("maria.lopez@acme.example")
        .doesNotContain("7946 0958")
        .doesNotContain("4111 1111");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
    assertThat(t.verdict().category()).isEqualTo("incident");
    assertThat(t.verdict().summary()).isEqualTo("A incident message.");
    assertThat(sift.cascade().stats().snapshot().calls()).isEqualTo(1);
  }

  @Test
  void should_fall_back_to_the_embedded_verdict_on_timeout_and_remember_the_message() {
    open("openai-compatible", "");
    stub.script(
        new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());
    stub.script(
        new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());

    TriagedMessage t = triage("Could someone review the SOW draft before Friday?");

    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.EMBEDDED);
    assertThat(sift.cascade().pendingRetriage()).isEqualTo(1);
    assertThat(sift.cascade().stats().snapshot().failures()).isEqualTo(1);
  }

  @Test
  void should_wait_as_long_as_retry_after_says_and_then_use_the_answer() {
    open("openai-compatible", "");
    stub.script(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "1")
            .body("{\"error\":{\"message\":\"rate limited\"}}")
            .build());
    long start = System.nanoTime();

    TriagedMessage t = triage("Could someone review the SOW draft before Friday?");

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(stub.received()).hasSize(2);
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
  }

  @Test
  void should_stop_calling_a_failing_provider_and_keep_triaging_on_the_embedded_model() {
    open("openai-compatible", "");
    for (int i = 0; i < 6; i++) {
      stub.script(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
    }

    for (int i = 0; i < 5; i++) {
      Message m =
          message("17727001" + i + "0.000100", "Could someone check the invoice run " + i + "?");
      pipeline.processAll(List.of(m));
      assertThat(sift.index().find(m.key()).orElseThrow().verdict().decidedBy())
          .isEqualTo(Verdict.EMBEDDED);
    }

    // three calls of two attempts open the breaker; the other two messages were never sent
    assertThat(stub.received()).hasSize(6);
    assertThat(sift.cascade().pendingRetriage()).isEqualTo(5);
  }

  @Test
  void should_repair_a_malformed_answer_once() {
    open("openai-compatible", "");
    stub.scriptAnswer("Sure! Here is the triage: it's an incident I think.");

    TriagedMessage t = triage("Production is down, 502 on every page");

    assertThat(stub.received()).hasSize(2);
    assertThat(stub.received().get(1).prompt())
        .contains("could not be used")
        .contains("not valid JSON");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
    assertThat(sift.cascade().stats().snapshot().repairs()).isEqualTo(1);
  }

  @Test
  void should_keep_the_embedded_verdict_when_the_model_insists_on_an_invented_category() {
    open("openai-compatible", "");
    String invented =
        "{\"verdicts\":[{\"id\":\"1\",\"category\":\"emergency\",\"priority\":\"P1\","
            + "\"summary\":\"x\",\"reasons\":[],\"owner\":\"\",\"action_items\":[]}]}";
    stub.scriptAnswer(invented);
    stub.scriptAnswer(invented);

    TriagedMessage t = triage("Could someone review the SOW draft before Friday?");

    assertThat(stub.received()).hasSize(2);
    assertThat(stub.received().get(1).prompt())
        .contains("'emergency' is not one of the categories");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.EMBEDDED);
  }

  @Test
  void should_repair_an_empty_answer() {
    open("openai-compatible", "");
    stub.scriptAnswer("");

    TriagedMessage t = triage("Could someone review the SOW draft before Friday?");

    assertThat(stub.received().get(1).prompt()).contains("the answer was empty");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
  }

  @Test
  void should_talk_to_anthropic_with_its_key_and_without_a_response_format() {
    open("anthropic", "");

    TriagedMessage t = triage("Production is down, 502 on every page");

    LlmStub.Received sent = stub.received().get(0);
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.apiKey()).isEqualTo("ant-test");
    assertThat(sent.body().path("system").toString()).contains("Categories:");
    assertThat(sent.prompt()).doesNotContain("json_schema");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
  }

  @Test
  void should_keep_llm_text_from_pinging_or_linking_and_the_priority_near_the_signals() {
    open("openai-compatible", "");
    stub.scriptAnswer(
        "{\"verdicts\":[{\"id\":\"1\",\"category\":\"social\",\"priority\":\"P1\","
            + "\"summary\":\"<!channel> @here see https://evil.example/x <@U123>\","
            + "\"reasons\":[\"@channel now\"],\"owner\":\"\",\"action_items\":[]}]}");

    TriagedMessage t = triage("who's up for lunch at the Thai place?");

    assertThat(t.verdict().summary())
        .doesNotContain("<")
        .doesNotContain("@here")
        .doesNotContain("http")
        .doesNotContain("U123");
    assertThat(String.join(" ", t.verdict().reasons())).doesNotContain("@channel");
    assertThat(t.verdict().priority().name()).isIn("P3", "P4");
  }

  @Test
  void should_never_show_the_llm_a_correction_from_a_private_or_opted_out_channel_as_an_example() {
    openWithPrivateLeadsAndOptedOutHr();
    sift.privateChannels().learn("C0SUPPORT", false);
    // Three messages, one a channel, each then corrected: the closest examples to what is asked
    // next. Only the public one may be shown to the LLM.
    pipeline.processAll(
        List.of(
            in("G0LEADS", "leadership", "Payroll export for the Acme merger team failed overnight"),
            in("C0HR", "hr", "Payroll export for the HR team failed overnight again"),
            in("C0SUPPORT", "support", "Payroll export for the support team failed overnight")));
    sift.classifier()
        .learn(
            List.of(
                new LabelledExample(
                    "Payroll export for the Acme merger team failed overnight", "bug", "G0LEADS"),
                new LabelledExample(
                    "Payroll export for the HR team failed overnight again", "bug", "C0HR"),
                new LabelledExample(
                    "Payroll export for the support team failed overnight", "bug", "C0SUPPORT")));

    triage("Payroll export failed overnight, can someone look?");

    List<LlmStub.Received> sent = stub.received();
    String prompt = sent.get(sent.size() - 1).prompt();
    assertThat(prompt).contains("Payroll export for the support team failed overnight");
    assertThat(prompt).doesNotContain("Acme merger").doesNotContain("HR team");
  }

  @Test
  void should_not_send_opted_out_or_private_channels() {
    openWithPrivateLeadsAndOptedOutHr();

    pipeline.processAll(
        List.of(
            new Message(
                "T1",
                "C0HR",
                "hr",
                "1772700100.000100",
                null,
                "U1",
                "Isa",
                "Salary review for Marcus is overdue, can you look?",
                null,
                false,
                false,
                List.of(),
                List.of()),
            new Message(
                "T1",
                "G0LEADS",
                "leadership",
                "1772700200.000100",
                null,
                "U1",
                "Isa",
                "Board deck needs the Q3 numbers by Friday",
                null,
                false,
                false,
                List.of(),
                List.of())));

    assertThat(stub.received()).isEmpty();
  }

  @Test
  void should_retriage_what_waited_for_the_llm_once_it_answers_again() {
    open("openai-compatible", "");
    stub.script(new MockResponse.Builder().code(500).body("{}").build());
    stub.script(new MockResponse.Builder().code(500).body("{}").build());
    TriagedMessage first = triage("Could someone review the SOW draft before Friday?");
    assertThat(first.verdict().decidedBy()).isEqualTo(Verdict.EMBEDDED);

    var waiting = sift.cascade().takeRetriage(10);
    pipeline.processAll(
        waiting.stream().map(k -> sift.index().find(k).orElseThrow().message()).toList());

    assertThat(waiting).hasSize(1);
    assertThat(sift.index().find(first.key()).orElseThrow().verdict().decidedBy())
        .isEqualTo(Verdict.LLM);
    assertThat(sift.cascade().pendingRetriage()).isZero();
  }

  @Test
  void should_talk_to_ollamas_native_api_without_a_key() {
    open("ollama", "");

    TriagedMessage t = triage("Production is down, 502 on every page");

    LlmStub.Received sent = stub.received().get(0);
    assertThat(sent.path()).isEqualTo("/api/chat");
    assertThat(sent.authorization()).isNull();
    assertThat(sent.prompt()).contains("<messages>");
    assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
  }

  private int sequence;

  /** A message in another channel, each with the next timestamp. */
  private Message in(String channelId, String channelName, String text) {
    return inChannel(channelId, channelName, "17727001" + (10 + ++sequence) + ".000100", text);
  }

  static Message message(String ts, String text) {
    return inChannel("C0SUPPORT", "support", ts, text);
  }

  private static Message inChannel(String channelId, String channelName, String ts, String text) {
    return new Message(
        "T1",
        channelId,
        channelName,
        ts,
        null,
        "U1",
        "Isa",
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }
}
