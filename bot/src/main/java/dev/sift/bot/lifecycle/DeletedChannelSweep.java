package dev.sift.bot.lifecycle;

import dev.sift.bot.schedule.Routine;
import dev.sift.index.ItemQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack does not deliver again the events of a time Sift was down, so a channel deleted then would
 * stay in the index: at every start and then once a day, every indexed public channel Slack no
 * longer knows ({@code channel_not_found}) is forgotten as if its {@code channel_deleted} had come.
 * Not claimed: a restart is exactly when it must run again, and forgetting twice is harmless.
 * Private channels are left alone: Slack answers the same for one the bot was merely removed from.
 */
public final class DeletedChannelSweep implements Routine {
  private static final Logger log = LoggerFactory.getLogger(DeletedChannelSweep.class);

  private final ItemQueries items;
  private final Predicate<String> deletedInSlack;
  private final ChannelDeletions deletions;
  private final ZoneId zone;
  private LocalDate lastRun;

  /**
   * @param deletedInSlack whether Slack says a (public) channel no longer exists; false when it
   *     cannot tell (private, unknown, Slack unreachable)
   */
  public DeletedChannelSweep(
      ItemQueries items,
      Predicate<String> deletedInSlack,
      ChannelDeletions deletions,
      ZoneId zone) {
    this.items = items;
    this.deletedInSlack = deletedInSlack;
    this.deletions = deletions;
    this.zone = zone;
  }

  @Override
  public String name() {
    return "deleted-channels";
  }

  @Override
  public void runDue(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (today.equals(lastRun)) {
      return;
    }
    for (String channelId : items.channelIds()) {
      if (deletedInSlack.test(channelId)) {
        log.info("channel {} no longer exists in Slack: forgetting it", channelId);
        deletions.forget(channelId, null);
      }
    }
    lastRun = today; // after an error, the next tick tries again
  }
}
