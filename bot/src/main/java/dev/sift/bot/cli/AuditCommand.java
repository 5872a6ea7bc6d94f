package dev.sift.bot.cli;

import dev.sift.bot.audit.AuditEntry;
import dev.sift.bot.audit.AuditLog;
import dev.sift.bot.config.Durations;
import dev.sift.bot.config.SiftConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sift audit}: reads the audit log (admin actions and LLM calls), newest last. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    header = "Show the audit log: admin actions and LLM calls.",
    description = {
      "Show entries of the append-only audit log (data_dir/audit.jsonl): watch, unwatch,",
      "reassign, correct, purge, retention, channel deletions, installs and every LLM call",
      "(provider, model, channels, a hash of the redacted prompt, tokens)."
    })
final class AuditCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Mixin CommonOptions common;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      defaultValue = "24h",
      description = "A duration back from now (24h, 7d) or a date (YYYY-MM-DD); default 24h.")
  String since;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "Only this action (e.g. purge, llm.call, reassign).")
  String action;

  @Option(names = "--json", description = "Print the entries as JSON lines, as stored.")
  boolean json;

  @Spec CommandSpec spec;

  /** For tests: the clock "since 24h" counts back from. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config = common.resolve();
    Instant from = since(since, config.zone(), clock);
    List<AuditEntry> entries =
        AuditEntry.read(
            config.dataDir().resolve(AuditLog.FILE),
            e -> !e.time().isBefore(from) && (action == null || action.equals(e.action())));
    if (json) {
      entries.forEach(e -> out.println(e.json()));
      return 0;
    }
    for (AuditEntry e : entries) {
      StringBuilder details = new StringBuilder();
      e.details()
          .fields()
          .forEachRemaining(
              f ->
                  details
                      .append(details.length() == 0 ? "" : " ")
                      .append(f.getKey())
                      .append('=')
                      .append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue()));
      out.printf(
          "%s  %-10s %-14s %s%s%n",
          WHEN.format(e.time().atZone(config.zone())),
          e.actor(),
          e.action(),
          e.target() == null ? "-" : e.target(),
          details.length() == 0 ? "" : "  " + details);
    }
    out.printf(
        "%d entr%s since %s%n",
        entries.size(), entries.size() == 1 ? "y" : "ies", WHEN.format(from.atZone(config.zone())));
    return 0;
  }

  /** A duration back from now, or the start of a date in the configured zone. */
  static Instant since(String text, ZoneId zone, Clock clock) {
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return clock.instant().minus(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--since '" + text + "' is neither a duration (24h, 7d) nor a date (2026-12-01)");
      }
    }
  }
}
