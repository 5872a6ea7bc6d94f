package dev.sift.bot.storage;

import dev.sift.bot.schedule.Routine;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets old claims in the store, so it does not keep every event id it ever saw: event claims and
 * deletes' tombstones after a day (Slack stops retrying within hours; a catch-up's copy of a
 * deleted message is minutes old), claims on scheduled work after as long as the claims file keeps
 * them (a weekly digest's slot stays the latest for a week).
 */
public final class ClaimSweep implements Routine {
  static final Duration EVERY = Duration.ofMinutes(10);
  static final Duration EVENTS_KEPT = Duration.ofDays(1);

  private final Replica replica;
  private final Duration scheduledKept;
  private Instant last = Instant.MIN;

  /**
   * @param scheduledKept how long claims on digest slots, reminders and sweeps are kept
   */
  public ClaimSweep(Replica replica, Duration scheduledKept) {
    this.replica = replica;
    this.scheduledKept = scheduledKept;
  }

  @Override
  public String name() {
    return "claim sweep";
  }

  @Override
  public void runDue(Instant now) {
    if (now.isBefore(last.plus(EVERY))) {
      return;
    }
    last = now;
    replica.forgetOlderThan("event/", EVENTS_KEPT);
    replica.forgetOlderThan(dev.sift.bot.intake.Intake.TOMBSTONE, EVENTS_KEPT);
    for (String prefix : new String[] {"digest/", "sla/", "retention/", "card/", "cover/"}) {
      replica.forgetOlderThan(prefix, scheduledKept);
    }
  }
}
