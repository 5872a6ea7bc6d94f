package dev.sift.triage.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A daily allowance of LLM tokens for the workspace. When a day's tokens are spent, triage runs on
 * the embedded classifier until midnight UTC.
 */
public final class TokenBudget {
  private final long perDay;
  private final Clock clock;
  private LocalDate day;
  private long spent;

  /**
   * @param perDay tokens a day (prompt and answer); 0 or less means no limit
   */
  public TokenBudget(long perDay, Clock clock) {
    this.perDay = perDay;
    this.clock = clock;
  }

  /** Whether a call of about {@code tokens} fits in what is left today. */
  public synchronized boolean allows(long tokens) {
    roll();
    return perDay <= 0 || spent + tokens <= perDay;
  }

  public synchronized void spend(long tokens) {
    roll();
    spent += Math.max(0, tokens);
  }

  public synchronized long spentToday() {
    roll();
    return spent;
  }

  private void roll() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!today.equals(day)) {
      day = today;
      spent = 0;
    }
  }
}
