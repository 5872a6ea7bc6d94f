package dev.sift.index.lexical;

import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Multinomial naive Bayes over Lucene-analysed terms with add-alpha smoothing and uniform class
 * priors (a taxonomy's examples say nothing about how often each category occurs). A baseline: it
 * ignores the embedding.
 */
public final class NaiveBayesClassifier implements Classifier {
  private static final double ALPHA = 0.5;

  private final Analyzer analyzer = AnalysedTerms.analyzer();
  private final List<String> labels;
  private final List<Map<String, Integer>> counts = new ArrayList<>();
  private final long[] totals;
  private final int vocabulary;

  public NaiveBayesClassifier(List<String> labels, List<LabelledExample> examples) {
    this.labels = List.copyOf(labels);
    this.totals = new long[labels.size()];
    labels.forEach(l -> counts.add(new HashMap<>()));
    Map<String, Boolean> vocab = new HashMap<>();
    for (LabelledExample e : examples) {
      int c = labels.indexOf(e.category());
      for (String t : AnalysedTerms.of(analyzer, e.text())) {
        counts.get(c).merge(t, 1, Integer::sum);
        totals[c]++;
        vocab.put(t, true);
      }
    }
    this.vocabulary = Math.max(1, vocab.size());
  }

  @Override
  public Prediction classify(String text, float[] vector) {
    List<String> terms = AnalysedTerms.of(analyzer, text);
    double[] log = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < labels.size(); c++) {
      double denominator = Math.log(totals[c] + ALPHA * vocabulary);
      for (String t : terms) {
        log[c] += Math.log(counts.get(c).getOrDefault(t, 0) + ALPHA) - denominator;
      }
      max = Math.max(max, log[c]);
    }
    return normalised(labels, log, max);
  }

  /** Probabilities from log-scores, best first. */
  static Prediction normalised(List<String> labels, double[] log, double max) {
    double sum = 0;
    double[] p = new double[log.length];
    for (int c = 0; c < log.length; c++) {
      p[c] = Math.exp(log[c] - max);
      sum += p[c];
    }
    List<Prediction.Scored> ranked = new ArrayList<>();
    for (int c = 0; c < log.length; c++) {
      ranked.add(new Prediction.Scored(labels.get(c), p[c] / sum));
    }
    ranked.sort(Comparator.comparingDouble(Prediction.Scored::probability).reversed());
    return new Prediction(ranked);
  }
}
