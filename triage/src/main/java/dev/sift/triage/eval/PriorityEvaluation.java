package dev.sift.triage.eval;

import dev.sift.triage.verdict.Priority;
import java.util.Arrays;
import java.util.List;

/**
 * Priority quality over labelled data: exact accuracy and macro-F1 over P1..P4, accuracy within one
 * level, and precision and recall of the urgent ones (P1 or P2, the ones that page or make a task
 * card) against the rest.
 */
public final class PriorityEvaluation {
  private final Evaluation levels =
      new Evaluation(Arrays.stream(Priority.values()).map(Enum::name).toList());
  private long withinOne;
  private long urgentBoth;
  private long urgentGold;
  private long urgentPredicted;

  public void add(Priority gold, Priority predicted) {
    levels.add(gold.name(), predicted.name());
    if (Math.abs(gold.ordinal() - predicted.ordinal()) <= 1) {
      withinOne++;
    }
    boolean g = gold.ordinal() <= Priority.P2.ordinal();
    boolean p = predicted.ordinal() <= Priority.P2.ordinal();
    urgentGold += g ? 1 : 0;
    urgentPredicted += p ? 1 : 0;
    urgentBoth += g && p ? 1 : 0;
  }

  public long count() {
    return levels.count();
  }

  public double accuracy() {
    return levels.accuracy();
  }

  /** Mean F1 over the levels that occur in the gold labels. */
  public double macroF1() {
    return levels.macroF1();
  }

  /** Share of rows predicted at most one level away from the gold priority. */
  public double withinOneAccuracy() {
    return count() == 0 ? 0 : (double) withinOne / count();
  }

  /** Of the rows predicted P1 or P2, the share that are P1 or P2. */
  public double urgentPrecision() {
    return urgentPredicted == 0 ? 0 : (double) urgentBoth / urgentPredicted;
  }

  /** Of the rows that are P1 or P2, the share predicted P1 or P2. */
  public double urgentRecall() {
    return urgentGold == 0 ? 0 : (double) urgentBoth / urgentGold;
  }

  /** How many rows were predicted P1 whose gold priority is lower (false pages). */
  public long falseP1() {
    long[][] m = levels.confusion();
    long n = 0;
    for (int gold = 1; gold < m.length; gold++) {
      n += m[gold][0];
    }
    return n;
  }

  public List<String> labels() {
    return levels.labels();
  }

  /** Counts of (gold, predicted) levels; a copy. */
  public long[][] confusion() {
    return levels.confusion();
  }
}
