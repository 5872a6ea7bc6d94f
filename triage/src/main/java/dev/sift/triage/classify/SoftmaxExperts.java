package dev.sift.triage.classify;

import dev.sift.triage.classify.LexicalFeatures.Sparse;
import dev.sift.triage.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two softmax heads of {@link EmbeddedClassifier} as trainers a {@link LearnedCombination} can
 * refit on folds: one on the sentence embedding, one on hashed TF-IDF n-grams. Example vectors are
 * embedded once and cached, since every fold reuses them.
 */
public final class SoftmaxExperts {
  private static final Sparse NONE = new Sparse(new int[0], new float[0]);

  private final List<String> labels;
  private final Embedder embedder;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  public SoftmaxExperts(List<String> labels, Embedder embedder) {
    this.labels = List.copyOf(labels);
    this.embedder = embedder;
  }

  /** The softmax head on the sentence embedding. */
  public ExpertTrainer embedding() {
    return examples -> {
      List<float[]> dense = dense(examples);
      SoftmaxHead head =
          SoftmaxHead.train(
              dense,
              none(examples.size()),
              y(examples),
              labels.size(),
              SoftmaxHead.Options.EMBEDDING);
      return (text, vector) -> PriorAdaptation.prediction(head.probabilities(vector, NONE), labels);
    };
  }

  /** The softmax head on hashed TF-IDF word and word-pair features. */
  public ExpertTrainer words() {
    return examples -> {
      List<String> texts = examples.stream().map(LabelledExample::text).toList();
      LexicalFeatures features = LexicalFeatures.fit(texts);
      List<Sparse> sparse = texts.stream().map(features::vectorize).toList();
      float[] zero = new float[embedder.dimension()];
      List<float[]> dense = new ArrayList<>();
      texts.forEach(t -> dense.add(zero));
      SoftmaxHead head =
          SoftmaxHead.train(dense, sparse, y(examples), labels.size(), SoftmaxHead.Options.LEXICAL);
      return (text, vector) ->
          PriorAdaptation.prediction(head.probabilities(zero, features.vectorize(text)), labels);
    };
  }

  private List<float[]> dense(List<LabelledExample> examples) {
    List<String> missing =
        examples.stream().map(LabelledExample::text).filter(t -> !vectors.containsKey(t)).toList();
    List<String> distinct = missing.stream().distinct().toList();
    List<float[]> embedded = embedder.embedAll(distinct);
    for (int i = 0; i < distinct.size(); i++) {
      vectors.put(distinct.get(i), embedded.get(i));
    }
    return examples.stream().map(e -> vectors.get(e.text())).toList();
  }

  private int[] y(List<LabelledExample> examples) {
    return examples.stream().mapToInt(e -> labels.indexOf(e.category())).toArray();
  }

  private static List<Sparse> none(int n) {
    List<Sparse> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(NONE);
    }
    return out;
  }
}
