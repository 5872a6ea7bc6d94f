package dev.sift.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clause: how long an item may wait, counted on the wall clock ({@code 15m}) or in business
 * time only ({@code 2 business days}).
 *
 * @param length how long, in wall-clock or business time
 * @param business whether only business hours count
 * @param label how the config wrote it, for messages ("2 business days")
 */
public record Target(Duration length, boolean business, String label) {
  public Target {
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("an SLA must be longer than zero, got '" + label + "'");
    }
    label = label == null ? length.toString() : label;
  }

  /** The instant {@code amount} after {@code from} on this target's clock. */
  public Instant plus(Instant from, Duration amount, BusinessHours hours) {
    return business ? hours.plus(from, amount) : from.plus(amount);
  }
}
