package dev.sift.bot.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.verdict.Priority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What one scheduled digest post says, before it is rendered as blocks or plain text.
 *
 * @param title the schedule's name
 * @param from the window's start
 * @param to the window's end: the slot
 * @param zone the schedule's time zone, for the times in the header
 * @param late why the post is late ("Sift was down at 09:00"), or null when on time
 * @param itemsByPriority items opened in the window, per priority
 * @param messagesByCategory messages posted in the window, per category
 * @param openUrgent open P1/P2 items, whenever they were opened, most urgent and oldest first
 * @param moreOpenUrgent whether there are more open P1/P2 items than listed
 * @param resolved items resolved in the window, whenever they were opened
 * @param breached items that breached their SLA in the window, or are open and breached
 * @param busiestThreads threads started in the window, most replies first
 * @param highlights per channel with messages in the window
 */
public record DigestComposition(
    String title,
    Instant from,
    Instant to,
    ZoneId zone,
    String late,
    Map<Priority, Long> itemsByPriority,
    Map<String, Long> messagesByCategory,
    List<TriagedMessage> openUrgent,
    boolean moreOpenUrgent,
    List<TriagedMessage> resolved,
    List<TriagedMessage> breached,
    List<TriagedMessage> busiestThreads,
    List<Highlight> highlights) {

  /**
   * A channel's highlights: the cited LLM summary when there is one, else its most urgent items.
   *
   * @param summary cited bullets, or empty
   * @param items the channel's most urgent items of the window, shown when there is no summary
   */
  public record Highlight(
      String channelId,
      String channelName,
      long messages,
      List<Summariser.Bullet> summary,
      List<TriagedMessage> items) {
    public Highlight {
      summary = List.copyOf(summary);
      items = List.copyOf(items);
    }
  }

  public DigestComposition {
    itemsByPriority = Map.copyOf(itemsByPriority);
    messagesByCategory = Map.copyOf(messagesByCategory);
    openUrgent = List.copyOf(openUrgent);
    resolved = List.copyOf(resolved);
    breached = List.copyOf(breached);
    busiestThreads = List.copyOf(busiestThreads);
    highlights = List.copyOf(highlights);
  }

  public long messageCount() {
    return messagesByCategory.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Nothing happened in the window: no message, nothing resolved, no new SLA breach. */
  public boolean isEmpty() {
    return messageCount() == 0
        && resolved.isEmpty()
        && breached.stream().noneMatch(t -> !t.task().slaBreachedAt().isBefore(from));
  }
}
