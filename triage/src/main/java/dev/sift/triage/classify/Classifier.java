package dev.sift.triage.classify;

/** Decides which category of the taxonomy a message belongs to. */
public interface Classifier {

  /**
   * Classifies a message's text, given its embedding (computed once by the caller so the same
   * vector can serve search and duplicate finding too).
   */
  Prediction classify(String text, float[] vector);
}
