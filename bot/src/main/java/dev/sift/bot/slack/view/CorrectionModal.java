package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * The modal "Wrong triage" opens: the right category, the right priority and an optional note.
 * {@link CorrectionForm#read} reads what was submitted.
 */
public final class CorrectionModal {
  public static final String CALLBACK_ID = "triage_correction";
  static final String CATEGORY = "category";
  static final String PRIORITY = "priority";
  static final String NOTE = "note";

  /** The action id of every input: the block id already says which input it is. */
  static final String VALUE = "value";

  /** Slack's limits for a static select: 100 options, 75 characters of option text. */
  private static final int OPTIONS = 100;

  private static final int OPTION_TEXT = 75;
  private static final int NOTE_LENGTH = 1000;

  private CorrectionModal() {}

  /** The modal for one item; its private metadata is the item's key id. */
  public static View view(TriagedMessage item, Taxonomy taxonomy) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        Kit.section(
            "Triaged as "
                + Mrkdwn.label(item.verdict())
                + " in "
                + Mrkdwn.channel(item.message())
                + ":\n>"
                + Mrkdwn.summary(item.message(), 300)));
    blocks.add(categoryInput(item, taxonomy));
    blocks.add(priorityInput(item));
    blocks.add(
        input(
            i ->
                i.blockId(NOTE)
                    .label(plainText("Note"))
                    .optional(true)
                    .hint(plainText("Why was it wrong? Sift learns from every correction."))
                    .element(
                        plainTextInput(
                            p -> p.actionId(VALUE).multiline(true).maxLength(NOTE_LENGTH)))));
    return Views.view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(item.key().id())
                .title(viewTitle(t -> t.type("plain_text").text("Correct triage")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  private static LayoutBlock categoryInput(TriagedMessage item, Taxonomy taxonomy) {
    List<OptionObject> options = new ArrayList<>();
    OptionObject initial = null;
    for (Category c :
        taxonomy.categories().subList(0, Math.min(OPTIONS, taxonomy.categories().size()))) {
      OptionObject o = option(plainText(Mrkdwn.clip(c.name(), OPTION_TEXT)), c.name());
      options.add(o);
      if (c.name().equals(item.verdict().category())) {
        initial = o;
      }
    }
    // Slack rejects an initial option that is not among the options (a category since removed).
    OptionObject selected = initial;
    return input(
        i ->
            i.blockId(CATEGORY)
                .label(plainText("Category"))
                .element(
                    staticSelect(
                        s ->
                            s.actionId(VALUE)
                                .placeholder(plainText("Pick a category"))
                                .options(options)
                                .initialOption(selected))));
  }

  private static LayoutBlock priorityInput(TriagedMessage item) {
    List<OptionObject> options = new ArrayList<>();
    OptionObject initial = null;
    for (Priority p : Priority.values()) {
      OptionObject o = option(plainText(p.name()), p.name());
      options.add(o);
      if (p == item.verdict().priority()) {
        initial = o;
      }
    }
    OptionObject selected = initial;
    return input(
        i ->
            i.blockId(PRIORITY)
                .label(plainText("Priority"))
                .element(
                    staticSelect(
                        s ->
                            s.actionId(VALUE)
                                .placeholder(plainText("Pick a priority"))
                                .options(options)
                                .initialOption(selected))));
  }
}
