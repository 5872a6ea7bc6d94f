package dev.sift.bot.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The schedules as {@code /triage digest schedule} lists them: each with its next slot. */
public final class ScheduleList {
  private ScheduleList() {}

  /**
   * One line per schedule, in Slack mrkdwn: name, next slot in its own time zone, destination,
   * sources.
   */
  public static String describe(List<DigestSchedule> schedules, Instant now) {
    if (schedules.isEmpty()) {
      return "No digests are scheduled. Add some under `digests:` in sift.yml.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("*Scheduled digests*");
    for (DigestSchedule s : schedules) {
      String next =
          s.slots()
              .next(now)
              .map(i -> DigestLayout.WHEN.format(i.atZone(s.zone())) + " " + s.zone().getId())
              .orElse("never");
      lines.add(
          "• *"
              + s.name()
              + "* (`"
              + s.cron()
              + "`): next "
              + next
              + " → "
              + s.destination()
              + " · "
              + (s.allChannels() ? "all monitored channels" : String.join(", ", s.channels()))
              + (s.window() == null
                  ? " · since the previous slot"
                  : " · the last " + s.window().toString().substring(2).toLowerCase(Locale.ROOT)));
    }
    return String.join("\n", lines);
  }
}
