package dev.sift.bot.cli;

import dev.sift.bot.audit.AuditLog;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.lifecycle.Purge;
import java.io.PrintWriter;
import java.time.Clock;
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
      "Remove messages and every trace of them from the data directory: their items'",
      "reporters and reasons, LLM summaries, corrections, failed events. Prints what it",
      "removed. Runs offline: stop `sift run` first (the index's write lock is checked).",
      "Task cards already posted in Slack are listed, not deleted."
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
    if (config.index().backend() != dev.sift.bot.config.IndexSettings.Backend.LUCENE) {
      // Purging the local folder would report a purge while the collection kept every message.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "sift purge works on the embedded index only, and this config's index is "
              + config.index().backend().name().toLowerCase(java.util.Locale.ROOT)
              + ": purging a SolrCloud collection is not supported yet. Nothing was changed.");
    }
    Purge.Target target =
        whom.team != null
            ? new Purge.Target("team", whom.team)
            : whom.channel != null
                ? new Purge.Target("channel", whom.channel)
                : new Purge.Target("user", whom.user);
    Purge.Report r;
    try (AuditLog audit = AuditLog.open(config.dataDir(), Clock.systemUTC())) {
      r =
          Purge.run(
              config.dataDir(),
              target,
              dryRun,
              audit,
              "cli:" + System.getProperty("user.name", "unknown"));
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
    return 0;
  }
}
