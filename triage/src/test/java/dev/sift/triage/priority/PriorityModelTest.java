package dev.sift.triage.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityModelTest {
  private final PriorityModel model = new PriorityModel(true);

  @Test
  void should_stay_idle_until_enough_corrections_arrive() {
    model.learn(corrections(PriorityModel.MIN_CORRECTIONS - 1));

    assertThat(model.move(features("bug", Priority.P3, "export is slow", 1, 0))).isEmpty();
    assertThat(model.corrections()).isZero();
  }

  @Test
  void should_move_what_people_keep_correcting_and_name_itself_in_the_reason() {
    model.learn(corrections(20));

    var move =
        model.move(features("bug", Priority.P3, "port the tab fix to the suite", 0.9f, 0.1f));

    assertThat(move).isPresent();
    assertThat(move.get().priority()).isEqualTo(Priority.P4);
    assertThat(move.get().reason())
        .startsWith("learned from 20 priority corrections: P4 (")
        .endsWith("rather than the rules' P3");
  }

  @Test
  void should_leave_alone_what_people_kept_as_the_rules_said() {
    model.learn(corrections(20));

    assertThat(model.move(features("bug", Priority.P3, "crash when saving a draft", 0.1f, 0.9f)))
        .isEmpty();
  }

  @Test
  void should_never_make_a_message_p1_the_rules_did_not() {
    List<PriorityModel.Example> pages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pages.add(
          new PriorityModel.Example(
              features("bug", Priority.P3, "export fails", 1, 0), Priority.P1));
    }
    model.learn(pages);

    assertThat(model.probabilities(features("bug", Priority.P3, "export fails", 1, 0)).get()[0])
        .isGreaterThan(PriorityModel.MIN_CONFIDENCE);
    assertThat(model.move(features("bug", Priority.P3, "export fails", 1, 0))).isEmpty();
  }

  /** Half the corrections lower messages near (1, 0) to P4; the other half keep (0, 1) at P3. */
  private static List<PriorityModel.Example> corrections(int n) {
    List<PriorityModel.Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean lowered = i % 2 == 0;
      out.add(
          new PriorityModel.Example(
              features("bug", Priority.P3, "report " + i, lowered ? 1 : 0, lowered ? 0 : 1),
              lowered ? Priority.P4 : Priority.P3));
    }
    return out;
  }

  private static PriorityFeatures features(
      String category, Priority rules, String text, float a, float b) {
    return PriorityFeatures.of(category, rules, text, new float[] {a, b});
  }
}
