package dev.sift.bot.slack;

import dev.sift.bot.Sift;
import dev.sift.bot.access.Access;
import dev.sift.bot.digest.DigestPoster;
import dev.sift.bot.digest.DigestRoutine;
import dev.sift.bot.digest.DigestSlack;
import dev.sift.bot.digest.PostFormat;
import dev.sift.bot.digest.ScheduledDigestComposer;
import dev.sift.bot.install.Uninstalls;
import dev.sift.bot.lifecycle.ChannelDeletions;
import dev.sift.bot.lifecycle.DeletedChannelSweep;
import dev.sift.bot.lifecycle.Eraser;
import dev.sift.bot.lifecycle.RetentionRoutine;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Routine;
import dev.sift.bot.schedule.Scheduler;
import dev.sift.bot.sinks.DigestEvents;
import dev.sift.bot.sinks.Sinks;
import dev.sift.bot.sla.SlaRoutine;
import dev.sift.bot.storage.ClaimSweep;
import dev.sift.bot.storage.ReplicaMarks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live app's time-driven work: the claims file, the scheduled digests, and the one scheduler
 * for digest slots, SLA reminders, retention, deleted channels, uninstalls and replica marks. It
 * lives beside the app rather than in {@code schedule/}, which the routines it wires depend on.
 */
final class LiveSchedules {
  /** Claims older than this are forgotten at start: longer than any schedule's period. */
  private static final Duration CLAIMS_KEPT = Duration.ofDays(35);

  private LiveSchedules() {}

  /**
   * Time-driven work: one scheduler, occurrences claimed durably before they are done. Opens the
   * claims file, shared with the other replicas.
   */
  static Claims claims(Sift sift, Clock clock) {
    Claims claims =
        Claims.open(
            sift.config().dataDir().resolve("claims.jsonl"), clock.instant().minus(CLAIMS_KEPT));
    claims.shareWith(sift.replica());
    return claims;
  }

  /** The scheduled digests of sift.yml, posted to Slack and sent to the sinks. */
  static DigestRoutine digests(
      Sift sift,
      Claims claims,
      SlackApi api,
      Directory directory,
      Watchlist watchlist,
      PermalinkCache links,
      Access access,
      String team,
      Sinks sinks,
      Clock clock) {
    return new DigestRoutine(
        sift.config().digests(),
        claims,
        new DigestPoster(
            new DigestSlack(api),
            new ScheduledDigestComposer(sift.items(), sift.summariser()),
            () -> monitoredChannels(sift, directory, watchlist),
            PostFormat.mrkdwn(links::linkTo, directory::name),
            access),
        new DigestEvents(team, sinks, clock));
  }

  /** The channels Sift triages, with their privacy: the sources of scheduled digests. */
  private static List<DigestSlack.Channel> monitoredChannels(
      Sift sift, Directory directory, Watchlist watchlist) {
    return sift.items().channelIds().stream()
        .map(directory::channel)
        .filter(c -> watchlist.monitors(c.id(), c.name()))
        .map(c -> new DigestSlack.Channel(c.id(), c.name(), c.isPrivate()))
        .toList();
  }

  /**
   * Time-driven work: one scheduler for digest slots, SLA reminders and the daily retention sweep,
   * each occurrence claimed in the same claims file as the task cards before it is done. Not
   * started: the app starts it once connected.
   *
   * @param replicaMarks this replica's marks when replicas share a store, else null
   */
  static Scheduler scheduler(
      Sift sift,
      Clock clock,
      DigestRoutine digests,
      TaskDesk desk,
      Claims claims,
      SlackApi api,
      Directory directory,
      Eraser eraser,
      ChannelDeletions channelDeletions,
      Uninstalls uninstalls,
      ReplicaMarks replicaMarks) {
    var config = sift.config();
    List<Routine> routines =
        new ArrayList<>(
            List.of(
                digests,
                new SlaRoutine(
                    config.sla(), sift.items(), desk, claims, config.router(), api, directory),
                new RetentionRoutine(
                    config.retention(), sift.items(), eraser, claims, sift.audit(), config.zone()),
                new DeletedChannelSweep(
                    sift.items(),
                    id ->
                        sift.privateChannels().known(id).equals(Optional.of(false))
                            && ChannelDeletions.goneInSlack(api, id),
                    channelDeletions,
                    config.zone()),
                uninstalls,
                new ClaimSweep(sift.replica(), CLAIMS_KEPT)));
    if (replicaMarks != null) {
      routines.add(replicaMarks);
    }
    return new Scheduler(clock, routines, Duration.ofSeconds(15));
  }
}
