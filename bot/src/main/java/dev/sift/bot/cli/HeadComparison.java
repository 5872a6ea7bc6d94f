package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.index.lexical.Bm25KnnClassifier;
import dev.sift.index.lexical.NaiveBayesClassifier;
import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.embed.EmbeddingModel;
import dev.sift.triage.embed.InProcessEmbedder;
import dev.sift.triage.eval.Calibration;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sift eval --compare}: the shipped classifier and the single baselines side by side on the
 * same rows, each trained on the taxonomy's examples only: accuracy, macro-F1, expected calibration
 * error and speed (after the shared embedding), with the candidates of {@link CandidateHeads} below
 * them.
 */
final class HeadComparison {
  private static final int KNN = 10;

  /** One head's figures. */
  record Scores(String name, Evaluation eval, Calibration calibration, double seconds) {}

  private final List<Scores> scores;
  private final double embedSeconds;

  private HeadComparison(List<Scores> scores, double embedSeconds) {
    this.scores = scores;
    this.embedSeconds = embedSeconds;
  }

  static HeadComparison run(Taxonomy taxonomy, List<LabelledExample> rows, EmbeddingModel model) {
    List<LabelledExample> examples = new ArrayList<>();
    for (Category c : taxonomy.categories()) {
      c.examples().forEach(e -> examples.add(new LabelledExample(e, c.name())));
    }
    try (InProcessEmbedder embedder = new InProcessEmbedder(model)) {
      EmbeddedClassifier shipped = new EmbeddedClassifier(taxonomy, embedder);
      Map<String, Classifier> heads = new LinkedHashMap<>();
      heads.put("shipped (embedded)", shipped);
      heads.put("embedding softmax", (t, v) -> shipped.experts(t, v).get("embedding"));
      heads.put("tf-idf softmax", (t, v) -> shipped.experts(t, v).get("words"));
      heads.put("naive Bayes (Lucene terms)", new NaiveBayesClassifier(taxonomy.names(), examples));
      heads.put("BM25 kNN (k=" + KNN + ")", new Bm25KnnClassifier(taxonomy.names(), examples, KNN));

      heads.putAll(CandidateHeads.trained(taxonomy, examples, embedder, KNN));

      List<String> texts = rows.stream().map(LabelledExample::text).toList();
      long start = System.nanoTime();
      List<float[]> vectors = embedder.embedAll(texts);
      double embedSeconds = (System.nanoTime() - start) / 1e9;
      List<Scores> out = new ArrayList<>();
      heads.forEach((name, head) -> out.add(score(name, head, rows, vectors, taxonomy)));
      out.add(CandidateHeads.wholeSetPriors(shipped, rows, vectors, taxonomy));
      out.add(CandidateHeads.runningPriors(shipped, rows, vectors, taxonomy));
      return new HeadComparison(out, embedSeconds);
    }
  }

  private static Scores score(
      String name,
      Classifier head,
      List<LabelledExample> rows,
      List<float[]> vectors,
      Taxonomy taxonomy) {
    long start = System.nanoTime();
    List<Prediction> predictions = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      predictions.add(head.classify(rows.get(i).text(), vectors.get(i)));
    }
    return scores(name, predictions, rows, taxonomy, (System.nanoTime() - start) / 1e9);
  }

  static Scores scores(
      String name,
      List<Prediction> predictions,
      List<LabelledExample> rows,
      Taxonomy taxonomy,
      double seconds) {
    Evaluation eval = new Evaluation(taxonomy.names());
    Calibration calibration = new Calibration();
    for (int i = 0; i < rows.size(); i++) {
      Prediction p = predictions.get(i);
      eval.add(rows.get(i).category(), p.category());
      calibration.add(p.confidence(), p.category().equals(rows.get(i).category()));
    }
    return new Scores(name, eval, calibration, seconds);
  }

  String report() {
    StringBuilder b = new StringBuilder();
    int n = scores.isEmpty() ? 0 : (int) scores.get(0).eval().count();
    b.append(
        String.format(
            "n=%d, every head trained on the taxonomy's examples; embedding %.0f texts/s%n%n",
            n, n / embedSeconds));
    b.append(
        String.format(
            "%-30s %9s %9s %9s %12s%n", "classifier", "accuracy", "macro-F1", "ECE", "messages/s"));
    for (Scores s : scores) {
      b.append(
          String.format(
              "%-30s %9.3f %9.3f %9.3f %12.0f%n",
              s.name(),
              s.eval().accuracy(),
              s.eval().macroF1(),
              s.calibration().expectedCalibrationError(),
              n / s.seconds()));
    }
    b.append("(messages/s: the head alone, after the shared embedding)\n");
    return b.toString();
  }

  String json() throws Exception {
    Map<String, Object> heads = new LinkedHashMap<>();
    for (Scores s : scores) {
      heads.put(
          s.name(),
          Map.of(
              "accuracy", round(s.eval().accuracy()),
              "macro_f1", round(s.eval().macroF1()),
              "ece", round(s.calibration().expectedCalibrationError()),
              "messages_per_second", round(s.eval().count() / s.seconds())));
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("n", scores.isEmpty() ? 0 : scores.get(0).eval().count());
    o.put("compare", heads);
    return new ObjectMapper().writeValueAsString(o) + "\n";
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
