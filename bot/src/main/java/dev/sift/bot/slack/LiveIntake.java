package dev.sift.bot.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.sift.bot.Sift;
import dev.sift.bot.intake.CatchUps;
import dev.sift.bot.intake.DeadLetters;
import dev.sift.bot.intake.IndexCommits;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.Journal;
import dev.sift.bot.intake.Reconciler;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the live app's message events come in: the journal they are written to before an ack, the
 * intake that queues them for triage, the index commits that checkpoint them, and the catch-up of
 * what was missed while Sift was away.
 *
 * @param journal events acked but not yet committed
 * @param intake takes events and catch-ups' copies into the work queue
 * @param commits the index's commits, checkpoints included
 * @param reconciler reads channels' history since their checkpoints
 * @param catchUps runs the reconciler's catch-ups, one at a time
 */
record LiveIntake(
    Journal journal,
    Intake intake,
    IndexCommits commits,
    Reconciler reconciler,
    CatchUps catchUps) {
  // Logged under the app's name, as before this wiring left LiveApp.
  private static final Logger log = LoggerFactory.getLogger(LiveApp.class);

  /**
   * Opens the journal and replays what it holds, before any new event comes in.
   *
   * @param journaled whether events are journaled before they are acked
   * @param replicated whether replicas share a store (and so must claim each event)
   */
  static LiveIntake open(
      Sift sift,
      AuthTestResponse self,
      Directory directory,
      Watchlist watchlist,
      WorkQueue queue,
      TriagePipeline pipeline,
      TaskDesk desk,
      SlackApi api,
      boolean journaled,
      boolean replicated) {
    var config = sift.config();
    String team = self.getTeamId();
    Journal journal = Journal.open(config.dataDir().resolve("journal"));
    Intake intake =
        new Intake(
            team,
            directory,
            watchlist,
            queue,
            pipeline,
            desk,
            sift.privateChannels(),
            Stream.of(self.getUserId(), self.getBotId())
                .filter(id -> id != null && !id.isBlank())
                .collect(Collectors.toSet()),
            journaled ? journal : null,
            new DeadLetters(config.dataDir().resolve("failed-events.jsonl")));
    if (replicated) {
      // Only replicas sharing a store need to claim events; one process's journal and deduper
      // already take each in once, and its claims would only fill memory.
      intake.shareWith(sift.replica());
    }
    IndexCommits commits = new IndexCommits(sift.index(), journal, intake, Clock.systemUTC());
    // What was acked but not committed when Sift last stopped goes first, before any new event.
    int replayed = intake.replay(journal.unfinished());
    if (replayed > 0) {
      log.info("replaying {} events from the intake journal", replayed);
    }
    int retried = intake.retryDeadLetters();
    if (retried > 0) {
      log.info("trying {} events that failed before once more", retried);
    }
    Reconciler reconciler =
        new Reconciler(
            team,
            api,
            sift.index(),
            intake::fromHistory,
            watchlist,
            self.getUserId(),
            config.live().historyPace(),
            Duration.ofMinutes(2),
            config.dataDir().resolve("first-seen.json"));
    CatchUps catchUps = new CatchUps(reconciler, intake, sift.indexProblem() != null);
    return new LiveIntake(journal, intake, commits, reconciler, catchUps);
  }
}
