package dev.sift.triage.priority;

import dev.sift.triage.verdict.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people's priority corrections teach: a small multinomial logistic regression over the rules'
 * own verdict (their priority and the signals behind it, {@link PriorityFeatures}) and the
 * message's embedding, trained on every correction at once.
 *
 * <p>The rules stay in charge until the model has seen {@link #MIN_CORRECTIONS} corrections and is
 * at least {@link #MIN_CONFIDENCE} sure of another priority; then it moves the priority and says
 * so, naming itself and how many corrections it learnt from. It never makes a message P1 the rules
 * did not: a page takes hard evidence in the text.
 */
public final class PriorityModel {
  /** Corrections needed before the model may move any priority. */
  public static final int MIN_CORRECTIONS = 10;

  /** The probability the model needs for a priority other than the rules'. */
  public static final double MIN_CONFIDENCE = 0.6;

  private static final int CLASSES = Priority.values().length;
  private static final int EPOCHS = 200;
  private static final double RATE = 0.5;
  private static final double L2 = 1e-3;

  /** One corrected message: what the rules saw and said, and the priority a person gave it. */
  public record Example(PriorityFeatures features, Priority priority) {}

  /** The model's priority for a message, and the reason to show when it differs from the rules. */
  public record Move(Priority priority, double probability, String reason) {}

  private record Trained(double[][] weights, Map<String, Integer> categories, int corrections) {}

  private final boolean useEmbedding;
  private volatile Trained trained;

  /** A model over the rules' signals and, when {@code useEmbedding}, the message's embedding. */
  public PriorityModel(boolean useEmbedding) {
    this.useEmbedding = useEmbedding;
  }

  /** How many corrections the current model learnt from (0 before any). */
  public int corrections() {
    Trained t = trained;
    return t == null ? 0 : t.corrections();
  }

  /** Retrains on all corrections so far; fewer than {@link #MIN_CORRECTIONS} leave it idle. */
  public synchronized void learn(List<Example> examples) {
    if (examples.size() < MIN_CORRECTIONS) {
      trained = null;
      return;
    }
    Map<String, Integer> categories = new HashMap<>();
    for (Example e : examples) {
      categories.putIfAbsent(e.features().category(), categories.size());
    }
    double[][] x = new double[examples.size()][];
    int[] y = new int[examples.size()];
    int dims = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = seen(examples.get(i).features()).vector(categories);
      y[i] = examples.get(i).priority().ordinal();
      dims = Math.max(dims, x[i].length);
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = java.util.Arrays.copyOf(x[i], dims); // a missing embedding reads as zeros
    }
    trained = new Trained(fit(x, y), Map.copyOf(categories), examples.size());
  }

  /** The class probabilities for a message, P1 first, or empty while the model is idle. */
  public Optional<double[]> probabilities(PriorityFeatures features) {
    Trained t = trained;
    if (t == null) {
      return Optional.empty();
    }
    return Optional.of(softmax(t.weights(), seen(features).vector(t.categories())));
  }

  /**
   * The priority the corrections argue for, when it differs from the rules' and the model is sure
   * enough; empty otherwise.
   */
  public Optional<Move> move(PriorityFeatures features) {
    Trained t = trained;
    if (t == null) {
      return Optional.empty();
    }
    double[] p = softmax(t.weights(), seen(features).vector(t.categories()));
    int best = 0;
    for (int k = 1; k < CLASSES; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    Priority to = Priority.values()[best];
    Priority rules = features.rules();
    if (to == rules || p[best] < MIN_CONFIDENCE || (to == Priority.P1 && rules != Priority.P1)) {
      return Optional.empty();
    }
    String reason =
        String.format(
            "learned from %d priority corrections: %s (%.0f%% sure) rather than the rules' %s",
            t.corrections(), to, 100 * p[best], rules);
    return Optional.of(new Move(to, p[best], reason));
  }

  private PriorityFeatures seen(PriorityFeatures features) {
    return useEmbedding ? features : features.withoutEmbedding();
  }

  /** Batch gradient descent on the softmax cross-entropy with a light L2 penalty. */
  private static double[][] fit(double[][] x, int[] y) {
    int d = x[0].length;
    double[][] w = new double[CLASSES][d];
    double[][] grad = new double[CLASSES][d];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (double[] g : grad) {
        java.util.Arrays.fill(g, 0);
      }
      for (int i = 0; i < x.length; i++) {
        double[] p = softmax(w, x[i]);
        for (int k = 0; k < CLASSES; k++) {
          double err = p[k] - (y[i] == k ? 1 : 0);
          if (err == 0) {
            continue;
          }
          double[] g = grad[k];
          for (int j = 0; j < d; j++) {
            g[j] += err * x[i][j];
          }
        }
      }
      for (int k = 0; k < CLASSES; k++) {
        for (int j = 0; j < d; j++) {
          w[k][j] -= RATE * (grad[k][j] / x.length + (j == 0 ? 0 : L2 * w[k][j]));
        }
      }
    }
    return w;
  }

  private static double[] softmax(double[][] w, double[] x) {
    double[] z = new double[CLASSES];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < CLASSES; k++) {
      double s = 0;
      for (int j = 0; j < Math.min(x.length, w[k].length); j++) {
        s += w[k][j] * x[j];
      }
      z[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < CLASSES; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < CLASSES; k++) {
      z[k] /= sum;
    }
    return z;
  }
}
