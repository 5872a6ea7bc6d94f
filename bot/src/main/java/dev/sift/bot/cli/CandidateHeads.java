package dev.sift.bot.cli;

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
import dev.sift.triage.embed.Embedder;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What {@code sift eval --compare} measures beside the shipped classifier and the baselines, to
 * decide what ships next: the four experts stacked on held-out folds, the categories' descriptions
 * read as examples, and class priors adapted to the rows' texts (labels unread).
 */
final class CandidateHeads {
  private static final AdaptivePriors.Settings SETTINGS = AdaptivePriors.Settings.DEFAULT;

  private CandidateHeads() {}

  /** The candidates that are trained: on the examples, or on the examples and descriptions. */
  static Map<String, Classifier> trained(
      Taxonomy taxonomy, List<LabelledExample> examples, Embedder embedder, int knn) {
    SoftmaxExperts softmax = new SoftmaxExperts(taxonomy.names(), embedder);
    Map<String, ExpertTrainer> all = new LinkedHashMap<>();
    all.put("embedding", softmax.embedding());
    all.put("words", softmax.words());
    all.put("nb", ex -> new NaiveBayesClassifier(taxonomy.names(), ex));
    all.put("bm25", ex -> new Bm25KnnClassifier(taxonomy.names(), ex, knn));
    List<float[]> vectors =
        embedder.embedAll(examples.stream().map(LabelledExample::text).toList());
    Map<String, Classifier> heads = new LinkedHashMap<>();
    heads.put(
        "stacked, 4 experts (folds)",
        LearnedCombination.fit(taxonomy.names(), examples, vectors, all));
    EmbeddedClassifier described = new EmbeddedClassifier(withDescriptions(taxonomy), embedder);
    heads.put("shipped, + descriptions", described);
    heads.put(
        "emb. softmax, centred, + descr.", (t, v) -> described.experts(t, v).get("embedding"));
    return heads;
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

  /**
   * The shipped classifier with priors estimated by EM over all the rows' texts at once: the
   * transductive upper bound of prior adaptation. Labels are not read.
   */
  static HeadComparison.Scores wholeSetPriors(
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
    return HeadComparison.scores(
        "shipped + priors (whole set)",
        predictions,
        rows,
        taxonomy,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The shipped classifier learning from its own confident verdicts as traffic arrives (self-
   * training): over the rows in a fixed shuffled order, every {@value #SELF_BATCH} rows the
   * verdicts it was at least {@value #SELF_CONFIDENCE} sure of join its examples, as corrections
   * would, and it retrains. Each row is classified before anything learnt from it. Labels are not
   * read.
   */
  static HeadComparison.Scores selfTrained(
      Taxonomy taxonomy, Embedder embedder, List<LabelledExample> rows, List<float[]> vectors) {
    List<Integer> order = shuffled(rows.size());
    long start = System.nanoTime();
    EmbeddedClassifier learner = new EmbeddedClassifier(taxonomy, embedder);
    Prediction[] predictions = new Prediction[rows.size()];
    List<LabelledExample> confident = new ArrayList<>();
    int seen = 0;
    for (int i : order) {
      predictions[i] = learner.classify(rows.get(i).text(), vectors.get(i));
      if (predictions[i].confidence() >= SELF_CONFIDENCE) {
        confident.add(new LabelledExample(rows.get(i).text(), predictions[i].category()));
      }
      if (++seen % SELF_BATCH == 0 && !confident.isEmpty()) {
        learner.learn(confident);
        confident.clear();
      }
    }
    return HeadComparison.scores(
        "shipped + own verdicts (running)",
        List.of(predictions),
        rows,
        taxonomy,
        (System.nanoTime() - start) / 1e9);
  }

  private static final int SELF_BATCH = 200;

  /**
   * Above this many categories the self-training row is left out: each retrain refits the
   * calibration on folds, which with 150 categories and thousands of learnt verdicts takes minutes,
   * dozens of times over one set.
   */
  static final int SELF_TRAINING_MAX_CATEGORIES = 100;

  private static final double SELF_CONFIDENCE = 0.9;

  private static List<Integer> shuffled(int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(7));
    return order;
  }

  /**
   * The shipped classifier adapting its priors as it goes, exactly as the live pipeline does, over
   * the rows in a fixed shuffled order (eval files are often sorted by category; traffic is not).
   */
  static HeadComparison.Scores runningPriors(
      Classifier shipped, List<LabelledExample> rows, List<float[]> vectors, Taxonomy taxonomy) {
    List<Integer> order = shuffled(rows.size());
    AdaptivePriors adaptive = new AdaptivePriors(shipped, taxonomy.names(), SETTINGS);
    long start = System.nanoTime();
    Prediction[] predictions = new Prediction[rows.size()];
    for (int i : order) {
      predictions[i] = adaptive.classify(rows.get(i).text(), vectors.get(i));
    }
    return HeadComparison.scores(
        "shipped + priors (running)",
        List.of(predictions),
        rows,
        taxonomy,
        (System.nanoTime() - start) / 1e9);
  }
}
