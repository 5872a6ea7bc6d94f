package dev.sift.bot.sinks;

import dev.sift.bot.digest.DigestRoutine;
import dev.sift.bot.digest.DigestSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code digest.posted}: a scheduled digest's slot was posted (or skipped as empty), told to the
 * sinks without category or priority filters (a digest has neither). One event per slot: its id
 * comes from the schedule and the slot, so a slot posted again after a crash is the same event.
 */
public final class DigestEvents implements DigestRoutine.Posted {
  private final String team;
  private final Sinks sinks;
  private final Clock clock;

  public DigestEvents(String team, Sinks sinks, Clock clock) {
    this.team = team;
    this.sinks = sinks;
    this.clock = clock;
  }

  @Override
  public void posted(DigestSchedule schedule, Instant slot, String detail, boolean late) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", 1);
    data.put("team", team);
    data.put("schedule", schedule.name());
    data.put("slot", slot.toString());
    data.put("destination", schedule.destination().toString());
    data.put("outcome", detail);
    data.put("late", late);
    sinks.publish(
        new SiftEvent(
            ItemEvents.id("digest.posted|" + team + "|" + schedule.name() + "|" + slot),
            SiftEvent.Type.DIGEST_POSTED,
            team,
            clock.instant(),
            "digest/" + schedule.name() + "/" + slot,
            null,
            null,
            false,
            null,
            null,
            null,
            data));
  }
}
