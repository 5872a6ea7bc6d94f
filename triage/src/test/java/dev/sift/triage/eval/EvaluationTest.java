package dev.sift.triage.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void should_compute_accuracy_macro_f1_and_per_category_scores() {
    Evaluation e = new Evaluation(List.of("a", "b"));
    e.add("a", "a");
    e.add("a", "a");
    e.add("a", "b");
    e.add("b", "b");

    assertThat(e.accuracy()).isEqualTo(0.75);
    assertThat(e.perCategory().get("a").precision()).isEqualTo(1.0);
    assertThat(e.perCategory().get("a").recall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(e.perCategory().get("b").precision()).isEqualTo(0.5);
    assertThat(e.macroF1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-9));
    assertThat(e.confusion()[0]).containsExactly(2, 1);
  }
}
