package dev.sift.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real provider, only when asked: set {@code SIFT_IT_LLM_PROVIDER} (openai or anthropic),
 * {@code SIFT_IT_LLM_MODEL} and the provider's key, then run {@code mvn -pl bot test
 * -Dtest=RealProviderIT}. Never runs in CI, which has neither keys nor internet.
 */
@EnabledIfEnvironmentVariable(named = "SIFT_IT_LLM_PROVIDER", matches = "openai|anthropic")
class RealProviderIT {
  @TempDir Path data;

  @Test
  void should_triage_an_outage_report_with_a_real_model() {
    SiftConfig config =
        ConfigLoader.parse(
                "llm:\n  provider: "
                    + System.getenv("SIFT_IT_LLM_PROVIDER")
                    + "\n  model: "
                    + System.getenv("SIFT_IT_LLM_MODEL")
                    + "\n  cascade: {always: true}\n",
                "sift.yml",
                data)
            .withDataDir(data);
    try (Sift sift = new Sift(config)) {
      sift.privateChannels().learn("C0SUPPORT", false);
      Message m =
          new Message(
              "T1",
              "C0SUPPORT",
              "support",
              "1772700100.000100",
              null,
              "U1",
              "Isa",
              "The client portal is down for everyone, 502 on login since 14:02",
              null,
              false,
              false,
              List.of(),
              List.of());
      sift.pipeline(o -> {}).processAll(List.of(m));
      TriagedMessage t = sift.index().find(m.key()).orElseThrow();

      assertThat(t.verdict().decidedBy()).isEqualTo(Verdict.LLM);
      assertThat(t.verdict().category()).isEqualTo("incident");
      assertThat(t.verdict().summary()).isNotBlank();
    }
  }
}
