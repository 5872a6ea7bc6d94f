package dev.sift.triage.digest;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.verdict.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A digest of a channel (or all channels) over a period: the figures, the urgent open items with
 * their reasons, the busiest threads, and, when an LLM is configured and answered, a summary whose
 * every bullet cites its messages.
 *
 * @param scope what the digest covers, e.g. "#support" or "all channels"
 * @param summary cited bullets, or empty for the extractive digest alone
 */
public record Digest(
    String scope,
    Instant since,
    Map<String, Long> messagesByCategory,
    Map<Priority, Long> itemsByPriority,
    List<TriagedMessage> urgent,
    List<TriagedMessage> busiestThreads,
    List<Summariser.Bullet> summary) {

  public Digest {
    summary = summary == null ? List.of() : List.copyOf(summary);
  }

  public long messageCount() {
    return messagesByCategory.values().stream().mapToLong(Long::longValue).sum();
  }
}
