package dev.sift.triage.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingEvaluationTest {
  @Test
  void should_count_pairs_put_together_against_pairs_that_belong_together() {
    // gold: {0,1,2} report one problem, 3 and 4 are nobody's duplicates
    List<String> gold = Arrays.asList("a", "a", "a", null, null);
    // predicted: {0,1} one item, {2,3} one item, 4 alone
    List<String> predicted = List.of("x", "x", "y", "y", "z");

    GroupingEvaluation g = GroupingEvaluation.of(gold, predicted);

    assertThat(g.goldPairs()).isEqualTo(3);
    assertThat(g.predictedPairs()).isEqualTo(2);
    assertThat(g.bothPairs()).isEqualTo(1);
    assertThat(g.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(g.recall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(g.f1()).isCloseTo(0.4, within(1e-9));
  }
}
