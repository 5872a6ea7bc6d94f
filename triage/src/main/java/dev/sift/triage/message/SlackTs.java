package dev.sift.triage.message;

import java.math.BigDecimal;
import java.time.Instant;

/** Slack's message timestamps: seconds since the epoch with a six-digit sequence suffix. */
public final class SlackTs {
  private SlackTs() {}

  /** The instant a Slack ts stands for, e.g. {@code 1452837352.000006}. */
  public static Instant parse(String ts) {
    // BigDecimal alone takes "1e999999999" (as 0) and "99999999999999999999" (past any Instant).
    if (!wellFormed(ts)) {
      throw new IllegalArgumentException("not a Slack timestamp: '" + ts + "'");
    }
    try {
      BigDecimal seconds = new BigDecimal(ts);
      long whole = seconds.longValue();
      long micros = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
      return Instant.ofEpochSecond(whole, micros * 1000);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a Slack timestamp: '" + ts + "'", e);
    }
  }

  /** Seconds (at most 12 digits), optionally a dot and up to 9 digits of fraction. */
  private static boolean wellFormed(String ts) {
    if (ts == null) {
      return false;
    }
    int dot = ts.indexOf('.');
    String whole = dot < 0 ? ts : ts.substring(0, dot);
    String fraction = dot < 0 ? "0" : ts.substring(dot + 1);
    return whole.length() >= 1
        && whole.length() <= 12
        && fraction.length() >= 1
        && fraction.length() <= 9
        && digits(whole)
        && digits(fraction);
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Microseconds since the epoch, an order-preserving long for sorting and range queries. */
  public static long micros(String ts) {
    Instant instant = parse(ts);
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  /** A Slack ts for an instant, as Slack writes it. */
  public static String of(Instant instant) {
    return String.format("%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
  }

  /** A Slack ts for microseconds since the epoch (the inverse of {@link #micros}). */
  public static String ofMicros(long micros) {
    return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
  }
}
