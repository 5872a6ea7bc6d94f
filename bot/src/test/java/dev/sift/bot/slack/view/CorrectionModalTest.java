package dev.sift.bot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CorrectionModalTest {
  private static final Taxonomy TAXONOMY =
      new Taxonomy(
          List.of(
              new Category("incident", "", Priority.P1, List.of()),
              new Category("bug", "", Priority.P2, List.of()),
              new Category("question", "", Priority.P3, List.of())));

  @Test
  void should_open_as_a_modal_that_remembers_the_item() {
    View view = CorrectionModal.view(Items.item("it broke", Priority.P2, "bug"), TAXONOMY);

    JsonObject json = SlackJson.tree(view).getAsJsonObject();
    assertThat(json.get("type").getAsString()).isEqualTo("modal");
    assertThat(json.get("callback_id").getAsString()).isEqualTo("triage_correction");
    assertThat(json.get("private_metadata").getAsString())
        .isEqualTo("T1/C0SUPPORT/1700000000.000000");
    assertThat(json.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Correct triage");
    assertThat(json.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Save");
    assertThat(json.getAsJsonObject("close").get("text").getAsString()).isEqualTo("Cancel");
  }

  @Test
  void should_offer_every_category_with_the_current_one_selected() {
    View view = CorrectionModal.view(Items.item("it broke", Priority.P2, "bug"), TAXONOMY);

    JsonObject select = input(view, "category");
    assertThat(select.get("action_id").getAsString()).isEqualTo("value");
    assertThat(values(select.getAsJsonArray("options")))
        .containsExactly("incident", "bug", "question");
    assertThat(select.getAsJsonObject("initial_option").get("value").getAsString())
        .isEqualTo("bug");
  }

  @Test
  void should_offer_every_priority_with_the_current_one_selected() {
    View view = CorrectionModal.view(Items.item("it broke", Priority.P2, "bug"), TAXONOMY);

    JsonObject select = input(view, "priority");
    assertThat(values(select.getAsJsonArray("options"))).containsExactly("P1", "P2", "P3", "P4");
    assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("P2");
  }

  @Test
  void should_preselect_no_category_when_the_current_one_left_the_taxonomy() {
    View view = CorrectionModal.view(Items.item("it broke", Priority.P2, "retired"), TAXONOMY);

    assertThat(input(view, "category").has("initial_option")).isFalse();
  }

  @Test
  void should_ask_for_an_optional_multiline_note() {
    View view = CorrectionModal.view(Items.item("it broke", Priority.P2, "bug"), TAXONOMY);

    JsonObject block = block(view, "note");
    assertThat(block.get("optional").getAsBoolean()).isTrue();
    assertThat(block.getAsJsonObject("element").get("type").getAsString())
        .isEqualTo("plain_text_input");
    assertThat(block.getAsJsonObject("element").get("multiline").getAsBoolean()).isTrue();
  }

  @Test
  void should_read_what_was_submitted() {
    ViewState state = state("incident", "P1", "  customers are affected ");

    assertThat(CorrectionForm.read(state))
        .isEqualTo(new CorrectionForm("incident", Priority.P1, "customers are affected"));
  }

  @Test
  void should_read_no_note_when_it_was_left_empty() {
    assertThat(CorrectionForm.read(state("bug", "P3", null)).note()).isNull();
    assertThat(CorrectionForm.read(state("bug", "P3", "   ")).note()).isNull();
  }

  @Test
  void should_refuse_when_the_category_is_missing() {
    assertThatThrownBy(() -> CorrectionForm.read(state(null, "P1", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no category");
  }

  @Test
  void should_refuse_when_the_priority_is_missing() {
    assertThatThrownBy(() -> CorrectionForm.read(state("bug", null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no priority");
  }

  private static ViewState state(String category, String priority, String note) {
    Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
    if (category != null) {
      values.put("category", Map.of("value", selected(category)));
    }
    if (priority != null) {
      values.put("priority", Map.of("value", selected(priority)));
    }
    ViewState.Value text = new ViewState.Value();
    text.setType("plain_text_input");
    text.setValue(note);
    values.put("note", Map.of("value", text));
    return new ViewState(values);
  }

  private static ViewState.Value selected(String value) {
    ViewState.SelectedOption option = new ViewState.SelectedOption();
    option.setValue(value);
    ViewState.Value v = new ViewState.Value();
    v.setType("static_select");
    v.setSelectedOption(option);
    return v;
  }

  private static JsonObject block(View view, String blockId) {
    JsonArray blocks = SlackJson.tree(view).getAsJsonObject().getAsJsonArray("blocks");
    return StreamSupport.stream(blocks.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(b -> b.has("block_id") && b.get("block_id").getAsString().equals(blockId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no block " + blockId));
  }

  private static JsonObject input(View view, String blockId) {
    return block(view, blockId).getAsJsonObject("element");
  }

  private static List<String> values(JsonArray options) {
    return StreamSupport.stream(options.spliterator(), false)
        .map(o -> o.getAsJsonObject().get("value").getAsString())
        .toList();
  }
}
