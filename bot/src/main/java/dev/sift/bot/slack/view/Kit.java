package dev.sift.bot.slack.view;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks that respect Slack's limits by construction: Slack rejects a whole message or view when
 * one text is too long or there are too many blocks, so every text is clipped here.
 */
final class Kit {
  static final int SECTION_TEXT = 3000;
  static final int HEADER_TEXT = 150;
  static final int BUTTON_TEXT = 75;

  /** Slack allows 2000; a margin keeps a clipped token or emoji from tipping it over. */
  static final int CONTEXT_TEXT = 1900;

  static final int BUTTON_VALUE = 2000;
  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;

  /** Slack truncates a message's {@code text} beyond 4000; notifications show far less. */
  static final int FALLBACK_TEXT = 3000;

  private Kit() {}

  static SectionBlock section(String mrkdwn) {
    return Blocks.section(s -> s.text(markdownText(Mrkdwn.clip(nonEmpty(mrkdwn), SECTION_TEXT))));
  }

  static ContextBlock context(String mrkdwn) {
    return Blocks.context(
        asContextElements(markdownText(Mrkdwn.clip(nonEmpty(mrkdwn), CONTEXT_TEXT))));
  }

  static HeaderBlock header(String plain) {
    return Blocks.header(
        h -> h.text(plainText(Mrkdwn.oneLine(nonEmpty(plain), HEADER_TEXT), true)));
  }

  /** "…and 7 more" under a list that was cut to fit. */
  static ContextBlock more(int hidden) {
    return context("…and " + hidden + " more");
  }

  /**
   * @param style "primary", "danger" or null for the default
   */
  static ButtonElement button(String actionId, String text, String value, String style) {
    return BlockElements.button(
        b ->
            b.actionId(actionId)
                .text(plainText(Mrkdwn.clip(text, BUTTON_TEXT), true))
                .value(cut(value, BUTTON_VALUE))
                .style(style));
  }

  /** Lines joined into as few sections as fit, so long lists cost few blocks. */
  static List<SectionBlock> packed(List<String> lines) {
    List<SectionBlock> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      String clipped = Mrkdwn.clip(line, SECTION_TEXT);
      if (text.length() > 0 && text.length() + 1 + clipped.length() > SECTION_TEXT) {
        out.add(section(text.toString()));
        text.setLength(0);
      }
      text.append(text.length() > 0 ? "\n" : "").append(clipped);
    }
    if (text.length() > 0) {
      out.add(section(text.toString()));
    }
    return out;
  }

  /** A value cut without an ellipsis: it is read back by code, not by people. */
  static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }

  /** Slack rejects empty texts; a blank one is a bug upstream, shown rather than failed. */
  private static String nonEmpty(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
