package dev.sift.triage.llm;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the LLM cost: calls, tokens, an estimated price, and how often it was skipped. Read by
 * {@code sift eval}, {@code /triage stats} and the health endpoint.
 */
public final class LlmStats {
  private final LongAdder calls = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder repairs = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final LongAdder inputTokens = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder skippedUnavailable = new LongAdder();
  private final double inputPricePerMillion;
  private final double outputPricePerMillion;

  /** Prices in the provider's currency per million tokens, for the estimate (0 when unknown). */
  public LlmStats(double inputPricePerMillion, double outputPricePerMillion) {
    this.inputPricePerMillion = inputPricePerMillion;
    this.outputPricePerMillion = outputPricePerMillion;
  }

  void call(int messagesInCall, long in, long out) {
    calls.increment();
    messages.add(messagesInCall);
    inputTokens.add(in);
    outputTokens.add(out);
  }

  void failure() {
    failures.increment();
  }

  void repair() {
    repairs.increment();
  }

  void unavailable(int messagesSkipped) {
    skippedUnavailable.add(messagesSkipped);
  }

  /** The figures so far. */
  public Snapshot snapshot() {
    long in = inputTokens.sum();
    long out = outputTokens.sum();
    return new Snapshot(
        calls.sum(),
        failures.sum(),
        repairs.sum(),
        messages.sum(),
        in,
        out,
        (in * inputPricePerMillion + out * outputPricePerMillion) / 1e6,
        skippedUnavailable.sum());
  }

  /**
   * @param messages messages sent to the model (a batch counts each of its messages)
   * @param estimatedCost tokens times the configured prices
   * @param skipped messages that wanted the LLM but got the embedded verdict (down, over budget)
   */
  public record Snapshot(
      long calls,
      long failures,
      long repairs,
      long messages,
      long inputTokens,
      long outputTokens,
      double estimatedCost,
      long skipped) {

    /** Prompt tokens per message sent. */
    public double inputTokensPerMessage() {
      return messages == 0 ? 0 : (double) inputTokens / messages;
    }
  }
}
