package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.embed.MiniLmEmbedder;
import dev.sift.triage.eval.EvalData;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Taxonomy taxonomy =
        taxonomyFile == null ? Taxonomy.defaults() : TaxonomyLoader.load(taxonomyFile);
    List<LabelledExample> rows = EvalData.read(data, taxonomy);
    EvalResult result;
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
      result =
          new EvalResult(eval, rows.size() / seconds, rows.size() / embedSeconds, trainSeconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? result.json() : result.report());
    out.flush();
    return 0;
  }

  /** The figures of one evaluation run, as a report or JSON. */
  record EvalResult(
      Evaluation eval, double messagesPerSecond, double embeddingsPerSecond, double trainSeconds) {

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
      o.put("classifier", "embedded");
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
              "%.0f messages/s (embedding alone %.0f/s), trained in %.1f s%n%n",
              messagesPerSecond, embeddingsPerSecond, trainSeconds));
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
