package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.model.ConversationType;
import com.slack.api.util.http.SlackHttpClient;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.MessageMapper;
import dev.sift.bot.intake.Reconciler;
import dev.sift.bot.intake.SlackEvent;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.Watchlist;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sift backfill}: reads a channel's history from Slack since a date and triages it, for a
 * channel Sift has just been invited to. Day by day, oldest first, each day committed before the
 * next, so an interrupted backfill resumes where it stopped. Old messages get no task cards.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    header = "Triage a channel's history from Slack since a date, day by day.",
    description = {
      "Read a channel's history from Slack since DATE and triage it (no task cards are posted).",
      "Needs SLACK_BOT_TOKEN (and the bot in the channel); stop `sift run` on the same data first.",
      "Interrupted? Run it again: it goes on from the last day it finished."
    })
final class BackfillCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin CommonOptions common;

  @Option(
      names = "--channel",
      required = true,
      paramLabel = "NAME",
      description = "The channel, by name (with or without #) or id.")
  String channel;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "DATE",
      description = "The first day to read, YYYY-MM-DD (in the workspace time zone).")
  String since;

  @Spec CommandSpec spec;

  /** The environment (the bot token, SLACK_API_URL); tests pass their own. */
  java.util.function.Function<String, String> env = System::getenv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config = common.resolve();
    String token = env.apply("SLACK_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "SLACK_BOT_TOKEN is not set: backfill reads the channel's history from Slack");
    }
    LocalDate first;
    try {
      first = LocalDate.parse(since);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--since must be a date like 2026-11-01, was '" + since + "'");
    }
    Instant from = first.atStartOfDay(config.zone()).toInstant();
    Instant now = Instant.now();
    if (!from.isBefore(now)) {
      throw new IllegalArgumentException("--since " + since + " is not in the past");
    }
    try (Sift sift = new Sift(config);
        Slack slack =
            Slack.getInstance(
                RunCommand.slackConfig(
                    env.apply("SLACK_API_URL") != null
                        ? env.apply("SLACK_API_URL")
                        : config.live().apiUrl(),
                    sift.proxy().orElse(null)),
                new SlackHttpClient(sift.http()))) {
      SlackApi api = new SlackApi(slack.methods(token));
      var self = api.call("auth.test", m -> m.authTest(r -> r));
      Directory directory = new Directory(api);
      Directory.Channel target = find(api, self.getUserId(), channel);
      Watchlist watchlist =
          new Watchlist(config.live(), config.dataDir().resolve("watchlist.json"));
      MessageMapper mapper = new MessageMapper(self.getTeamId(), directory, directory::channelName);
      ExportChannel exportChannel =
          new ExportChannel(target.id(), target.name(), target.isPrivate());
      sift.privateChannels().learn(target.id(), target.isPrivate());
      TriagePipeline pipeline = sift.pipeline(o -> {}); // the past gets no cards

      Path state = config.dataDir().resolve("backfill-" + target.id() + ".json");
      Instant resumeFrom = resume(state, from);
      long days = Math.max(1, ChronoUnit.DAYS.between(from, now) + 1);
      long done = ChronoUnit.DAYS.between(from, resumeFrom);
      if (done > 0) {
        out.printf(
            "Resuming #%s from %s (%d of %d days done)%n", target.name(), resumeFrom, done, days);
      }
      List<SlackEvent> found = new ArrayList<>();
      Reconciler reader =
          new Reconciler(
              self.getTeamId(),
              api,
              sift.index(),
              found::add,
              watchlist,
              self.getUserId(),
              config.live().historyPace(),
              Duration.ZERO,
              config.dataDir().resolve("first-seen.json"));
      // What is read here is history: Sift watches the channel from now (no task cards for it).
      reader.watchingSince(target.id(), now);
      int triaged = 0;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("#" + target.name())
              .setInitialMax(days)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" days", 1)
              .continuousUpdate()
              .build()) {
        bar.stepTo(done);
        for (Instant day = resumeFrom; day.isBefore(now); day = day.plus(1, ChronoUnit.DAYS)) {
          Instant end = day.plus(1, ChronoUnit.DAYS).minusNanos(1000);
          found.clear();
          reader.channel(target.id(), SlackTs.of(day), SlackTs.of(end), SlackTs.of(day), n -> {});
          triaged +=
              triage(
                  self.getTeamId(),
                  found,
                  pipeline,
                  mapper,
                  exportChannel,
                  watchlist,
                  self.getUserId());
          sift.index().commit();
          save(state, from, day.plus(1, ChronoUnit.DAYS));
          bar.step();
          bar.setExtraMessage(" " + triaged + " messages");
        }
      }
      out.printf(
          "Backfilled #%s since %s: %d messages triaged and indexed.%n",
          target.name(), since, triaged);
      return 0;
    } catch (SlackCallException e) {
      throw new IllegalArgumentException("Slack refused: " + e.getMessage(), e);
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** New and edited messages of a day, oldest first (a reply after its parent); deletes applied. */
  private static int triage(
      String team,
      List<SlackEvent> events,
      TriagePipeline pipeline,
      MessageMapper mapper,
      ExportChannel channel,
      Watchlist watchlist,
      String selfUserId) {
    List<Message> messages = new ArrayList<>();
    for (SlackEvent e : events) {
      if (e.kind() == SlackEvent.Kind.DELETED) {
        pipeline.delete(new MessageKey(team, e.channelId(), e.ts()));
        continue;
      }
      if (selfUserId.equals(e.message().path("user").asText())) {
        continue; // Sift's own cards and digests
      }
      try {
        Message m = mapper.map(e.message(), channel);
        if (!m.bot() || watchlist.triagesBots(channel.id(), channel.name())) {
          messages.add(m.edited() || e.kind() == SlackEvent.Kind.EDITED ? m.asEdited() : m);
        }
      } catch (IllegalArgumentException ex) {
        // an unreadable message is skipped, as in a replay
      }
    }
    messages.sort(Comparator.comparingLong(m -> SlackTs.micros(m.ts())));
    pipeline.processAll(messages);
    return messages.size();
  }

  /** The channel by name or id among those the bot is in (it can read no others). */
  private static Directory.Channel find(SlackApi api, String botUser, String nameOrId) {
    String wanted = nameOrId.replaceFirst("^#", "");
    String cursor = null;
    do {
      String page = cursor;
      var r =
          api.call(
              "users.conversations",
              m ->
                  m.usersConversations(
                      q ->
                          q.user(botUser)
                              .types(
                                  List.of(
                                      ConversationType.PUBLIC_CHANNEL,
                                      ConversationType.PRIVATE_CHANNEL))
                              .limit(200)
                              .cursor(page)));
      for (var c :
          r.getChannels() == null ? List.<com.slack.api.model.Conversation>of() : r.getChannels()) {
        if (wanted.equals(c.getId()) || wanted.equalsIgnoreCase(c.getName())) {
          return new Directory.Channel(c.getId(), c.getName(), c.isPrivate());
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    throw new IllegalArgumentException(
        "Sift is not in a channel called '"
            + nameOrId
            + "': invite it there first (/invite @Sift), then run backfill again");
  }

  private static Instant resume(Path state, Instant from) {
    if (!Files.exists(state)) {
      return from;
    }
    try {
      var saved = JSON.readTree(state.toFile());
      Instant savedFrom = Instant.parse(saved.path("since").asText());
      Instant doneUntil = Instant.parse(saved.path("done_until").asText());
      // The same backfill again goes on; an earlier start date starts over from it.
      return savedFrom.equals(from) || savedFrom.isBefore(from) && doneUntil.isAfter(from)
          ? doneUntil
          : from;
    } catch (IOException | RuntimeException e) {
      return from;
    }
  }

  private static void save(Path state, Instant from, Instant doneUntil) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("since", from.toString())
            .put("done_until", doneUntil.toString());
    try {
      Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
      Files.writeString(tmp, n.toString());
      Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the backfill's progress to " + state, e);
    }
  }
}
