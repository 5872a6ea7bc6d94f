package dev.sift.triage.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An extractive digest of a channel (or all channels) over a period: the figures, the urgent open
 * items with their reasons, and the busiest threads.
 *
 * @param scope what the digest covers, e.g. "#support" or "all channels"
 */
public record Digest(
    String scope,
    Instant since,
    Map<String, Long> messagesByCategory,
    Map<Priority, Long> itemsByPriority,
    List<TriagedMessage> urgent,
    List<TriagedMessage> busiestThreads) {

  public long messageCount() {
    return messagesByCategory.values().stream().mapToLong(Long::longValue).sum();
  }
}
