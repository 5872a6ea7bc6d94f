package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.Durations;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.digest.DigestSchedule;
import dev.sift.bot.digest.DryRun;
import dev.sift.bot.slack.Permalinks;
import dev.sift.triage.digest.Digest;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sift digest}: an extractive digest of one channel or all, from the index. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    header = "Summarise a channel or all: counts, open P1/P2 items, busiest threads.",
    description = {
      "Summarise a channel (or all): counts by priority and category, open P1/P2 items",
      "with reasons, busiest threads. A relative --since counts back from the newest",
      "indexed message, so digests of an old export make sense."
    })
final class DigestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "Channel name or id.")
  String channel;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "A duration back from the newest message (24h, 7d) or a date (YYYY-MM-DD).")
  String since;

  @Option(
      names = "--schedule",
      paramLabel = "NAME",
      description = "A scheduled digest from sift.yml (digests:); needs --dry-run.")
  String schedule;

  @Option(
      names = "--dry-run",
      description = "Print what the schedule's next post would say, without Slack.")
  boolean dryRun;

  @Option(
      names = "--at",
      paramLabel = "WHEN",
      description =
          "With --schedule: preview the first slot after this date or date-time (YYYY-MM-DD or"
              + " YYYY-MM-DDTHH:MM, in the schedule's zone) instead of after now.")
  String at;

  @Mixin DomainOption domain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SiftConfig resolved = common.resolve();
    SiftConfig config = domain.applyTo(resolved);
    if (schedule != null) {
      return dryRun(config);
    }
    try (Sift sift = new Sift(config)) {
      String channelId = null;
      String scope = "all channels";
      if (channel != null) {
        String[] found =
            sift.items()
                .channel(channel)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no channel '" + channel + "' in the index at " + config.dataDir()));
        channelId = found[0];
        scope = "#" + found[1];
      }
      Instant from = since == null ? null : since(sift, config);
      Digest digest = sift.digests().compose(channelId, scope, from);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          new PlainText(new Permalinks(config.workspaceDomain()), config.zone()).digest(digest));
      out.flush(); // picocli's writer flushes on println only, and the JVM exits right after
    }
    return 0;
  }

  private int dryRun(SiftConfig config) {
    if (!dryRun) {
      throw new IllegalArgumentException(
          "--schedule needs --dry-run: scheduled digests are posted by `sift run`");
    }
    DigestSchedule s =
        config.digests().stream()
            .filter(d -> d.name().equals(schedule))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no digest named '"
                            + schedule
                            + "' in the config; its digests are: "
                            + String.join(
                                ", ",
                                config.digests().stream().map(DigestSchedule::name).toList())));
    Instant after = at == null ? Instant.now() : at(s);
    try (Sift sift = new Sift(config)) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          DryRun.of(
              s,
              after,
              sift.items(),
              sift.privateChannels(),
              s.llmSummary() ? sift.summariser() : null,
              new Permalinks(config.workspaceDomain())));
      out.flush();
    }
    return 0;
  }

  private Instant at(DigestSchedule s) {
    try {
      return at.length() == 10
          ? LocalDate.parse(at).atStartOfDay(s.zone()).toInstant()
          : LocalDateTime.parse(at).atZone(s.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--at '" + at + "' is neither a date (YYYY-MM-DD) nor a date-time (YYYY-MM-DDTHH:MM)");
    }
  }

  private Instant since(Sift sift, SiftConfig config) {
    try {
      return LocalDate.parse(since).atStartOfDay(config.zone()).toInstant();
    } catch (DateTimeParseException notADate) {
      Instant newest = sift.items().newest().orElse(Instant.now());
      try {
        return newest.minus(Durations.parse(since));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--since '" + since + "' is neither a duration (24h, 7d) nor a date (YYYY-MM-DD)");
      }
    }
  }
}
