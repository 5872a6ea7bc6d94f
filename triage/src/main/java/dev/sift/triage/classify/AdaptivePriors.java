package dev.sift.triage.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier whose probabilities follow the traffic it has seen: it keeps the last messages'
 * probabilities, re-estimates the categories' priors from them now and then ({@link
 * PriorAdaptation}), and adjusts every answer to those priors. {@code sift eval --compare} runs it
 * over the rows as live traffic would. Not wired into the live pipeline yet: on the four eval sets
 * it changed no accuracy but BANKING77's, which it lowered by 0.2 points (README, measured
 * figures).
 *
 * <p>Bounded and conservative: a fixed window of recent messages (memory {@code window ×
 * categories} doubles), no adjustment before {@code minimum} messages, and a Dirichlet pseudo-count
 * that keeps part of the belief in the balanced training priors. Thread-safe; the estimate runs
 * under a lock every {@code every} messages (milliseconds for a window of 2,000).
 */
public final class AdaptivePriors implements Classifier {
  /**
   * When and how far to adapt.
   *
   * @param window how many recent messages the estimate reads
   * @param minimum messages seen before the first adjustment
   * @param every messages between two estimates
   * @param pseudoCount messages' worth of belief the balanced priors keep
   */
  public record Settings(int window, int minimum, int every, double pseudoCount) {
    public static final Settings DEFAULT = new Settings(2000, 200, 50, 200);

    public Settings {
      if (window < 1 || minimum < 1 || every < 1 || pseudoCount < 0) {
        throw new IllegalArgumentException("window, minimum and every must be positive");
      }
    }
  }

  private final Classifier inner;
  private final List<String> labels;
  private final double[] training;
  private final Settings settings;
  private final ArrayDeque<double[]> recent = new ArrayDeque<>();
  private int sinceEstimate;
  private double[] priors; // null until the first estimate

  /** Adapts {@code inner}, whose probabilities over {@code labels} assume balanced priors. */
  public AdaptivePriors(Classifier inner, List<String> labels, Settings settings) {
    this.inner = inner;
    this.labels = List.copyOf(labels);
    this.training = PriorAdaptation.uniform(labels.size());
    this.settings = settings;
  }

  @Override
  public Prediction classify(String text, float[] vector) {
    Prediction p = inner.classify(text, vector);
    double[] raw = PriorAdaptation.probabilities(p, labels);
    double[] current = observe(raw);
    return current == null
        ? p
        : PriorAdaptation.prediction(PriorAdaptation.adjust(raw, training, current), labels);
  }

  /** The priors answers are adjusted to now, in the order of the labels; null before any. */
  public synchronized double[] priors() {
    return priors == null ? null : priors.clone();
  }

  private synchronized double[] observe(double[] raw) {
    recent.addLast(raw);
    if (recent.size() > settings.window()) {
      recent.removeFirst();
    }
    if (++sinceEstimate >= settings.every() && recent.size() >= settings.minimum()) {
      priors = PriorAdaptation.adapted(new ArrayList<>(recent), training, settings.pseudoCount());
      sinceEstimate = 0;
    }
    return priors;
  }
}
