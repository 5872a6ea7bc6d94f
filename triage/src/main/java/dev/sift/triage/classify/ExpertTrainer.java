package dev.sift.triage.classify;

import java.util.List;

/**
 * Trains one expert on labelled examples: what a {@link LearnedCombination} calls once per held-out
 * fold and once on all the examples.
 */
@FunctionalInterface
public interface ExpertTrainer {
  Classifier train(List<LabelledExample> examples);
}
