package dev.sift.bot.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out a scheduled digest for reading on a phone, most pressing first: the window, figures,
 * open P1/P2 items, SLA breaches, what was resolved, busiest threads, per-channel highlights, and
 * where to see everything.
 */
public final class DigestLayout {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
  private static final int ITEM_TEXT = 140;
  private static final int THREAD_TEXT = 90;
  private static final int BULLET_TEXT = 300;

  private DigestLayout() {}

  /** The parts of the post, as of {@code now} (for items' ages). */
  public static List<Part> parts(DigestComposition d, Instant now, PostFormat f) {
    List<Part> parts = new ArrayList<>();
    String header =
        d.title()
            + " · "
            + WHEN.format(d.from().atZone(d.zone()))
            + " – "
            + WHEN.format(d.to().atZone(d.zone()))
            + (d.late() == null ? "" : " (late: " + d.late() + ")");
    parts.add(Part.header(header));
    parts.add(
        Part.context(
            "Times in "
                + d.zone().getId()
                + " · "
                + count(d.messageCount(), "message", "messages")
                + " in "
                + count(d.highlights().size(), "channel", "channels")));
    parts.add(
        Part.list(
            "",
            List.of(
                f.bold("Items by priority:") + " " + priorities(d.itemsByPriority()),
                f.bold("Messages by category:") + " " + categories(d.messagesByCategory()))));
    List<String> open = d.openUrgent().stream().map(t -> item(t, now, f)).toList();
    if (open.isEmpty()) {
      parts.add(Part.list(f.bold("No open P1/P2 items."), List.of()));
    } else {
      List<String> entries = new ArrayList<>(open);
      if (d.moreOpenUrgent()) {
        entries.add("…and more: see `/triage queue`");
      }
      parts.add(Part.list(f.bold("Open P1/P2 items"), entries));
    }
    if (!d.breached().isEmpty()) {
      parts.add(
          Part.list(
              f.bold("Breached their SLA"),
              d.breached().stream().map(t -> breach(t, now, f)).toList()));
    }
    if (!d.resolved().isEmpty()) {
      parts.add(
          Part.list(
              f.bold("Resolved"),
              d.resolved().stream().map(t -> "• " + line(t, f) + " · " + where(t, f)).toList()));
    }
    if (!d.busiestThreads().isEmpty()) {
      parts.add(
          Part.list(
              f.bold("Busiest threads"),
              d.busiestThreads().stream().map(t -> thread(t, f)).toList()));
    }
    for (DigestComposition.Highlight h : d.highlights()) {
      parts.add(Part.divider());
      parts.add(
          Part.list(
              f.bold(f.channel(h.channelId(), h.channelName()))
                  + " · "
                  + count(h.messages(), "message", "messages")
                  + (h.summary().isEmpty()
                      ? ""
                      : " · summary by the LLM, each line cites its source"),
              highlight(h, f)));
    }
    parts.add(Part.divider());
    parts.add(Part.context("View all in App Home, or type `/triage queue`."));
    return parts;
  }

  /** The parts as plain text, as {@code sift digest --dry-run} prints them. */
  public static String plain(List<Part> parts) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      switch (p.kind()) {
        case HEADER -> out.append(p.title()).append('\n').append("=".repeat(40)).append('\n');
        case CONTEXT -> out.append(p.title()).append('\n');
        case DIVIDER -> out.append('\n');
        case LIST -> {
          if (!p.title().isEmpty()) {
            out.append(p.title()).append('\n');
          }
          p.entries().forEach(e -> out.append(e).append('\n'));
        }
      }
    }
    return out.toString();
  }

  private static String item(TriagedMessage t, Instant now, PostFormat f) {
    String owner =
        t.task().assigneeId() == null ? "no owner" : "owner " + f.person(t.task().assigneeId());
    return "• "
        + line(t, f)
        + "\n   "
        + where(t, f)
        + " · "
        + age(t.message().postedAt(), now)
        + " old · "
        + owner
        + " · "
        + t.status().name().toLowerCase(Locale.ROOT);
  }

  private static String breach(TriagedMessage t, Instant now, PostFormat f) {
    return "• "
        + line(t, f)
        + "\n   "
        + where(t, f)
        + " · breached "
        + age(t.task().slaBreachedAt(), now)
        + " ago · "
        + t.status().name().toLowerCase(Locale.ROOT);
  }

  private static String line(TriagedMessage t, PostFormat f) {
    return f.priority(t.verdict().priority())
        + " "
        + f.text(t.verdict().category(), 40)
        + ": "
        + f.link(t, f.text(text(t), ITEM_TEXT));
  }

  private static String where(TriagedMessage t, PostFormat f) {
    return f.channel(t.message().channelId(), t.message().channelName());
  }

  private static String thread(TriagedMessage t, PostFormat f) {
    return "• "
        + count(t.replyIds().size(), "reply", "replies")
        + " · "
        + where(t, f)
        + " · "
        + f.link(t, f.text(text(t), THREAD_TEXT));
  }

  private static List<String> highlight(DigestComposition.Highlight h, PostFormat f) {
    if (!h.summary().isEmpty()) {
      List<String> out = new ArrayList<>();
      for (Summariser.Bullet b : h.summary()) {
        out.add("• " + f.text(b.text(), BULLET_TEXT) + cites(b, h, f));
      }
      return out;
    }
    if (h.items().isEmpty()) {
      return List.of("No items, only conversation.");
    }
    return h.items().stream().map(t -> "• " + line(t, f)).toList();
  }

  /** Citations as numbered links to the messages a bullet rests on. */
  private static String cites(Summariser.Bullet b, DigestComposition.Highlight h, PostFormat f) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String id : b.sourceIds()) {
      n++;
      out.append(' ').append(f.cite(id, "[" + n + "]"));
    }
    return out.toString();
  }

  private static String text(TriagedMessage t) {
    String text = t.message().text();
    return text == null || text.isBlank() ? "(no text)" : text;
  }

  private static String priorities(Map<Priority, Long> counts) {
    List<String> out = new ArrayList<>();
    for (Priority p : Priority.values()) {
      out.add(p + " " + counts.getOrDefault(p, 0L));
    }
    return String.join(" · ", out);
  }

  private static String categories(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    List<String> out = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.add(e.getKey() + " " + e.getValue()));
    return String.join(" · ", out);
  }

  static String age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    if (age.toHours() < 1) {
      return Math.max(0, age.toMinutes()) + "m";
    }
    return age.toHours() < 48 ? age.toHours() + "h" : age.toDays() + "d";
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
