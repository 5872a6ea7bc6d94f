package dev.sift.triage.digest;

import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which items to list for a digest or the queue.
 *
 * @param channelId only this channel, or null for all
 * @param since only items posted at or after this instant, or null for all time
 * @param priorities only these priorities (empty: all)
 * @param statuses only these statuses (empty: all)
 * @param order how to sort
 * @param limit at most this many
 */
public record ItemQuery(
    String channelId,
    Instant since,
    Set<Priority> priorities,
    Set<Status> statuses,
    Order order,
    int limit) {

  /** Sort orders a digest needs. */
  public enum Order {
    /** Most urgent first, then oldest first: the queue. */
    PRIORITY,
    /** Most replies first: the busiest threads. */
    REPLIES
  }

  public ItemQuery {
    priorities = priorities.isEmpty() ? EnumSet.allOf(Priority.class) : EnumSet.copyOf(priorities);
    statuses = statuses.isEmpty() ? EnumSet.allOf(Status.class) : EnumSet.copyOf(statuses);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  /** Open P1/P2 items: the queue. */
  public static ItemQuery openUrgent(String channelId, Instant since, int limit) {
    return new ItemQuery(
        channelId,
        since,
        EnumSet.of(Priority.P1, Priority.P2),
        EnumSet.of(Status.OPEN, Status.ACKED),
        Order.PRIORITY,
        limit);
  }
}
