package dev.sift.triage.item;

import java.time.Duration;
import java.util.Set;

/**
 * When a new message is another report of an open problem rather than a problem of its own.
 *
 * @param categories categories whose messages can be duplicates (problems, not chatter)
 * @param window how far back an open item can be to be joined
 * @param minSimilarity cosine similarity of the embeddings needed to join
 */
public record DuplicatePolicy(Set<String> categories, Duration window, double minSimilarity) {

  public static final DuplicatePolicy DEFAULTS =
      new DuplicatePolicy(Set.of("incident", "bug"), Duration.ofHours(4), 0.5);

  public DuplicatePolicy {
    categories = Set.copyOf(categories);
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("duplicates.window must be positive, was " + window);
    }
    if (minSimilarity <= 0 || minSimilarity > 1) {
      throw new IllegalArgumentException(
          "duplicates.min_similarity must be within (0, 1], was " + minSimilarity);
    }
  }
}
