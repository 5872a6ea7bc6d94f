package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.embed.MiniLmEmbedder;
import dev.sift.triage.eval.EvalData;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.llm.LlmOpinion;
import dev.sift.triage.llm.LlmStats;
import dev.sift.triage.message.Message;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sift eval}: measures the embedded classifier on labelled data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure classification on labelled JSONL data ({\"text\", \"category\"} a line).")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled JSONL.")
  Path data;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy whose examples train the classifier (default: the built-in one).")
  Path taxonomyFile;

  @Option(names = "--json", description = "Print one JSON object instead of a report.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A sift.yml whose llm section puts the LLM cascade in the loop (default: embedded only).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Taxonomy taxonomy =
        taxonomyFile == null ? Taxonomy.defaults() : TaxonomyLoader.load(taxonomyFile);
    List<LabelledExample> rows = EvalData.read(data, taxonomy);
    EvalResult result =
        config == null ? embeddedOnly(taxonomy, rows) : withConfig(taxonomy, rows, config);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? result.json() : result.report());
    out.flush();
    return 0;
  }

  /** The embedded classifier alone, trained on the taxonomy's examples. */
  private static EvalResult embeddedOnly(Taxonomy taxonomy, List<LabelledExample> rows) {
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      long trainStart = System.nanoTime();
      EmbeddedClassifier classifier = new EmbeddedClassifier(taxonomy, embedder);
      double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
      List<String> texts = rows.stream().map(LabelledExample::text).toList();
      long start = System.nanoTime();
      List<float[]> vectors = embedder.embedAll(texts);
      double embedSeconds = (System.nanoTime() - start) / 1e9;
      Evaluation eval = new Evaluation(taxonomy.names());
      for (int i = 0; i < rows.size(); i++) {
        Prediction p = classifier.classify(texts.get(i), vectors.get(i));
        eval.add(rows.get(i).category(), p.category());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new EvalResult(
          eval,
          rows.size() / seconds,
          rows.size() / embedSeconds,
          trainSeconds,
          Map.of("embedded", (long) rows.size()),
          null);
    }
  }

  /**
   * The whole cascade a config describes (the LLM asked where the embedded model is unsure), each
   * row as a message of a public channel, on a throwaway index.
   */
  private static EvalResult withConfig(
      Taxonomy taxonomy, List<LabelledExample> rows, Path configFile) throws Exception {
    Path scratch = Files.createTempDirectory("sift-eval");
    SiftConfig c = ConfigLoader.load(configFile).withDataDir(scratch);
    try (Sift sift = new Sift(c)) {
      if (!sift.taxonomy().names().equals(taxonomy.names())) {
        throw new IllegalArgumentException(
            "the config's taxonomy differs from --taxonomy; point the config's taxonomy at it");
      }
      sift.privateChannels().learn("C-EVAL", false);
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        messages.add(
            new Message(
                "T-EVAL",
                "C-EVAL",
                "eval",
                String.format("%d.%06d", 1_700_000_000L + i, 0),
                null,
                "U-EVAL",
                "eval",
                rows.get(i).text(),
                null,
                false,
                false,
                List.of(),
                List.of()));
      }
      long start = System.nanoTime();
      Evaluation eval = new Evaluation(taxonomy.names());
      Map<String, Long> decided = new LinkedHashMap<>();
      for (int from = 0; from < messages.size(); from += 64) {
        List<Message> batch = messages.subList(from, Math.min(messages.size(), from + 64));
        List<float[]> vectors =
            sift.embedder().embedAll(batch.stream().map(Message::text).toList());
        Map<Integer, LlmOpinion> opinions =
            sift.cascade() == null ? Map.of() : sift.cascade().opinions(batch, vectors);
        for (int i = 0; i < batch.size(); i++) {
          LlmOpinion o = opinions.get(i);
          String predicted =
              o != null
                  ? o.category()
                  : sift.classifier().classify(batch.get(i).text(), vectors.get(i)).category();
          eval.add(rows.get(from + i).category(), predicted);
          decided.merge(o != null ? "llm" : "embedded", 1L, Long::sum);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new EvalResult(
          eval,
          rows.size() / seconds,
          0,
          0,
          decided,
          sift.cascade() == null ? null : sift.cascade().stats().snapshot());
    } finally {
      try (var files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The figures of one evaluation run, as a report or JSON. */
  record EvalResult(
      Evaluation eval,
      double messagesPerSecond,
      double embeddingsPerSecond,
      double trainSeconds,
      Map<String, Long> decidedBy,
      LlmStats.Snapshot llm) {

    String json() throws Exception {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("n", eval.count());
      o.put("accuracy", round(eval.accuracy()));
      o.put("macro_f1", round(eval.macroF1()));
      Map<String, Object> per = new LinkedHashMap<>();
      eval.perCategory()
          .forEach(
              (name, s) ->
                  per.put(
                      name,
                      Map.of(
                          "precision", round(s.precision()),
                          "recall", round(s.recall()),
                          "f1", round(s.f1()),
                          "support", s.support())));
      o.put("per_category", per);
      o.put("labels", eval.labels());
      o.put("confusion", eval.confusion());
      o.put("messages_per_second", round(messagesPerSecond));
      o.put("embeddings_per_second", round(embeddingsPerSecond));
      o.put("train_seconds", round(trainSeconds));
      o.put("decided_by", decidedBy);
      if (llm != null) {
        o.put(
            "llm",
            Map.of(
                "calls", llm.calls(),
                "input_tokens", llm.inputTokens(),
                "output_tokens", llm.outputTokens(),
                "estimated_cost", round(llm.estimatedCost()),
                "repairs", llm.repairs(),
                "failures", llm.failures()));
      }
      return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o)
          + "\n";
    }

    String report() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "n=%d  accuracy=%.3f  macro-F1=%.3f%n",
              eval.count(), eval.accuracy(), eval.macroF1()));
      b.append(
          String.format(
              "%.0f messages/s (embedding alone %.0f/s), trained in %.1f s%n",
              messagesPerSecond, embeddingsPerSecond, trainSeconds));
      b.append("decided by: ").append(decidedBy).append('\n');
      if (llm != null) {
        b.append(
            String.format(
                "LLM: %d calls, %d prompt + %d answer tokens, est. cost %.4f, %d repairs, %d"
                    + " failed calls%n",
                llm.calls(),
                llm.inputTokens(),
                llm.outputTokens(),
                llm.estimatedCost(),
                llm.repairs(),
                llm.failures()));
      }
      b.append('\n');
      b.append(
          String.format(
              "%-28s %9s %9s %9s %8s%n", "category", "precision", "recall", "F1", "support"));
      eval.perCategory()
          .forEach(
              (name, s) ->
                  b.append(
                      String.format(
                          "%-28s %9.3f %9.3f %9.3f %8d%n",
                          name, s.precision(), s.recall(), s.f1(), s.support())));
      if (eval.labels().size() <= 12) {
        b.append("\nconfusion (rows gold, columns predicted):\n");
        List<String> labels = eval.labels();
        b.append(String.format("%-14s", ""));
        labels.forEach(l -> b.append(String.format("%8.8s", l)));
        b.append('\n');
        long[][] m = eval.confusion();
        for (int i = 0; i < labels.size(); i++) {
          b.append(String.format("%-14.14s", labels.get(i)));
          for (long v : m[i]) {
            b.append(String.format("%8d", v));
          }
          b.append('\n');
        }
      }
      return b.toString();
    }

    private static double round(double x) {
      return Math.round(x * 10000) / 10000.0;
    }
  }
}
