package dev.sift.bot.slack.view;

import com.slack.api.model.view.ViewState;
import dev.sift.triage.verdict.Priority;
import java.util.Map;
import java.util.Objects;

/**
 * What a person submitted in the {@link CorrectionModal}.
 *
 * @param category the category name they chose
 * @param priority the priority they chose
 * @param note their note, or null when they left it empty
 */
public record CorrectionForm(String category, Priority priority, String note) {

  public CorrectionForm {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /**
   * Reads a submitted correction modal's state.
   *
   * @throws IllegalArgumentException when the category or the priority is missing
   */
  public static CorrectionForm read(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values =
        state == null || state.getValues() == null ? Map.of() : state.getValues();
    String category = selected(values, CorrectionModal.CATEGORY);
    if (category == null) {
      throw new IllegalArgumentException("the correction has no category: pick one and save again");
    }
    String priority = selected(values, CorrectionModal.PRIORITY);
    if (priority == null) {
      throw new IllegalArgumentException("the correction has no priority: pick one and save again");
    }
    ViewState.Value note = value(values, CorrectionModal.NOTE);
    return new CorrectionForm(
        category, Priority.parse(priority), note == null ? null : note.getValue());
  }

  private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
    ViewState.Value v = value(values, block);
    if (v == null || v.getSelectedOption() == null) {
      return null;
    }
    String chosen = v.getSelectedOption().getValue();
    return chosen == null || chosen.isBlank() ? null : chosen;
  }

  private static ViewState.Value value(
      Map<String, Map<String, ViewState.Value>> values, String block) {
    Map<String, ViewState.Value> actions = values.get(block);
    return actions == null ? null : actions.get(CorrectionModal.VALUE);
  }
}
