package dev.sift.bot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.sift.bot.Sift;
import dev.sift.bot.access.Access;
import dev.sift.bot.audit.AdminActions;
import dev.sift.bot.digest.ScheduleList;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.llm.LlmReport;
import dev.sift.bot.metrics.MeteredAcks;
import dev.sift.bot.metrics.SiftMetrics;
import java.time.Clock;

/**
 * The Bolt side of the live app: the app itself (one workspace's token, or a hosted workspace's
 * installation store), the middleware first in its chain, and the {@code /triage} command its
 * listeners answer.
 */
final class LiveBolt {
  private LiveBolt() {}

  /** The {@code /triage} command: search, the queue, digests, corrections and the watchlist. */
  static TriageCommand command(
      Sift sift,
      Directory directory,
      Access access,
      Watchlist watchlist,
      SlackApi api,
      CorrectionLog corrections,
      PermalinkCache links,
      Clock clock,
      Intake intake,
      String team) {
    var config = sift.config();
    return new TriageCommand(
        sift.search(),
        sift.items(),
        sift.digests(),
        sift.embedder(),
        directory,
        access,
        watchlist,
        api,
        corrections,
        links,
        config.zone(),
        clock,
        sift.cascade() == null ? null : () -> LlmReport.of(sift.cascade(), intake.triaged()),
        now -> ScheduleList.describe(config.digests(), now),
        team);
  }

  /**
   * The Bolt app, with its metering and audit middleware in place and no listeners yet; not
   * started.
   */
  static App app(Slack slack, LiveApp.Options options, SiftMetrics metrics, Sift sift) {
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(options.botToken())
            .signingSecret(options.signingSecret())
            .clientId(null)
            .clientSecret(null)
            // Channel joins, topic changes and the like: acked, not triaged.
            .subtypedMessageEventsAutoAckEnabled(true);
    App app =
        new App(
            (options.hosted() == null ? appConfig : options.hosted().config().apply(appConfig))
                .build());
    if (options.hosted() != null) {
      options.hosted().attach().accept(app);
    }
    // First in Bolt's chain, so its time covers the intake's journal before an ack.
    app.use(new MeteredAcks(metrics, !options.socketMode()));
    app.use(new AdminActions(sift.audit())); // watch, unwatch, reassign, correct: audited
    return app;
  }
}
