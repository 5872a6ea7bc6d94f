package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.embed.InProcessEmbedder;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The default taxonomy, as most users start with it, on the one eval set whose labels map onto it:
 * ask-dev's request/other e-mail sentences. A default category counts as "request" when the mapping
 * says so, everything else as "other". Two mappings, both fixed before measuring: only the default
 * "request", and "request" with "question" (ask-dev's requests include asking for information).
 * Run: {@code mvn -pl bot test -DexcludedGroups=none -Dgroups=benchmark
 * -Dtest=DefaultTaxonomyBenchmark}.
 */
@Tag("benchmark")
class DefaultTaxonomyBenchmark {
  private static final Path DATA = Path.of("src/test/resources/eval/ask-dev/data.jsonl");
  private static final Map<String, Set<String>> MAPPINGS =
      Map.of(
          "request", Set.of("request"),
          "request + question", Set.of("request", "question"));

  @Test
  void default_taxonomy_on_ask_dev() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (String line : Files.readAllLines(DATA)) {
      JsonNode row = json.readTree(line);
      texts.add(row.get("text").asText());
      gold.add(row.get("category").asText());
    }
    try (InProcessEmbedder embedder = new InProcessEmbedder()) {
      EmbeddedClassifier classifier = new EmbeddedClassifier(Taxonomy.defaults(), embedder);
      List<float[]> vectors = embedder.embedAll(texts);
      List<String> predicted = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        Prediction p = classifier.classify(texts.get(i), vectors.get(i));
        predicted.add(p.category());
      }
      StringBuilder report = new StringBuilder("default taxonomy on ask-dev, n=" + texts.size());
      for (var mapping : new java.util.TreeMap<>(MAPPINGS).entrySet()) {
        Evaluation eval = new Evaluation(List.of("request", "other"));
        for (int i = 0; i < texts.size(); i++) {
          eval.add(
              gold.get(i), mapping.getValue().contains(predicted.get(i)) ? "request" : "other");
        }
        Evaluation.Scores request = eval.perCategory().get("request");
        report.append(
            String.format(
                "%n  %-20s accuracy %.3f, macro-F1 %.3f, request precision %.3f recall %.3f",
                mapping.getKey() + " -> request",
                eval.accuracy(),
                eval.macroF1(),
                request.precision(),
                request.recall()));
      }
      Map<String, Long> counts = new java.util.TreeMap<>();
      predicted.forEach(p -> counts.merge(p, 1L, Long::sum));
      report.append("\n  predicted categories: ").append(counts);
      System.out.println(report);
    }
  }
}
