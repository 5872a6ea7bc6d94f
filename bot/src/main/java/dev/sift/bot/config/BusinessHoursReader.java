package dev.sift.bot.config;

import dev.sift.triage.sla.BusinessHours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The reader of {@code business_hours:} and {@code holidays:} in the {@code sla:} section: days as
 * {@code mon-fri} or a list, times as {@code "09:00"}, holidays as ISO dates; errors name the line.
 */
final class BusinessHoursReader {
  private static final Set<String> HOURS_KEYS = Set.of("time_zone", "days", "start", "end");

  private final ConfigLoader c;

  BusinessHoursReader(ConfigLoader c) {
    this.c = c;
  }

  BusinessHours hours(Node n, ZoneId zone, Set<LocalDate> holidays) {
    MappingNode m = c.mapping(n, "sla.business_hours");
    c.knownKeys(m, HOURS_KEYS, "business_hours");
    Node days = ConfigLoader.value(m, "days");
    try {
      return new BusinessHours(
          c.zone(ConfigLoader.value(m, "time_zone"), zone),
          days == null ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : days(days),
          time(ConfigLoader.value(m, "start"), LocalTime.of(9, 0)),
          time(ConfigLoader.value(m, "end"), LocalTime.of(17, 0)),
          holidays);
    } catch (IllegalArgumentException e) {
      throw c.error(m, e.getMessage());
    }
  }

  /** {@code mon-fri}, {@code [mon, wed, fri]} or {@code mon-thu, sat}. */
  private Set<DayOfWeek> days(Node n) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String item : c.strings(n, List.of())) {
      for (String part : item.split(",")) {
        // split("-") and trim, not a regex split on \s*-\s*: that backtracks on long runs of
        // spaces; and "-" alone splits into nothing at all.
        String[] range = part.trim().split("-", -1);
        for (int i = 0; i < range.length; i++) {
          range[i] = range[i].trim();
        }
        if (range.length > 2 || range[0].isEmpty() || range[range.length - 1].isEmpty()) {
          throw c.error(n, "'" + part.trim() + "' is not a day or a range such as mon-fri");
        }
        DayOfWeek from = day(n, range[0]);
        DayOfWeek to = range.length == 2 ? day(n, range[1]) : from;
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          out.add(d);
          if (d == to) {
            break;
          }
        }
      }
    }
    return out;
  }

  private DayOfWeek day(Node n, String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (key.length() >= 3 && full.startsWith(key)) {
        return d;
      }
    }
    throw c.error(n, "'" + name + "' is not a day; use mon, tue, wed, thu, fri, sat or sun");
  }

  private LocalTime time(Node n, LocalTime fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return LocalTime.parse(
          c.text(n).trim().length() == 4 ? "0" + c.text(n).trim() : c.text(n).trim());
    } catch (DateTimeException e) {
      throw c.error(n, "'" + c.text(n) + "' is not a time of day; write it as \"09:00\"");
    }
  }

  Set<LocalDate> dates(Node n) {
    Set<LocalDate> out = new TreeSet<>();
    for (String d : c.strings(n, List.of())) {
      try {
        out.add(LocalDate.parse(d.trim()));
      } catch (DateTimeException e) {
        throw c.error(n, "holiday '" + d + "' is not a date; write it as 2026-12-25");
      }
    }
    return out;
  }
}
