package dev.sift.triage.eval;

import static dev.sift.triage.verdict.Priority.P1;
import static dev.sift.triage.verdict.Priority.P2;
import static dev.sift.triage.verdict.Priority.P3;
import static dev.sift.triage.verdict.Priority.P4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriorityEvaluationTest {
  @Test
  void should_score_levels_within_one_and_urgent_against_the_rest() {
    PriorityEvaluation e = new PriorityEvaluation();
    e.add(P1, P1); // urgent, right
    e.add(P2, P1); // urgent both, one level off
    e.add(P3, P1); // a false page, two levels off
    e.add(P4, P4);
    e.add(P2, P3); // urgent missed, one level off

    assertThat(e.accuracy()).isCloseTo(2 / 5.0, within(1e-9));
    assertThat(e.withinOneAccuracy()).isCloseTo(4 / 5.0, within(1e-9));
    assertThat(e.urgentPrecision()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(e.urgentRecall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(e.falseP1()).isEqualTo(2);
    // F1 per gold level: P1 1/2 (p 1/3, r 1), P2 0, P3 0, P4 1
    assertThat(e.macroF1()).isCloseTo((0.5 + 0 + 0 + 1) / 4, within(1e-9));
  }
}
