package dev.sift.triage.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification quality over labelled data: accuracy, macro-F1, per-category precision, recall and
 * F1, and the confusion matrix (gold row, predicted column).
 */
public final class Evaluation {
  private final List<String> labels;
  private final long[][] confusion;
  private long n;

  public Evaluation(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.confusion = new long[labels.size()][labels.size()];
  }

  public void add(String gold, String predicted) {
    confusion[index(gold)][index(predicted)]++;
    n++;
  }

  public long count() {
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < labels.size(); i++) {
      right += confusion[i][i];
    }
    return n == 0 ? 0 : (double) right / n;
  }

  /** Unweighted mean of per-category F1 over categories that occur in the gold labels. */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (Map.Entry<String, Scores> e : perCategory().entrySet()) {
      if (e.getValue().support() > 0) {
        sum += e.getValue().f1();
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /** Precision, recall, F1 and support for each category, in taxonomy order. */
  public Map<String, Scores> perCategory() {
    Map<String, Scores> out = new LinkedHashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      long tp = confusion[c][c];
      long predicted = 0;
      long gold = 0;
      for (int k = 0; k < labels.size(); k++) {
        predicted += confusion[k][c];
        gold += confusion[c][k];
      }
      double precision = predicted == 0 ? 0 : (double) tp / predicted;
      double recall = gold == 0 ? 0 : (double) tp / gold;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.put(labels.get(c), new Scores(precision, recall, f1, gold));
    }
    return out;
  }

  public List<String> labels() {
    return labels;
  }

  /** Counts of (gold, predicted) pairs; a copy. */
  public long[][] confusion() {
    long[][] copy = new long[labels.size()][];
    for (int i = 0; i < labels.size(); i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  private int index(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("unknown label '" + label + "'");
    }
    return i;
  }

  /** One category's figures. */
  public record Scores(double precision, double recall, double f1, long support) {}
}
