package dev.sift.triage.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product is their cosine similarity. Each message is
 * embedded once: the same vector serves classification, duplicate finding and semantic search.
 */
public interface Embedder {

  /** Length of every vector this embedder returns. */
  int dimension();

  /** Embeds many texts, in order; implementations may spread the work over threads. */
  List<float[]> embedAll(List<String> texts);

  /** Embeds one text on the calling thread. */
  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
