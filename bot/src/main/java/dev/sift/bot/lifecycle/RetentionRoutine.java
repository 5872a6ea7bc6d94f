package dev.sift.bot.lifecycle;

import dev.sift.bot.config.RetentionSettings;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Routine;
import dev.sift.index.ItemQueries;
import dev.sift.index.Selection;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.message.SlackTs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retention sweep: once a day (the first tick of the day in the workspace's zone, so at
 * start too) every message older than its channel's retention is removed with its traces. The day
 * is claimed before the sweep and released if it fails, so it runs once across restarts and is
 * tried again on the next tick after an error.
 */
public final class RetentionRoutine implements Routine {
  private static final Logger log = LoggerFactory.getLogger(RetentionRoutine.class);

  private final RetentionSettings settings;
  private final ItemQueries items;
  private final Eraser eraser;
  private final Claims claims;
  private final Audit audit;
  private final ZoneId zone;

  public RetentionRoutine(
      RetentionSettings settings,
      ItemQueries items,
      Eraser eraser,
      Claims claims,
      Audit audit,
      ZoneId zone) {
    this.settings = settings;
    this.items = items;
    this.eraser = eraser;
    this.claims = claims;
    this.audit = audit;
    this.zone = zone;
  }

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public void runDue(Instant now) {
    if (!settings.any()) {
      return;
    }
    String key = "retention/" + LocalDate.ofInstant(now, zone);
    if (!claims.claim(key, now)) {
      return;
    }
    try {
      int removed = sweep(now);
      claims.done(key, removed + " messages");
    } catch (RuntimeException e) {
      claims.release(key);
      throw e;
    }
  }

  /** Removes every message past its channel's retention; returns how many. */
  int sweep(Instant now) {
    int removed = 0;
    for (String channelId : items.channelIds()) {
      String name = items.channel(channelId).map(found -> found[1]).orElse(null);
      int shortest = shortestFor(channelId, name);
      if (shortest == 0) {
        continue;
      }
      // Selected by the shortest retention that may apply, then each message by its own team's.
      Erased erased =
          eraser.erase(
              new Selection(null, channelId, null, now.minus(Duration.ofDays(shortest))),
              k -> {
                int days = settings.daysFor(k.team(), channelId, name);
                return days > 0 && SlackTs.parse(k.ts()).isBefore(now.minus(Duration.ofDays(days)));
              },
              f -> {});
      if (erased.messages() > 0) {
        log.info(
            "retention: removed {} messages of {} older than their retention",
            erased.messages(),
            name == null ? channelId : "#" + name);
        audit.record(Audit.SYSTEM, "retention", channelId, erased.details());
        removed += erased.messages();
      }
    }
    return removed;
  }

  /** The shortest retention (days, above 0) any message of the channel may have; 0 for none. */
  private int shortestFor(String channelId, String name) {
    List<Integer> candidates = new ArrayList<>();
    int own = settings.daysFor(null, channelId, name);
    boolean named =
        settings.channels().containsKey(channelId)
            || (name != null
                && settings.channels().containsKey("#" + name.toLowerCase(java.util.Locale.ROOT)));
    candidates.add(own);
    if (!named) {
      candidates.addAll(settings.teams().values());
    }
    return candidates.stream().filter(d -> d > 0).min(Integer::compare).orElse(0);
  }
}
