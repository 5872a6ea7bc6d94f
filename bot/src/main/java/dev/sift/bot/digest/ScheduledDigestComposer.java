package dev.sift.bot.digest;

import dev.sift.triage.digest.DigestSource;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Composes a scheduled digest over several channels from the index: figures summed, lists merged
 * across channels, and each channel's highlights (an LLM summary when allowed, else its top items).
 */
public final class ScheduledDigestComposer {
  static final int OPEN_URGENT = 40;
  static final int RESOLVED = 30;
  static final int BREACHED = 30;
  static final int THREADS = 8;
  static final int HIGHLIGHT_ITEMS = 3;
  private static final int SUMMARY_MESSAGES = 2000;

  /** A source channel, as known when the post is made. */
  public record Source(String id, String name) {}

  private final DigestSource source;
  private final Summariser summariser;

  /**
   * @param summariser writes cited channel summaries, or null when no LLM is configured
   */
  public ScheduledDigestComposer(DigestSource source, Summariser summariser) {
    this.source = source;
    this.summariser = summariser;
  }

  /** The digest of {@code channels} from {@code from} to {@code to} (the slot). */
  public DigestComposition compose(
      DigestSchedule schedule, List<Source> channels, Instant from, Instant to, String late) {
    Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
    Map<String, Long> byCategory = new TreeMap<>();
    List<TriagedMessage> open = new ArrayList<>();
    List<TriagedMessage> resolved = new ArrayList<>();
    List<TriagedMessage> breached = new ArrayList<>();
    List<TriagedMessage> threads = new ArrayList<>();
    List<DigestComposition.Highlight> highlights = new ArrayList<>();
    for (Source ch : channels) {
      // Counted in the window only: a late post does not count what came after its slot.
      Map<String, Long> categories = source.messagesByCategory(ch.id(), from, to);
      categories.forEach((k, v) -> byCategory.merge(k, v, Long::sum));
      source
          .itemsByPriority(ch.id(), from, to)
          .forEach((k, v) -> byPriority.merge(k, v, Long::sum));
      open.addAll(inWindow(source.items(ItemQuery.openUrgent(ch.id(), null, OPEN_URGENT + 1)), to));
      // Resolved in the window, however old the item: what the team closed since the last post.
      resolved.addAll(source.resolvedBetween(ch.id(), from, to, RESOLVED));
      breached.addAll(source.slaBreaches(ch.id(), from, BREACHED));
      threads.addAll(
          inWindow(
              source.items(
                  new ItemQuery(
                      ch.id(), from, Set.of(), Set.of(), ItemQuery.Order.REPLIES, THREADS)),
              to));
      long messages = categories.values().stream().mapToLong(Long::longValue).sum();
      if (messages > 0) {
        highlights.add(highlight(schedule, ch, messages, from, to));
      }
    }
    open.sort(
        Comparator.comparing((TriagedMessage t) -> t.verdict().priority())
            .thenComparing(t -> t.message().postedAt()));
    resolved.sort(Comparator.comparing((TriagedMessage t) -> t.verdict().priority()));
    breached.sort(Comparator.comparing(t -> t.task().slaBreachedAt()));
    threads.removeIf(t -> t.replyIds().isEmpty());
    threads.sort(Comparator.comparing((TriagedMessage t) -> -t.replyIds().size()));
    return new DigestComposition(
        schedule.name(),
        from,
        to,
        schedule.zone(),
        late,
        byPriority,
        byCategory,
        first(open, OPEN_URGENT),
        open.size() > OPEN_URGENT,
        first(resolved, RESOLVED),
        first(breached, BREACHED),
        first(threads, THREADS),
        highlights);
  }

  private DigestComposition.Highlight highlight(
      DigestSchedule schedule, Source ch, long messages, Instant from, Instant to) {
    List<Summariser.Bullet> summary = List.of();
    if (schedule.llmSummary() && summariser != null) {
      // The summariser itself leaves out messages that may not go to the LLM (privacy, opt-out).
      summary =
          summariser
              .summarise("#" + ch.name(), source.messages(ch.id(), from, SUMMARY_MESSAGES))
              .orElse(List.of());
    }
    List<TriagedMessage> top =
        summary.isEmpty()
            ? inWindow(items(ch.id(), from, Set.of(), HIGHLIGHT_ITEMS), to)
            : List.of();
    return new DigestComposition.Highlight(ch.id(), ch.name(), messages, summary, top);
  }

  private List<TriagedMessage> items(String channelId, Instant from, Set<Status> s, int limit) {
    return source.items(
        new ItemQuery(channelId, from, Set.of(), s, ItemQuery.Order.PRIORITY, limit));
  }

  /** The index has no upper bound on time: what came after the slot waits for the next post. */
  private static List<TriagedMessage> inWindow(List<TriagedMessage> found, Instant to) {
    return found.stream().filter(t -> t.message().postedAt().isBefore(to)).toList();
  }

  private static <T> List<T> first(List<T> all, int n) {
    return all.subList(0, Math.min(n, all.size()));
  }
}
