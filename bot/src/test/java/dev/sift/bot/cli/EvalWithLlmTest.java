package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.llm.LlmStub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalWithLlmTest {

  @Test
  void should_report_which_classifier_decided_and_what_the_llm_cost(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data.jsonl");
    Files.writeString(
        data,
        """
        {"text": "The portal is down, 502 for every client", "category": "incident"}
        {"text": "Export button crashes with an error on Safari", "category": "bug"}
        {"text": "Could you send Acme the signed SOW by Friday?", "category": "request"}
        {"text": "Where do I find the travel policy?", "category": "question"}
        {"text": "Reminder: all-hands on Thursday at 4pm", "category": "announcement"}
        {"text": "lunch at the noodle place, anyone?", "category": "question"}
        {"text": "Production API is unreachable since 10:02", "category": "incident"}
        {"text": "Happy Friday everyone :tada:", "category": "social"}
        {"text": "Login page shows the wrong logo", "category": "bug"}
        {"text": "Please add Jonah to the Globex channel", "category": "request"}
        """);
    try (LlmStub stub = new LlmStub()) {
      Path config = dir.resolve("sift.yml");
      Files.writeString(
          config,
          "llm:\n  provider: openai-compatible\n  base_url: "
              + stub.baseUrl()
              + "\n  model: confident\n  price_per_million: {input: 1.0, output: 2.0}\n"
              + "  cascade: {always: true, batch_size: 8}\n");

      Cli eval =
          Cli.run("eval", "--data", data.toString(), "--config", config.toString(), "--json");

      assertThat(eval.exitCode()).as(eval.err()).isZero();
      JsonNode o = new ObjectMapper().readTree(eval.out());
      assertThat(o.path("n").asInt()).isEqualTo(10);
      assertThat(o.path("decided_by").path("llm").asLong()).isEqualTo(10);
      assertThat(o.path("llm").path("calls").asLong()).isEqualTo(2);
      assertThat(o.path("llm").path("input_tokens").asLong()).isPositive();
      assertThat(o.path("llm").path("estimated_cost").asDouble()).isPositive();
      assertThat(o.path("accuracy").asDouble()).isGreaterThanOrEqualTo(0.7);
      assertThat(stub.received()).hasSize(2);
    }
  }
}
