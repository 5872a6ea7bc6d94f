package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.element.BlockElements.asElements;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import java.util.List;

/**
 * What the "Triage this message" shortcut shows the person who asked: the verdict with its reasons,
 * a Route it button when the message has no task card, and a cited summary of its thread.
 */
public final class ShortcutReply {
  /** The Route it button's action id; its value is the item's id. */
  public static final String ROUTE = "triage_route";

  /** Room left for the reasons after the verdict's first line. */
  private static final int REASONS = 2500;

  private ShortcutReply() {}

  /** The verdict, or a plain apology when the message could not be read ({@code null}). */
  public static List<LayoutBlock> verdict(TriagedMessage t) {
    if (t == null) {
      return Replies.text("I couldn't read that message.");
    }
    String text =
        Mrkdwn.priorityEmoji(t.verdict().priority())
            + " *"
            + t.verdict().priority()
            + " · "
            + Mrkdwn.escape(t.verdict().category())
            + "* ("
            + Math.round(100 * t.verdict().confidence())
            + "% sure)\n"
            + Mrkdwn.escape(Mrkdwn.clip(String.join("; ", t.verdict().reasons()), REASONS));
    if (t.task().hasCard()) {
      return List.of(
          Kit.section(text + "\nIts task card is in <#" + t.task().cardChannel() + ">."));
    }
    return List.of(
        Kit.section(text),
        actions(asElements(Kit.button(ROUTE, "Route it", t.itemKey().id(), "primary"))));
  }

  /** The answer to Route it: where the card went, or that it could not be routed. */
  public static List<LayoutBlock> routed(TriagedMessage t) {
    if (t == null || !t.task().hasCard()) {
      return Replies.text("I couldn't route that message.");
    }
    return List.of(Kit.section("Routed: the task card is in <#" + t.task().cardChannel() + ">."));
  }

  /** A thread's summary, each bullet linked to the messages it was drawn from. */
  public static List<LayoutBlock> threadSummary(
      List<Summariser.Bullet> bullets, PermalinkLookup links) {
    StringBuilder text = new StringBuilder("*Thread summary*");
    for (Summariser.Bullet b : bullets) {
      text.append("\n• ").append(Mrkdwn.escape(b.text()));
      int n = 0;
      for (String source : b.sourceIds()) {
        String link = links.linkTo(source);
        n++;
        if (link != null) {
          text.append(" <").append(link).append("|[").append(n).append("]>");
        }
      }
    }
    return List.of(Kit.section(text.toString()));
  }
}
