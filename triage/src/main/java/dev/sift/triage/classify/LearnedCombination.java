package dev.sift.triage.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several experts combined by weights learnt on held-out folds of the labelled examples (stacking):
 * each example is predicted by experts trained without it, and the non-negative weights on the
 * experts' log-probabilities that give those held-out predictions the highest likelihood are a
 * logistic regression fitted by projected gradient descent. The experts are then trained on all the
 * examples. A weight of 0 drops an expert; the scale of the weights calibrates the confidence.
 */
public final class LearnedCombination implements Classifier {
  private static final int FOLDS = 5;
  private static final double FLOOR = Math.log(1e-8); // one absurd expert cannot veto a category
  private static final double L2 = 1.0; // keeps the weights finite when the folds separate cleanly
  private static final int STEPS = 300;

  private final List<String> labels;
  private final Map<String, Classifier> experts;
  private final double[] weights;

  private LearnedCombination(List<String> labels, Map<String, Classifier> experts, double[] w) {
    this.labels = labels;
    this.experts = experts;
    this.weights = w;
  }

  /**
   * Learns the weights on folds dealt in turn within each category, then trains every expert on all
   * the examples.
   *
   * @param vectors the examples' embeddings, in the same order
   */
  public static LearnedCombination fit(
      List<String> labels,
      List<LabelledExample> examples,
      List<float[]> vectors,
      Map<String, ExpertTrainer> trainers) {
    int n = examples.size();
    int m = trainers.size();
    int k = labels.size();
    int[] y = examples.stream().mapToInt(e -> labels.indexOf(e.category())).toArray();
    int[] fold = new int[n];
    int[] seen = new int[k];
    for (int i = 0; i < n; i++) {
      fold[i] = seen[y[i]]++ % FOLDS;
    }
    double[][][] logs = new double[n][m][];
    for (int f = 0; f < FOLDS; f++) {
      List<LabelledExample> train = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != f) {
          train.add(examples.get(i));
        }
      }
      int e = 0;
      for (ExpertTrainer trainer : trainers.values()) {
        Classifier expert = trainer.train(train);
        for (int i = 0; i < n; i++) {
          if (fold[i] == f) {
            logs[i][e] = logs(expert.classify(examples.get(i).text(), vectors.get(i)), labels);
          }
        }
        e++;
      }
    }
    double[] w = weights(logs, y, m, k);
    Map<String, Classifier> experts = new LinkedHashMap<>();
    trainers.forEach((name, trainer) -> experts.put(name, trainer.train(examples)));
    return new LearnedCombination(List.copyOf(labels), experts, w);
  }

  /** The learnt weight of each expert, by name. */
  public Map<String, Double> weights() {
    Map<String, Double> out = new LinkedHashMap<>();
    int e = 0;
    for (String name : experts.keySet()) {
      out.put(name, weights[e++]);
    }
    return out;
  }

  @Override
  public Prediction classify(String text, float[] vector) {
    double[] z = new double[labels.size()];
    int e = 0;
    for (Classifier expert : experts.values()) {
      if (weights[e] > 0) {
        double[] l = logs(expert.classify(text, vector), labels);
        for (int c = 0; c < z.length; c++) {
          z[c] += weights[e] * l[c];
        }
      }
      e++;
    }
    return PriorAdaptation.prediction(softmax(z), labels);
  }

  private static double[] weights(double[][][] logs, int[] y, int m, int k) {
    double[] w = new double[m];
    java.util.Arrays.fill(w, 1.0 / m);
    double rate = 1.0;
    double loss = loss(logs, y, w, k, null);
    for (int step = 0; step < STEPS && rate > 1e-9; step++) {
      double[] gradient = new double[m];
      loss(logs, y, w, k, gradient);
      double[] next = new double[m];
      for (int e = 0; e < m; e++) {
        next[e] = Math.max(0, w[e] - rate * gradient[e] / logs.length);
      }
      double nextLoss = loss(logs, y, next, k, null);
      if (nextLoss < loss) {
        w = next;
        loss = nextLoss;
        rate *= 1.2;
      } else {
        rate /= 2;
      }
    }
    return w;
  }

  /** Negative log-likelihood of the held-out labels plus the L2 penalty; fills the gradient. */
  private static double loss(double[][][] logs, int[] y, double[] w, int k, double[] gradient) {
    double loss = 0;
    for (int i = 0; i < logs.length; i++) {
      double[] z = new double[k];
      for (int e = 0; e < w.length; e++) {
        for (int c = 0; c < k; c++) {
          z[c] += w[e] * logs[i][e][c];
        }
      }
      double[] p = softmax(z);
      loss -= Math.log(Math.max(1e-300, p[y[i]]));
      if (gradient != null) {
        for (int e = 0; e < w.length; e++) {
          double expected = 0;
          for (int c = 0; c < k; c++) {
            expected += p[c] * logs[i][e][c];
          }
          gradient[e] += expected - logs[i][e][y[i]];
        }
      }
    }
    for (int e = 0; e < w.length; e++) {
      loss += L2 * w[e] * w[e] / 2;
      if (gradient != null) {
        gradient[e] += L2 * w[e];
      }
    }
    return loss;
  }

  private static double[] logs(Prediction p, List<String> labels) {
    double[] probabilities = PriorAdaptation.probabilities(p, labels);
    double[] out = new double[probabilities.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.max(FLOOR, Math.log(probabilities[c]));
    }
    return out;
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double[] out = new double[z.length];
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      out[c] = Math.exp(z[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < z.length; c++) {
      out[c] /= sum;
    }
    return out;
  }
}
