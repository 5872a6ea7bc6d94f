package dev.sift.bot.slack;

import com.slack.api.bolt.App;
import dev.sift.bot.Sift;
import dev.sift.bot.install.AuditedInstallEvents;
import dev.sift.bot.install.Farewells;
import dev.sift.bot.install.InstallEvents;
import dev.sift.bot.install.Uninstalls;
import dev.sift.bot.install.Workspaces;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.lifecycle.ChannelDeletions;
import dev.sift.bot.lifecycle.Eraser;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.index.Selection;
import java.time.Clock;

/**
 * What the live app deletes, and when Slack says so: one eraser, the listeners for deleted
 * channels, and those for an uninstall or a revoked token. The scheduler's routines use them too.
 *
 * @param eraser deletes messages from the index and forgets them in the pipeline
 * @param channelDeletions a deleted channel's messages and cards
 * @param uninstalls the workspace's messages, once the grace period after an uninstall has passed
 */
record LiveLifecycle(Eraser eraser, ChannelDeletions channelDeletions, Uninstalls uninstalls) {

  /** Builds them and registers their listeners on the Bolt app. */
  static LiveLifecycle register(
      App app,
      Sift sift,
      String team,
      SlackApi api,
      Directory directory,
      TaskDesk desk,
      TriagePipeline pipeline,
      WorkQueue queue,
      Clock clock) {
    Eraser eraser = new Eraser(sift.index(), pipeline::forget);
    ChannelDeletions channelDeletions =
        new ChannelDeletions(
            team, eraser, queue, desk::sourceDeleted, sift.audit(), directory::channelDeleted);
    channelDeletions.register(app);
    // Uninstalled, or the bot's token revoked: no more Slack calls at once, and the workspace's
    // messages deleted once the grace period has passed without a new install.
    Uninstalls uninstalls =
        new Uninstalls(
            Workspaces.single(team, api, directory),
            null,
            new Farewells(sift.config().dataDir().resolve("farewells.json")),
            gone -> eraser.erase(Selection.team(gone)),
            new AuditedInstallEvents(sift.audit(), InstallEvents.NONE),
            sift.config().install().forgetAfter(),
            clock);
    uninstalls.register(app);
    return new LiveLifecycle(eraser, channelDeletions, uninstalls);
  }
}
