package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.divider;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.triage.digest.Digest;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A digest as blocks, the same content the CLI prints: figures, open P1/P2 items with their
 * reasons, busiest threads.
 */
final class DigestBlocks {
  /** 20 urgent items and 10 threads keep a digest near 30 blocks, under Slack's 50. */
  static final int URGENT = 20;

  static final int THREADS = 10;
  private static final int SUMMARY = 150;
  private static final int REASONS = 300;

  private DigestBlocks() {}

  static List<LayoutBlock> of(Digest d, PermalinkLookup links) {
    List<LayoutBlock> blocks = new ArrayList<>();
    // A header is plain text: Slack shows it as typed, so it needs no escaping.
    blocks.add(Kit.header("Digest of " + d.scope()));
    blocks.add(
        Kit.context(
            (d.since() == null ? "All time" : "Since " + Mrkdwn.date(d.since()))
                + " · "
                + Mrkdwn.count(d.messageCount(), "message", "messages")));
    blocks.add(
        Kit.section(
            "*Items by priority:* "
                + Counts.priorities(d.itemsByPriority())
                + "\n*Messages by category:* "
                + Counts.categories(d.messagesByCategory())));
    blocks.add(divider());
    if (!d.summary().isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("*Summary*");
      for (Summariser.Bullet bullet : d.summary()) {
        StringBuilder line = new StringBuilder("• ").append(Mrkdwn.escape(bullet.text()));
        int n = 0;
        for (String id : bullet.sourceIds()) {
          String link = links.linkTo(id);
          n++;
          if (link != null) {
            line.append(' ').append(Mrkdwn.link(link, "[" + n + "]"));
          }
        }
        lines.add(line.toString());
      }
      blocks.addAll(Kit.packed(lines));
      blocks.add(divider());
    }
    List<TriagedMessage> urgent = d.urgent();
    blocks.add(Kit.section(urgent.isEmpty() ? "No open P1/P2 items." : "*Open P1/P2 items*"));
    urgent.stream().limit(URGENT).forEach(t -> blocks.add(Kit.section(item(t, links))));
    if (urgent.size() > URGENT) {
      blocks.add(Kit.more(urgent.size() - URGENT));
    }
    if (!d.busiestThreads().isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("*Busiest threads*");
      d.busiestThreads().stream().limit(THREADS).forEach(t -> lines.add(thread(t, links)));
      if (d.busiestThreads().size() > THREADS) {
        lines.add("…and " + (d.busiestThreads().size() - THREADS) + " more");
      }
      blocks.add(divider());
      blocks.addAll(Kit.packed(lines));
    }
    return blocks;
  }

  private static String item(TriagedMessage t, PermalinkLookup links) {
    Message m = t.message();
    StringBuilder b =
        new StringBuilder(Mrkdwn.label(t.verdict()))
            .append(' ')
            .append(Mrkdwn.summary(m, SUMMARY))
            .append("\n")
            .append(Mrkdwn.author(m))
            .append(" in ")
            .append(Mrkdwn.channel(m))
            .append(" · ")
            .append(Mrkdwn.date(m.postedAt()));
    if (t.reporterCount() > 1) {
      b.append(" · ").append(Mrkdwn.count(t.reporterCount(), "reporter", "reporters"));
    }
    if (!t.replyIds().isEmpty()) {
      b.append(" · ").append(Mrkdwn.count(t.replyIds().size(), "reply", "replies"));
    }
    b.append(" · ").append(TaskCard.label(t.status()).toLowerCase(Locale.ROOT));
    String url = links.linkTo(t.key().id());
    if (url != null) {
      b.append(" · ").append(Mrkdwn.link(url, "View"));
    }
    if (!t.verdict().reasons().isEmpty()) {
      String why = Mrkdwn.oneLine(Mrkdwn.escape(String.join("; ", t.verdict().reasons())), REASONS);
      b.append("\n_Why: ").append(why).append('_');
    }
    return b.toString();
  }

  private static String thread(TriagedMessage t, PermalinkLookup links) {
    Message m = t.message();
    String line =
        "• "
            + Mrkdwn.count(t.replyIds().size(), "reply", "replies")
            + " · "
            + Mrkdwn.channel(m)
            + " · "
            + Mrkdwn.summary(m, 100);
    String url = links.linkTo(t.key().id());
    return url == null ? line : line + " · " + Mrkdwn.link(url, "View");
  }
}
