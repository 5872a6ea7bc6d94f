package dev.sift.bot.digest;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.slack.view.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest's parts as Slack messages within Slack's limits: at most 50 blocks a message, 3,000
 * characters a section, 150 a header. A digest that does not fit one message becomes a short first
 * post (the window, the figures and the open P1/P2 items) and a continuation posted as replies in
 * its thread; nothing is dropped.
 */
public final class SlackPages {
  static final int MAX_BLOCKS = 50;
  static final int SECTION_TEXT = 3000;
  static final int HEADER_TEXT = 150;
  static final int CONTEXT_TEXT = 1900;

  /**
   * Characters of text per message. Slack documents no total, but rejects very large messages
   * ({@code msg_too_long}); this keeps each post well under any such limit and readable on a phone.
   */
  static final int MESSAGE_TEXT = 12_000;

  /** Parts in the first post of a long digest: header, context, figures, open P1/P2 items. */
  private static final int LEAD_PARTS = 4;

  private static final String CONTINUED = "Continued in the thread ↓";

  private SlackPages() {}

  /** The messages to post: the first in the destination, the others as replies in its thread. */
  public static List<List<LayoutBlock>> of(List<Part> parts) {
    List<Sized> all = blocks(parts);
    if (fits(all)) {
      return List.of(all.stream().map(Sized::block).toList());
    }
    List<Sized> lead = blocks(parts.subList(0, Math.min(LEAD_PARTS, parts.size())));
    List<Sized> rest = blocks(parts.subList(Math.min(LEAD_PARTS, parts.size()), parts.size()));
    List<List<LayoutBlock>> pages = new ArrayList<>();
    List<LayoutBlock> first = new ArrayList<>();
    int chars = CONTINUED.length();
    int i = 0;
    // The note saying where the rest is takes the last slot of the first post.
    for (; i < lead.size(); i++) {
      Sized s = lead.get(i);
      if (first.size() + 1 >= MAX_BLOCKS || chars + s.chars() > MESSAGE_TEXT) {
        break;
      }
      first.add(s.block());
      chars += s.chars();
    }
    first.add(context(CONTINUED).block());
    pages.add(first);
    List<Sized> remaining = new ArrayList<>(lead.subList(i, lead.size()));
    remaining.addAll(rest);
    List<LayoutBlock> page = new ArrayList<>();
    chars = 0;
    for (Sized s : remaining) {
      if (!page.isEmpty() && (page.size() >= MAX_BLOCKS || chars + s.chars() > MESSAGE_TEXT)) {
        pages.add(page);
        page = new ArrayList<>();
        chars = 0;
      }
      page.add(s.block());
      chars += s.chars();
    }
    if (!page.isEmpty()) {
      pages.add(page);
    }
    return pages;
  }

  /** A block and how many characters of text it carries. */
  private record Sized(LayoutBlock block, int chars) {}

  private static boolean fits(List<Sized> blocks) {
    return blocks.size() <= MAX_BLOCKS
        && blocks.stream().mapToInt(Sized::chars).sum() <= MESSAGE_TEXT;
  }

  private static List<Sized> blocks(List<Part> parts) {
    List<Sized> out = new ArrayList<>();
    for (Part p : parts) {
      switch (p.kind()) {
        case HEADER -> {
          String text = Mrkdwn.oneLine(p.title(), HEADER_TEXT);
          out.add(new Sized(Blocks.header(h -> h.text(plainText(text, true))), text.length()));
        }
        case CONTEXT -> out.add(context(p.title()));
        case DIVIDER -> out.add(new Sized(Blocks.divider(), 0));
        case LIST -> sections(p, out);
      }
    }
    return out;
  }

  /** A list's entries packed into as few sections as fit, never splitting an entry. */
  private static void sections(Part p, List<Sized> out) {
    StringBuilder text = new StringBuilder(p.title());
    for (String entry : p.entries()) {
      String e = Mrkdwn.clip(entry, SECTION_TEXT);
      if (text.length() > 0 && text.length() + 1 + e.length() > SECTION_TEXT) {
        out.add(section(text.toString()));
        text.setLength(0);
      }
      text.append(text.length() > 0 ? "\n" : "").append(e);
    }
    if (text.length() > 0) {
      out.add(section(text.toString()));
    }
  }

  private static Sized section(String mrkdwn) {
    return new Sized(Blocks.section(s -> s.text(markdownText(mrkdwn))), mrkdwn.length());
  }

  private static Sized context(String mrkdwn) {
    String text = Mrkdwn.clip(mrkdwn, CONTEXT_TEXT);
    return new Sized(Blocks.context(asContextElements(markdownText(text))), text.length());
  }
}
