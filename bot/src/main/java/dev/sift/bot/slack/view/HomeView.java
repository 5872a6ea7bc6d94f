package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.divider;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The App Home tab: the viewer's open tasks, then the open P1/P2 queue. */
public final class HomeView {
  /** Per list; two full lists and their headers stay far below Slack's 100 blocks per view. */
  static final int LISTED = 20;

  private static final int SUMMARY = 120;

  private HomeView() {}

  /**
   * The home tab. Resolved items are left out, and the queue shows only P1 and P2, whatever the
   * caller passed.
   */
  public static View view(
      List<TriagedMessage> mine, List<TriagedMessage> queue, PermalinkLookup links, Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.header("Your open tasks"));
    List<TriagedMessage> open = mine.stream().filter(t -> t.status() != Status.RESOLVED).toList();
    if (open.isEmpty()) {
      blocks.add(Kit.section("Nothing assigned to you. :tada:"));
    }
    addItems(blocks, open, links, now, false);
    blocks.add(divider());
    blocks.add(Kit.header("Queue"));
    List<TriagedMessage> urgent =
        queue.stream()
            .filter(t -> t.status() != Status.RESOLVED)
            .filter(t -> t.verdict().priority().ordinal() <= Priority.P2.ordinal())
            .toList();
    if (urgent.isEmpty()) {
      blocks.add(Kit.section("No open P1 or P2 items."));
    }
    addItems(blocks, urgent, links, now, true);
    blocks.add(Kit.context("Updated " + Mrkdwn.date(now)));
    return Views.view(v -> v.type("home").blocks(blocks));
  }

  private static void addItems(
      List<LayoutBlock> blocks,
      List<TriagedMessage> items,
      PermalinkLookup links,
      Instant now,
      boolean owner) {
    items.stream().limit(LISTED).forEach(t -> blocks.add(Kit.section(line(t, links, now, owner))));
    if (items.size() > LISTED) {
      blocks.add(Kit.more(items.size() - LISTED));
    }
  }

  /**
   * One item in two short lines: verdict and summary, then where, how old, who owns it, and a link.
   *
   * @param owner whether to show the owner (pointless in the viewer's own list)
   */
  static String line(TriagedMessage t, PermalinkLookup links, Instant now, boolean owner) {
    Message m = t.message();
    StringBuilder b =
        new StringBuilder(Mrkdwn.label(t.verdict()))
            .append(' ')
            .append(Mrkdwn.summary(m, SUMMARY))
            .append('\n')
            .append(Mrkdwn.channel(m))
            .append(" · ")
            .append(Mrkdwn.ago(m.postedAt(), now));
    if (t.status() == Status.ACKED) {
      b.append(" · acknowledged");
    }
    if (owner) {
      String assignee = t.task().assigneeId();
      b.append(" · ").append(assignee == null ? "unassigned" : "owner " + Mrkdwn.user(assignee));
    }
    String url = links.linkTo(t.key().id());
    if (url != null) {
      b.append(" · ").append(Mrkdwn.link(url, "View"));
    }
    return b.toString();
  }
}
