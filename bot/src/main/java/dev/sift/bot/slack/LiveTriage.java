package dev.sift.bot.slack;

import dev.sift.bot.Sift;
import dev.sift.bot.access.Access;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.feedback.SharedCorrections;
import dev.sift.bot.metrics.SiftMetrics;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.sinks.ItemEvents;
import dev.sift.bot.sinks.ItemPublisher;
import dev.sift.bot.sinks.JiraHook;
import dev.sift.bot.sinks.Sinks;
import java.time.Clock;
import java.util.Optional;

/**
 * The live app's triage: what it learnt from corrections, the task desk that posts and keeps the
 * cards, the pipeline that feeds the desk, and what items' changes tell the sinks and Jira.
 */
final class LiveTriage {
  private LiveTriage() {}

  /**
   * Relearns from the corrections; replicas of one store learn every correction any of them was
   * given, those made before this one started included.
   *
   * @return the replicas' shared corrections, or null when this process has the store to itself
   */
  static SharedCorrections learn(Sift sift, CorrectionLog corrections, boolean replicated) {
    SharedCorrections sharedCorrections =
        replicated
            ? new SharedCorrections(
                sift.index().notes(), corrections, () -> sift.learning().relearn(corrections))
            : null;
    if (sharedCorrections == null || sharedCorrections.pull() == 0) {
      sift.learning().relearn(corrections); // a pull that added some relearnt already
    }
    return sharedCorrections;
  }

  /** The task desk: cards posted, routed and kept up to date in Slack. */
  static TaskDesk desk(
      Sift sift,
      SlackApi api,
      Directory directory,
      Access access,
      PermalinkCache links,
      CorrectionLog corrections,
      Claims claims,
      Clock clock) {
    var config = sift.config();
    return new TaskDesk(
        api,
        config.router(),
        directory,
        access,
        links,
        config.live().threadNote(),
        config.live().reaction(),
        corrections,
        sift.learning(),
        claims,
        clock);
  }

  /** The live pipeline, its outcomes counted for {@code /metrics} and attached to the desk. */
  static TriagePipeline pipeline(Sift sift, TaskDesk desk, SiftMetrics metrics) {
    TriagePipeline pipeline = sift.livePipeline(desk);
    pipeline.observe(
        (outcome, nanos) ->
            metrics.triaged(
                outcome.message().verdict().category(),
                outcome.message().verdict().priority().name(),
                nanos));
    desk.attach(pipeline);
    return pipeline;
  }

  /** Jira's resolves and assignments come back on /hooks/jira, signed per jira sink. */
  static Optional<JiraHook> jiraHook(Sift sift, TaskDesk desk, Clock clock) {
    return JiraHook.of(
        sift.config().sinks(),
        sift.config().dataDir(),
        System::getenv,
        desk::resolveFromIssue,
        desk::noteFromIssue,
        sift.audit(),
        clock);
  }

  /** Each item's changes go out to the sinks as events. */
  static void publish(
      TriagePipeline pipeline, Sift sift, PermalinkCache links, Sinks sinks, Clock clock) {
    pipeline.onItemChange(
        new ItemPublisher(
            new ItemEvents(
                t -> links.linkTo(t.key().id()),
                id -> !sift.privateChannels().known(id).equals(Optional.of(false))),
            sinks,
            clock));
  }
}
