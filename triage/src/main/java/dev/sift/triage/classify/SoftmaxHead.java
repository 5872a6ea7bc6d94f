package dev.sift.triage.classify;

import dev.sift.triage.classify.LexicalFeatures.Sparse;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over an embedding (dense) and lexical (sparse) features, trained
 * with AdaGrad on class-balanced weights so a category with many examples does not crowd out a rare
 * one.
 */
final class SoftmaxHead {
  /**
   * Training knobs. A scale of 0 switches a feature block off. The two presets are what {@code sift
   * eval} measured best on the shared eval sets: words overfit a few examples quickly, so the
   * lexical head is regularised ten times harder.
   */
  record Options(int epochs, double learningRate, double l2, float denseScale, float sparseScale) {
    static final Options EMBEDDING = new Options(30, 0.3, 1e-4, 1.0f, 0f);
    static final Options LEXICAL = new Options(30, 0.3, 1e-3, 0f, 1.0f);
  }

  private final int classes;
  private final int dense;
  private final float[][] wd;
  private final float[][] ws;
  private final float[] bias;
  private final Options options;

  private SoftmaxHead(int classes, int dense, Options options) {
    this.classes = classes;
    this.dense = dense;
    this.options = options;
    this.wd = new float[classes][dense];
    this.ws = new float[classes][LexicalFeatures.BUCKETS];
    this.bias = new float[classes];
  }

  /** Trains on parallel lists of features and integer labels {@code 0..classes-1}. */
  static SoftmaxHead train(
      List<float[]> denseX, List<Sparse> sparseX, int[] labels, int classes, Options options) {
    int n = labels.length;
    int dim = denseX.get(0).length;
    SoftmaxHead head = new SoftmaxHead(classes, dim, options);
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    double[] classWeight = new double[classes];
    for (int c = 0; c < classes; c++) {
      classWeight[c] = counts[c] == 0 ? 0 : (double) n / (classes * counts[c]);
    }
    float[][] gd = new float[classes][dim];
    float[][] gs = new float[classes][LexicalFeatures.BUCKETS];
    float[] gb = new float[classes];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(42); // deterministic: the same examples give the same model
    double lr = options.learningRate();
    float l2 = (float) options.l2();
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        float[] x = denseX.get(i);
        Sparse s = sparseX.get(i);
        double[] p = head.probabilities(x, s);
        for (int c = 0; c < classes; c++) {
          float g = (float) (classWeight[labels[i]] * (p[c] - (labels[i] == c ? 1 : 0)));
          float[] w = head.wd[c];
          float[] acc = gd[c];
          for (int j = 0; options.denseScale() != 0 && j < dim; j++) {
            float grad = g * x[j] * options.denseScale() + l2 * w[j];
            acc[j] += grad * grad;
            w[j] -= (float) (lr * grad / Math.sqrt(acc[j] + 1e-8));
          }
          float[] v = head.ws[c];
          float[] accS = gs[c];
          for (int k = 0; options.sparseScale() != 0 && k < s.index().length; k++) {
            int j = s.index()[k];
            float grad = g * s.value()[k] * options.sparseScale() + l2 * v[j];
            accS[j] += grad * grad;
            v[j] -= (float) (lr * grad / Math.sqrt(accS[j] + 1e-8));
          }
          gb[c] += g * g;
          head.bias[c] -= (float) (lr * g / Math.sqrt(gb[c] + 1e-8));
        }
      }
    }
    return head;
  }

  /** Class probabilities for one example. */
  double[] probabilities(float[] x, Sparse s) {
    double[] logits = new double[classes];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double z = bias[c];
      float[] w = wd[c];
      double d = 0;
      for (int j = 0; options.denseScale() != 0 && j < dense; j++) {
        d += w[j] * x[j];
      }
      z += d * options.denseScale();
      float[] v = ws[c];
      double sp = 0;
      for (int k = 0; k < s.index().length; k++) {
        sp += v[s.index()[k]] * s.value()[k];
      }
      z += sp * options.sparseScale();
      logits[c] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      logits[c] = Math.exp(logits[c] - max);
      sum += logits[c];
    }
    for (int c = 0; c < classes; c++) {
      logits[c] /= sum;
    }
    return logits;
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
