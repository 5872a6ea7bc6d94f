package dev.sift.triage.classify;

import java.util.List;

/**
 * A classifier's answer: every category with its probability, best first.
 *
 * @param ranked categories and probabilities, most probable first; never empty
 */
public record Prediction(List<Scored> ranked) {

  /** One category and its probability. */
  public record Scored(String category, double probability) {}

  public Prediction {
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("a prediction needs at least one category");
    }
    ranked = List.copyOf(ranked);
  }

  public String category() {
    return ranked.get(0).category();
  }

  /** Probability of the best category. */
  public double confidence() {
    return ranked.get(0).probability();
  }

  /** Gap between the best and the second-best probability: small means "unsure between two". */
  public double margin() {
    return ranked.size() < 2
        ? ranked.get(0).probability()
        : ranked.get(0).probability() - ranked.get(1).probability();
  }
}
