package dev.sift.triage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedCombinationTest {
  private static final List<String> LABELS = List.of("bug", "ask");

  /** Knows the answer from the first word. */
  private static final ExpertTrainer INFORMED =
      examples ->
          (text, vector) -> {
            boolean bug = text.startsWith("broken");
            return new Prediction(
                List.of(
                    new Prediction.Scored(bug ? "bug" : "ask", 0.8),
                    new Prediction.Scored(bug ? "ask" : "bug", 0.2)));
          };

  /** Confident and wrong on every other text: worse than no opinion. */
  private static final ExpertTrainer MISLEADING =
      examples ->
          (text, vector) ->
              new Prediction(
                  List.of(
                      new Prediction.Scored(text.length() % 2 == 0 ? "bug" : "ask", 0.95),
                      new Prediction.Scored(text.length() % 2 == 0 ? "ask" : "bug", 0.05)));

  @Test
  void should_weigh_the_informed_expert_and_drop_the_misleading_one() {
    List<LabelledExample> examples = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      examples.add(new LabelledExample("broken thing " + "x".repeat(i), "bug"));
      examples.add(new LabelledExample("please add " + "y".repeat(i), "ask"));
      vectors.add(new float[0]);
      vectors.add(new float[0]);
    }
    Map<String, ExpertTrainer> experts = new LinkedHashMap<>();
    experts.put("informed", INFORMED);
    experts.put("misleading", MISLEADING);

    LearnedCombination combined = LearnedCombination.fit(LABELS, examples, vectors, experts);

    assertThat(combined.weights().get("informed")).isGreaterThan(1);
    assertThat(combined.weights().get("misleading")).isLessThan(0.05);
    assertThat(combined.classify("broken build", null).category()).isEqualTo("bug");
  }
}
