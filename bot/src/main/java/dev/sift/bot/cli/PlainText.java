package dev.sift.bot.cli;

import dev.sift.bot.slack.Permalinks;
import dev.sift.triage.digest.Digest;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Renders triage results as plain text for the terminal. */
public final class PlainText {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
  private static final int LINE = 110;

  private final Permalinks permalinks;
  private final ZoneId zone;

  public PlainText(Permalinks permalinks, ZoneId zone) {
    this.permalinks = permalinks;
    this.zone = zone;
  }

  /** One item as a short block: priority, category, reporters, where, what, why. */
  public String item(TriagedMessage t) {
    Message m = t.message();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "%s %-12s #%s  %s  @%s",
            t.verdict().priority(),
            t.verdict().category(),
            m.channelName(),
            WHEN.format(m.postedAt().atZone(zone)),
            m.userName() == null ? "?" : m.userName()));
    if (t.reporterCount() > 1) {
      b.append("  (").append(t.reporterCount()).append(" reporters)");
    }
    if (!t.replyIds().isEmpty()) {
      b.append("  [").append(t.replyIds().size()).append(" replies]");
    }
    b.append(" ").append(t.status().label()).append('\n');
    b.append("   ").append(oneLine(m.text())).append('\n');
    b.append("   why: ").append(String.join("; ", t.verdict().reasons())).append('\n');
    String link = permalinks.of(m);
    if (link != null) {
      b.append("   ").append(link).append('\n');
    }
    return b.toString();
  }

  public String digest(Digest d) {
    StringBuilder b = new StringBuilder();
    b.append("Digest of ").append(d.scope());
    if (d.since() != null) {
      b.append(" since ").append(WHEN.format(d.since().atZone(zone))).append(' ').append(zone);
    }
    b.append('\n').append(d.messageCount()).append(" messages\n");
    b.append("  by priority (items): ").append(priorities(d.itemsByPriority())).append('\n');
    b.append("  by category:         ").append(counts(d.messagesByCategory())).append("\n\n");
    if (!d.summary().isEmpty()) {
      b.append("Summary (LLM, each line cites its messages):\n");
      for (Summariser.Bullet bullet : d.summary()) {
        b.append("  - ").append(bullet.text()).append('\n');
        for (String id : bullet.sourceIds()) {
          String link = permalinks.of(MessageKey.parse(id));
          b.append("      ").append(link != null ? link : id).append('\n');
        }
      }
      b.append('\n');
    }
    b.append(d.urgent().isEmpty() ? "No open P1/P2 items.\n" : "Open P1/P2 items:\n");
    d.urgent().forEach(t -> b.append(item(t)));
    if (!d.busiestThreads().isEmpty()) {
      b.append("\nBusiest threads:\n");
      for (TriagedMessage t : d.busiestThreads()) {
        b.append(
            String.format(
                "  %3d replies  #%s  %s%n",
                t.replyIds().size(), t.message().channelName(), oneLine(t.message().text())));
        String link = permalinks.of(t.message());
        if (link != null) {
          b.append("               ").append(link).append('\n');
        }
      }
    }
    return b.toString();
  }

  public static String priorities(Map<Priority, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach((p, n) -> b.append(p).append(' ').append(n).append("  "));
    return b.toString().trim();
  }

  public static String counts(Map<String, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append("  "));
    return b.toString().trim();
  }

  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= LINE ? flat : flat.substring(0, LINE - 1) + "…";
  }

  public String items(List<TriagedMessage> items) {
    StringBuilder b = new StringBuilder();
    items.forEach(t -> b.append(item(t)));
    return b.toString();
  }
}
