package dev.sift.bot.cli;

import dev.sift.bot.audit.AuditLog;
import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.lifecycle.Purge;
import dev.sift.bot.lifecycle.SharedPurge;
import dev.sift.bot.storage.SharedStore;
import dev.sift.index.MessageStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sift purge}: removes a workspace's, channel's or person's data (a data-subject request).
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    header = "Remove a workspace's, a channel's or a person's messages and every trace of them.",
    description = {
      "Remove messages and every trace of them from the index and the data directory:",
      "their items' reporters and reasons, LLM summaries, corrections, failed events.",
      "Prints what it removed. Runs offline: stop `sift run` first (the index's write",
      "lock is checked; on a SolrCloud index every replica must have stopped, and the",
      "purge is run on each replica's host for its data folder). Task cards already",
      "posted in Slack are listed, not deleted."
    })
final class PurgeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Whom whom;

  static final class Whom {
    @Option(names = "--team", paramLabel = "T", description = "A workspace id (T…).")
    String team;

    @Option(names = "--channel", paramLabel = "C", description = "A channel id (C…) or #name.")
    String channel;

    @Option(names = "--user", paramLabel = "U", description = "A person's Slack user id (U…).")
    String user;
  }

  @Option(names = "--dry-run", description = "Count what would be removed; change nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config = common.resolve();
    Purge.Target target =
        whom.team != null
            ? new Purge.Target("team", whom.team)
            : whom.channel != null
                ? new Purge.Target("channel", whom.channel)
                : new Purge.Target("user", whom.user);
    boolean shared = config.index().backend() == IndexSettings.Backend.SOLR;
    String actor = "cli:" + System.getProperty("user.name", "unknown");
    Purge.Report r;
    try (AuditLog audit = AuditLog.open(config.dataDir(), Clock.systemUTC())) {
      if (shared) {
        try (MessageStore store =
            SharedStore.open(config.index(), config.embedding(), System::getenv)) {
          r = SharedPurge.run(store, config.dataDir(), target, dryRun, audit, actor, Instant.now());
        }
      } else {
        r = Purge.run(config.dataDir(), target, dryRun, audit, actor);
      }
    }
    out.printf(
        "%s %s%s%n",
        r.dryRun() ? "Would purge" : "Purged",
        r.target(),
        r.dryRun() ? " (dry run: nothing was changed)" : "");
    out.printf("  messages removed:        %d%n", r.erased().messages());
    out.printf(
        "  items updated:           %d (reporters removed: %d)%n",
        r.erased().itemsUpdated(), r.erased().reportersRemoved());
    out.printf("  LLM summaries dropped:   %d%n", r.erased().summaries());
    out.printf(
        "  corrections removed:     %d (anonymised: %d)%n",
        r.corrections().removed(), r.corrections().changed());
    if (shared) {
      out.printf(
          "  shared corrections removed: %d (anonymised: %d)%n",
          r.sharedCorrections().removed(), r.sharedCorrections().changed());
    }
    out.printf("  failed events removed:   %d%n", r.failedEvents());
    out.printf("  journal segments removed: %d%n", r.journalSegments());
    out.printf("  card references:         %d%n", r.erased().cards().size());
    if (!r.erased().cards().isEmpty()) {
      out.println(
          "  These task cards are Slack messages and still show the purged text; delete them"
              + " in Slack (channel/ts):");
      r.erased().cards().forEach(c -> out.println("    " + c));
    }
    out.printf("  took %.1f s%n", r.took().toMillis() / 1000.0);
    if (shared && !r.dryRun()) {
      out.println(
          "  Every replica keeps its own data folder: run the same `sift purge` on each other"
              + " replica's host before starting them again.");
    }
    return 0;
  }
}
