package dev.sift.bot.llm;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.SlackExport;
import dev.sift.triage.llm.LlmStats;
import dev.sift.triage.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the LLM costs on the bundled sample week with a stub that answers like a confident model:
 * calls per 1,000 messages under the default cascade, and prompt tokens per message with and
 * without batching. Tokens are the stub's count (request characters / 4), the same for every run.
 * Run: {@code mvn -pl bot test -DexcludedGroups=none -Dgroups=benchmark -Dtest=LlmCostBenchmark}.
 */
@Tag("benchmark")
class LlmCostBenchmark {
  @TempDir Path data;

  @Test
  void llm_cost_on_the_sample_week() throws Exception {
    List<Message> messages;
    List<ExportChannel> channels;
    try (SlackExport export = SlackExport.open(Path.of("..", "samples", "northwind-week.zip"))) {
      channels = export.channels();
      messages = export.messages(w -> {});
    }
    StringBuilder report = new StringBuilder();
    for (String cascade :
        List.of(
            "{batch_size: 8}",
            "{batch_size: 1}",
            "{always: true, batch_size: 8}",
            "{always: true, batch_size: 1}")) {
      try (LlmStub stub = new LlmStub()) {
        var config =
            ConfigLoader.parse(
                    "llm:\n  provider: openai-compatible\n  base_url: "
                        + stub.baseUrl()
                        + "\n  model: confident\n  cascade: "
                        + cascade
                        + "\n",
                    "sift.yml",
                    data)
                .withDataDir(data.resolve(Integer.toString(cascade.hashCode())));
        try (Sift sift = new Sift(config, Map.of("OPENAI_API_KEY", "sk-test")::get)) {
          channels.forEach(c -> sift.privateChannels().learn(c.id(), c.isPrivate()));
          var pipeline = sift.pipeline(o -> {});
          for (int i = 0; i < messages.size(); i += 256) {
            pipeline.processAll(messages.subList(i, Math.min(messages.size(), i + 256)));
          }
          LlmStats.Snapshot s = sift.cascade().stats().snapshot();
          report.append(
              String.format(
                  "cascade %-32s %4d calls = %6.1f per 1,000 messages; %4d of %d messages sent"
                      + " (%.0f%%); %6.0f prompt tokens per message sent; decided by %s%n",
                  cascade,
                  s.calls(),
                  1000.0 * s.calls() / messages.size(),
                  s.messages(),
                  messages.size(),
                  100.0 * s.messages() / messages.size(),
                  s.inputTokensPerMessage(),
                  sift.cascade().decidedBy()));
        }
      }
    }
    System.out.print(report);
    Path out = Path.of("target", "benchmarks", "llm-cost.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }
}
