package dev.sift.triage.classify;

import dev.sift.triage.classify.LexicalFeatures.Sparse;
import dev.sift.triage.embed.Embedder;
import dev.sift.triage.embed.Vectors;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The offline classifier: two softmax heads, one on the sentence embeddings and one on the words
 * (hashed TF-IDF n-grams), trained on the taxonomy's examples and every correction people make,
 * combined as a product of experts. The embedding head reads vectors centred on the examples' mean
 * ({@link Centering}). Thread-safe: classification reads an immutable model; learning trains a new
 * one and swaps it in.
 *
 * <p>Why not nearest-example similarity? On held-out data it lost to a trained head, and it
 * over-predicts categories with few examples when traffic is imbalanced; the head learns a boundary
 * instead and is trained on class-balanced weights. Why two heads rather than one over both feature
 * blocks? One joint head let the words memorise the few examples and lost 10 points on BANKING77;
 * separate heads keep the embedding head's accuracy and add the words' evidence ({@code sift eval}:
 * BANKING77 0.845 → 0.845, ask-dev 0.628 → 0.640 accuracy at weight 0.4-0.5).
 */
public final class EmbeddedClassifier implements Classifier {
  private final Taxonomy taxonomy;
  private final Embedder embedder;

  private final List<LabelledExample> examples = new ArrayList<>();
  private final Map<String, LabelledExample> corrections = new java.util.LinkedHashMap<>();
  private final Map<String, float[]> vectors = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Model model;

  public EmbeddedClassifier(Taxonomy taxonomy, Embedder embedder) {
    this.taxonomy = taxonomy;
    this.embedder = embedder;
    for (Category c : taxonomy.categories()) {
      for (String example : c.examples()) {
        examples.add(new LabelledExample(example, c.name()));
      }
    }
    retrain();
  }

  /**
   * Learns corrections and retrains at once; a few hundred examples train in well under a second. A
   * later correction of the same text replaces the earlier one.
   */
  public synchronized void learn(List<LabelledExample> more) {
    for (LabelledExample e : more) {
      taxonomy.get(e.category()); // rejects a category the taxonomy does not have
    }
    more.forEach(e -> corrections.put(e.text(), e));
    retrain();
  }

  /**
   * The {@code k} labelled examples (taxonomy examples and corrections) closest in meaning to a
   * vector: what an LLM is shown to learn the team's labels, corrections included.
   */
  public List<LabelledExample> nearestExamples(float[] vector, int k) {
    return nearestExamples(vector, k, e -> true);
  }

  /**
   * The {@code k} closest labelled examples that {@code allowed} lets through: the nearest allowed
   * ones, not the nearest {@code k} with the disallowed taken out afterwards (which would show
   * fewer, or none, exactly when a private correction is the closest).
   */
  public List<LabelledExample> nearestExamples(
      float[] vector, int k, java.util.function.Predicate<LabelledExample> allowed) {
    Model m = model;
    List<LabelledExample> all = m.examples();
    Integer[] order = new Integer[all.size()];
    double[] score = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      order[i] = i;
      float[] v = vectors.get(all.get(i).text());
      score[i] = v == null || vector == null ? -1 : Vectors.dot(vector, v);
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    List<LabelledExample> out = new ArrayList<>();
    for (int i = 0; i < order.length && out.size() < k; i++) {
      LabelledExample e = all.get(order[i]);
      if (allowed.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many labelled examples the current model was trained on. */
  public int exampleCount() {
    return model.trainedOn();
  }

  /**
   * What each of the two heads alone says, for {@code sift eval --compare}: {@code embedding} (the
   * softmax head on the centred sentence embedding) and {@code words} (the softmax head on hashed
   * TF-IDF n-grams).
   */
  public Map<String, Prediction> experts(String text, float[] vector) {
    Model m = model;
    Sparse words = m.features().vectorize(text);
    return Map.of(
        "embedding",
        ranked(m.labels(), m.embeddingHead().probabilities(m.centering().apply(vector), words)),
        "words",
        ranked(m.labels(), m.lexicalHead().probabilities(vector, words)));
  }

  private static Prediction ranked(List<String> labels, double[] p) {
    List<Prediction.Scored> ranked = new ArrayList<>(p.length);
    for (int c = 0; c < p.length; c++) {
      ranked.add(new Prediction.Scored(labels.get(c), p[c]));
    }
    ranked.sort(Comparator.comparingDouble(Prediction.Scored::probability).reversed());
    return new Prediction(ranked);
  }

  @Override
  public Prediction classify(String text, float[] vector) {
    Model m = model;
    Sparse words = m.features().vectorize(text);
    double[] p =
        m.weights()
            .combine(
                m.embeddingHead().probabilities(m.centering().apply(vector), words),
                m.lexicalHead().probabilities(vector, words));
    return ranked(m.labels(), p);
  }

  private synchronized void retrain() {
    List<LabelledExample> examples = new ArrayList<>(this.examples);
    examples.addAll(corrections.values());
    List<String> missing = new ArrayList<>();
    for (LabelledExample e : examples) {
      if (!vectors.containsKey(e.text())) {
        missing.add(e.text());
      }
    }
    List<float[]> embedded = embedder.embedAll(missing);
    for (int i = 0; i < missing.size(); i++) {
      vectors.put(missing.get(i), embedded.get(i));
    }
    List<String> labels = taxonomy.names();
    List<String> texts = new ArrayList<>(examples.size());
    List<float[]> dense = new ArrayList<>(examples.size());
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      LabelledExample e = examples.get(i);
      texts.add(e.text());
      dense.add(vectors.get(e.text()));
      y[i] = labels.indexOf(e.category());
    }
    Centering centering = Centering.of(dense);
    dense = centering.apply(dense);
    LexicalFeatures features = LexicalFeatures.fit(texts);
    List<Sparse> sparse = new ArrayList<>(texts.size());
    for (String t : texts) {
      sparse.add(features.vectorize(t));
    }
    int k = labels.size();
    // Calibrating trains ten more heads (seconds for a large taxonomy), but a correction must be
    // learnt at once: the calibration is fitted again only when the examples grew by a quarter.
    Model before = model;
    boolean refit = before == null || y.length >= 1.25 * before.calibratedOn();
    model =
        new Model(
            labels,
            features,
            centering,
            SoftmaxHead.train(dense, sparse, y, k, SoftmaxHead.Options.EMBEDDING),
            SoftmaxHead.train(dense, sparse, y, k, SoftmaxHead.Options.LEXICAL),
            refit ? Stacking.fit(dense, sparse, y, k) : before.weights(),
            List.copyOf(examples),
            refit ? y.length : before.calibratedOn());
  }

  private record Model(
      List<String> labels,
      LexicalFeatures features,
      Centering centering,
      SoftmaxHead embeddingHead,
      SoftmaxHead lexicalHead,
      Stacking.Weights weights,
      List<LabelledExample> examples,
      int calibratedOn) {
    int trainedOn() {
      return examples.size();
    }
  }
}
