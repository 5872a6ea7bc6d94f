package dev.sift.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clause: how long an item may wait, counted on the wall clock ({@code 15m}), in business
 * hours ({@code 4 business hours}) or in business days ({@code 2 business days}: the team's working
 * day twice over, however long its hours are).
 *
 * @param length how long; for {@link Kind#BUSINESS_DAYS} a whole number of days
 * @param kind which clock counts it
 * @param label how the config wrote it, for messages ("2 business days")
 */
public record Target(Duration length, Kind kind, String label) {
  /** Which clock an SLA runs on. */
  public enum Kind {
    WALL_CLOCK,
    BUSINESS_HOURS,
    BUSINESS_DAYS
  }

  public Target {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(kind, "kind");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("an SLA must be longer than zero, got '" + label + "'");
    }
    if (kind == Kind.BUSINESS_DAYS && length.toHours() % 24 != 0) {
      throw new IllegalArgumentException("business days must be whole days, got '" + label + "'");
    }
    label = label == null ? length.toString() : label;
  }

  /** True when only business time counts. */
  public boolean business() {
    return kind != Kind.WALL_CLOCK;
  }

  /** When the SLA of a timer started at {@code start} ends. */
  public Instant deadline(Instant start, BusinessHours hours) {
    return later(start, span(hours), hours);
  }

  /** When half of it has passed: the owner's reminder. */
  public Instant halfway(Instant start, BusinessHours hours) {
    return later(start, span(hours).dividedBy(2), hours);
  }

  /**
   * {@code amount} after {@code from} on this SLA's clock: repeats after a business-time breach
   * wait for business hours.
   */
  public Instant later(Instant from, Duration amount, BusinessHours hours) {
    return business() ? hours.plus(from, amount) : from.plus(amount);
  }

  private Duration span(BusinessHours hours) {
    return kind == Kind.BUSINESS_DAYS ? hours.day().multipliedBy(length.toDays()) : length;
  }
}
