package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.index.lexical.Bm25KnnClassifier;
import dev.sift.index.lexical.NaiveBayesClassifier;
import dev.sift.triage.classify.AdaptivePriors;
import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.ExpertTrainer;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.LearnedCombination;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.classify.PriorAdaptation;
import dev.sift.triage.classify.SoftmaxExperts;
import dev.sift.triage.embed.MiniLmEmbedder;
import dev.sift.triage.eval.Calibration;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code sift eval --compare}: the shipped classifier and the single baselines side by side on the
 * same rows, each trained on the taxonomy's examples only: accuracy, macro-F1, expected calibration
 * error and speed (after the shared embedding).
 */
final class HeadComparison {
  private static final int KNN = 10;
  private static final AdaptivePriors.Settings SETTINGS = AdaptivePriors.Settings.DEFAULT;

  /** One head's figures. */
  record Scores(String name, Evaluation eval, Calibration calibration, double seconds) {}

  private final List<Scores> scores;
  private final double embedSeconds;

  private HeadComparison(List<Scores> scores, double embedSeconds) {
    this.scores = scores;
    this.embedSeconds = embedSeconds;
  }

  static HeadComparison run(Taxonomy taxonomy, List<LabelledExample> rows) {
    List<LabelledExample> examples = new ArrayList<>();
    for (Category c : taxonomy.categories()) {
      c.examples().forEach(e -> examples.add(new LabelledExample(e, c.name())));
    }
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      EmbeddedClassifier shipped = new EmbeddedClassifier(taxonomy, embedder);
      Map<String, Classifier> heads = new LinkedHashMap<>();
      heads.put("shipped (embedded)", shipped);
      heads.put("embedding softmax", (t, v) -> shipped.experts(t, v).get("embedding"));
      heads.put("tf-idf softmax", (t, v) -> shipped.experts(t, v).get("words"));
      heads.put("naive Bayes (Lucene terms)", new NaiveBayesClassifier(taxonomy.names(), examples));
      heads.put("BM25 kNN (k=" + KNN + ")", new Bm25KnnClassifier(taxonomy.names(), examples, KNN));

      SoftmaxExperts softmax = new SoftmaxExperts(taxonomy.names(), embedder);
      Map<String, ExpertTrainer> all = new LinkedHashMap<>();
      all.put("embedding", softmax.embedding());
      all.put("words", softmax.words());
      all.put("nb", ex -> new NaiveBayesClassifier(taxonomy.names(), ex));
      all.put("bm25", ex -> new Bm25KnnClassifier(taxonomy.names(), ex, KNN));
      List<float[]> exampleVectors =
          embedder.embedAll(examples.stream().map(LabelledExample::text).toList());
      LearnedCombination four =
          LearnedCombination.fit(taxonomy.names(), examples, exampleVectors, all);
      heads.put("stacked, 4 experts (folds)", four);
      EmbeddedClassifier described = new EmbeddedClassifier(withDescriptions(taxonomy), embedder);
      heads.put("shipped, + descriptions", described);
      heads.put("emb. softmax, + descriptions", (t, v) -> described.experts(t, v).get("embedding"));

      List<String> texts = rows.stream().map(LabelledExample::text).toList();
      long start = System.nanoTime();
      List<float[]> vectors = embedder.embedAll(texts);
      double embedSeconds = (System.nanoTime() - start) / 1e9;
      List<Scores> out = new ArrayList<>();
      heads.forEach((name, head) -> out.add(score(name, head, rows, vectors, taxonomy)));
      out.add(wholeSetPriors(shipped, rows, vectors, taxonomy));
      out.add(runningPriors(shipped, rows, vectors, taxonomy));
      return new HeadComparison(out, embedSeconds);
    }
  }

  /**
   * The taxonomy with each category's description as one more example: the team's own words for the
   * category, which the other heads do not read. A candidate, not what ships.
   */
  private static Taxonomy withDescriptions(Taxonomy taxonomy) {
    List<Category> categories = new ArrayList<>();
    for (Category c : taxonomy.categories()) {
      List<String> examples = new ArrayList<>(c.examples());
      if (!c.description().isBlank()) {
        examples.add(c.description());
      }
      categories.add(new Category(c.name(), c.description(), c.defaultPriority(), examples));
    }
    return new Taxonomy(categories);
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

  /**
   * The shipped classifier with priors estimated by EM over all the rows' texts at once: the
   * transductive upper bound of prior adaptation. Labels are not read.
   */
  private static Scores wholeSetPriors(
      Classifier shipped, List<LabelledExample> rows, List<float[]> vectors, Taxonomy taxonomy) {
    List<String> labels = taxonomy.names();
    long start = System.nanoTime();
    List<double[]> raw = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      raw.add(
          PriorAdaptation.probabilities(
              shipped.classify(rows.get(i).text(), vectors.get(i)), labels));
    }
    double[] training = PriorAdaptation.uniform(labels.size());
    double[] priors = PriorAdaptation.adapted(raw, training, SETTINGS.pseudoCount());
    List<Prediction> predictions = new ArrayList<>(rows.size());
    for (double[] p : raw) {
      predictions.add(
          PriorAdaptation.prediction(PriorAdaptation.adjust(p, training, priors), labels));
    }
    return scores(
        "shipped + priors (whole set)",
        predictions,
        rows,
        taxonomy,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The shipped classifier adapting its priors as it goes, exactly as the live pipeline does, over
   * the rows in a fixed shuffled order (eval files are often sorted by category; traffic is not).
   */
  private static Scores runningPriors(
      Classifier shipped, List<LabelledExample> rows, List<float[]> vectors, Taxonomy taxonomy) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(7));
    AdaptivePriors adaptive = new AdaptivePriors(shipped, taxonomy.names(), SETTINGS);
    long start = System.nanoTime();
    Prediction[] predictions = new Prediction[rows.size()];
    for (int i : order) {
      predictions[i] = adaptive.classify(rows.get(i).text(), vectors.get(i));
    }
    return scores(
        "shipped + priors (running)",
        List.of(predictions),
        rows,
        taxonomy,
        (System.nanoTime() - start) / 1e9);
  }

  private static Scores scores(
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
