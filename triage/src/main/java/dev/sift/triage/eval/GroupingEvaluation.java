package dev.sift.triage.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicate grouping scored by pairs: of the pairs of rows put in one item, the share that report
 * the same problem (precision), and of the pairs that report the same problem, the share put in one
 * item (recall). Rows without a gold group are nobody's duplicate.
 *
 * @param goldPairs pairs of rows with the same gold group
 * @param predictedPairs pairs of rows put in the same item
 * @param bothPairs pairs that are both
 */
public record GroupingEvaluation(long goldPairs, long predictedPairs, long bothPairs) {

  /**
   * Scores a grouping.
   *
   * @param gold each row's gold group, null for none
   * @param predicted each row's predicted group (the item it ended in), never null
   */
  public static GroupingEvaluation of(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted differ in length");
    }
    Map<String, Long> g = new HashMap<>();
    Map<String, Long> p = new HashMap<>();
    Map<String, Long> both = new HashMap<>();
    for (int i = 0; i < gold.size(); i++) {
      String goldId = gold.get(i) == null ? "\u0000row" + i : gold.get(i);
      g.merge(goldId, 1L, Long::sum);
      p.merge(predicted.get(i), 1L, Long::sum);
      both.merge(goldId + "\u0000" + predicted.get(i), 1L, Long::sum);
    }
    return new GroupingEvaluation(pairs(g), pairs(p), pairs(both));
  }

  private static long pairs(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  public double precision() {
    return predictedPairs == 0 ? 0 : (double) bothPairs / predictedPairs;
  }

  public double recall() {
    return goldPairs == 0 ? 0 : (double) bothPairs / goldPairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
