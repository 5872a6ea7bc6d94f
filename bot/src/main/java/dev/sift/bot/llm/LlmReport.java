package dev.sift.bot.llm;

import dev.sift.triage.llm.LlmCascade;
import dev.sift.triage.llm.LlmStats;

/** The LLM's share of a run, in one line a person can act on. */
public final class LlmReport {
  private LlmReport() {}

  /**
   * @param messages the messages the figures are about, for the per-1,000 rate (0 to omit it)
   */
  public static String of(LlmCascade cascade, long messages) {
    LlmStats.Snapshot s = cascade.stats().snapshot();
    return String.format(
        "LLM: %d calls (%.1f per 1,000 messages), %d messages sent, %.0f prompt tokens per message"
            + " sent, %d answer tokens, est. cost %.4f; %d repairs, %d failed calls, %d kept"
            + " embedded (LLM unavailable), %d kept from the LLM as injection attempts;"
            + " decided by %s",
        s.calls(),
        messages == 0 ? 0 : 1000.0 * s.calls() / messages,
        s.messages(),
        s.inputTokensPerMessage(),
        s.outputTokens(),
        s.estimatedCost(),
        s.repairs(),
        s.failures(),
        s.skipped(),
        cascade.injectionsSeen(),
        cascade.decidedBy());
  }
}
