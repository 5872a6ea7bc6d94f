package dev.sift.triage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptivePriorsTest {
  private static final List<String> LABELS = List.of("question", "alert");

  /** A classifier unsure in a fixed way, leaning to "question" as most traffic is questions. */
  private static final Classifier LEANING =
      (text, vector) ->
          new Prediction(
              List.of(
                  new Prediction.Scored(text.startsWith("q") ? "question" : "alert", 0.7),
                  new Prediction.Scored(text.startsWith("q") ? "alert" : "question", 0.3)));

  @Test
  void should_answer_as_the_inner_classifier_until_it_has_seen_enough() {
    AdaptivePriors adaptive =
        new AdaptivePriors(LEANING, LABELS, new AdaptivePriors.Settings(100, 50, 10, 0));

    for (int i = 0; i < 49; i++) {
      assertThat(adaptive.classify("q" + i, null).confidence()).isEqualTo(0.7);
    }
    assertThat(adaptive.priors()).isNull();
  }

  @Test
  void should_follow_traffic_where_one_category_dominates() {
    AdaptivePriors adaptive =
        new AdaptivePriors(LEANING, LABELS, new AdaptivePriors.Settings(100, 50, 10, 0));

    for (int i = 0; i < 100; i++) {
      adaptive.classify(i % 10 == 0 ? "a" : "q", null);
    }
    Prediction unsureAlert = adaptive.classify("a", null);

    assertThat(adaptive.priors()[0]).isGreaterThan(0.8);
    assertThat(unsureAlert.category()).isEqualTo("question");
  }
}
