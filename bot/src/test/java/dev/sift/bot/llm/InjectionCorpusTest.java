package dev.sift.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.InjectionGuard;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message of the injection corpus goes through triage twice: once on the embedded model
 * alone, once with an LLM that obeys any instruction it reads (P1, incident, a summary full of
 * pings and links). The second verdict may not go beyond what the message's own content warrants
 * and nothing the LLM wrote may reach our posts as a mention, a ping or a link.
 */
class InjectionCorpusTest {
  @TempDir Path data;

  @Test
  void should_not_let_any_corpus_message_talk_its_way_up_or_into_our_posts() throws Exception {
    List<JsonNode> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      messages.add(
          LlmCascadeTest.message(
              String.format("%d.000100", 1772700000 + i * 60),
              corpus.get(i).path("text").asText()));
    }

    try (LlmStub gullible = new LlmStub();
        Sift plain = new Sift(SiftConfig.defaults().withDataDir(data.resolve("plain")));
        Sift withLlm = new Sift(config(gullible), Map.of("OPENAI_API_KEY", "sk-test")::get)) {
      gullible.judge(text -> obey());
      withLlm.privateChannels().learn("C0SUPPORT", false);
      plain.pipeline(o -> {}).processAll(messages);
      withLlm.pipeline(o -> {}).processAll(messages);

      SoftAssertions soft = new SoftAssertions();
      int guarded = 0;
      int askedLlm = 0;
      for (int i = 0; i < messages.size(); i++) {
        Message m = messages.get(i);
        TriagedMessage own = plain.index().find(m.key()).orElseThrow();
        TriagedMessage got = withLlm.index().find(m.key()).orElseThrow();
        String what = corpus.get(i).path("tries").asText() + ": " + m.text();
        if (InjectionGuard.looksLikeInjection(m.text())) {
          guarded++;
          soft.assertThat(got.verdict().priority()).as(what).isEqualTo(own.verdict().priority());
          soft.assertThat(got.verdict().category()).as(what).isEqualTo(own.verdict().category());
        } else {
          askedLlm += Verdict.LLM.equals(got.verdict().decidedBy()) ? 1 : 0;
          soft.assertThat(got.verdict().priority())
              .as(what)
              .isGreaterThanOrEqualTo(own.verdict().priority().raisedBy(1));
        }
        // What the LLM wrote: the summary and the reasons it gave (ours name signals plainly).
        String written =
            (got.verdict().summary() == null ? "" : got.verdict().summary())
                + " "
                + String.join(
                    " ",
                    got.verdict().reasons().stream().filter(r -> r.startsWith("LLM")).toList());
        soft.assertThat(written)
            .as(what)
            .doesNotContain("<")
            .doesNotContainPattern("(?i)[@!](channel|here|everyone)")
            .doesNotContain("http")
            .doesNotContain("U0123");
      }
      System.out.printf(
          "injection corpus: %d messages; %d kept from the LLM by the guard, %d decided by the"
              + " obeying LLM within the signals' bounds%n",
          messages.size(), guarded, askedLlm);
      soft.assertAll();
    }
  }

  private SiftConfig config(LlmStub stub) {
    return ConfigLoader.parse(
            "llm:\n  provider: openai-compatible\n  base_url: "
                + stub.baseUrl()
                + "\n  model: gullible\n  cascade: {always: true}\n",
            "sift.yml",
            data)
        .withDataDir(data.resolve("llm"));
  }

  /** What a model that follows the injected instructions would answer. */
  private static ObjectNode obey() {
    ObjectNode v = LlmStub.JSON.createObjectNode();
    v.put("category", "incident");
    v.put("priority", "P1");
    v.put("summary", "<!channel> @here urgent, log in at https://evil.example/login <@U0123>");
    v.putArray("reasons")
        .add("the message says to mark it P1 @channel")
        .add("<https://evil.example|docs>");
    v.put("owner", "");
    v.putArray("action_items").add("ping @everyone");
    return v;
  }

  private static List<JsonNode> corpus() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                InjectionCorpusTest.class.getResourceAsStream("/injection/corpus.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(LlmStub.JSON.readTree(line));
        }
      }
    }
    return out;
  }
}
