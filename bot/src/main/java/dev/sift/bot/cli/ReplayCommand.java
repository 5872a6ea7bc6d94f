package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.SlackExport;
import dev.sift.bot.llm.LlmReport;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.sinks.ItemEvents;
import dev.sift.bot.sinks.ItemPublisher;
import dev.sift.bot.sinks.Sinks;
import dev.sift.bot.slack.Permalinks;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.item.Role;
import dev.sift.triage.message.Message;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sift replay}: runs a Slack workspace export through the triage pipeline. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Triage and index every message of a Slack workspace export.",
    description = "Triage and index every message of a Slack workspace export (zip or folder).")
final class ReplayCommand implements Callable<Integer> {
  /** Messages embedded together: large enough to keep both cores busy. */
  private static final int BATCH = 256;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "EXPORT", description = "The export: a .zip or an unzipped folder.")
  Path export;

  @Mixin DomainOption domain;

  @Option(names = "--queue", defaultValue = "15", description = "Open P1/P2 items to list.")
  int queue;

  @Option(
      names = "--sinks",
      description =
          "Also send the replay's item events to the sinks of sift.yml (off by default, so an old"
              + " export never fires webhooks by surprise): the way to try a sink offline.")
  boolean sinks;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiftConfig config = domain.applyTo(common.resolve());
    List<Message> messages;
    List<ExportChannel> channels;
    try (SlackExport slack = SlackExport.open(export)) {
      channels = slack.channels();
      messages = slack.messages(w -> err.println("warning: " + w.file() + ": " + w.reason()));
      out.printf(
          "Export %s: %d channels, %d messages%n",
          export, slack.channels().size(), messages.size());
    }
    Map<Role, Integer> roles = new EnumMap<>(Role.class);
    try (Sift sift = new Sift(config)) {
      channels.forEach(c -> sift.privateChannels().learn(c.id(), c.isPrivate()));
      TriagePipeline pipeline =
          sift.pipeline(o -> roles.merge(o.message().role(), 1, Integer::sum));
      Sinks outbound = sinks ? openSinks(config, sift, pipeline) : Sinks.none();
      long start = System.nanoTime();
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Triaging")
              .setInitialMax(messages.size())
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" msg", 1)
              .showSpeed()
              .continuousUpdate()
              .build()) {
        for (int i = 0; i < messages.size(); i += BATCH) {
          List<Message> batch = messages.subList(i, Math.min(messages.size(), i + BATCH));
          pipeline.processAll(batch);
          bar.stepBy(batch.size());
        }
      }
      sift.index().commit();
      sendToSinks(outbound, out);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "Triaged %d messages in %.1f s (%.0f messages/s): %d items, %d thread replies,"
              + " %d repeat reports%n%n",
          messages.size(),
          seconds,
          messages.size() / Math.max(seconds, 1e-9),
          roles.getOrDefault(Role.ITEM, 0),
          roles.getOrDefault(Role.REPLY, 0),
          roles.getOrDefault(Role.REPORT, 0));
      out.printf(
          "Embedding: %d texts in %.1f s (%.0f texts/s); %d trivial messages cost no model call%n",
          pipeline.embeddedTexts(),
          pipeline.embeddingSeconds(),
          pipeline.embeddedTexts() / Math.max(pipeline.embeddingSeconds(), 1e-9),
          messages.size() - pipeline.embeddedTexts());
      if (sift.cascade() != null) {
        out.println(LlmReport.of(sift.cascade(), messages.size()));
      }
      out.println(
          "Messages by category: " + PlainText.counts(sift.items().messagesByCategory(null, null)));
      out.println(
          "Items by priority:    "
              + PlainText.priorities(sift.items().itemsByPriority(null, null)));
      PlainText text = new PlainText(new Permalinks(config.workspaceDomain()), config.zone());
      var open = sift.items().items(ItemQuery.openUrgent(null, null, queue));
      out.println();
      out.println(open.isEmpty() ? "No open P1/P2 items." : "Open P1/P2 queue:");
      out.print(text.items(open));
      out.printf("%nIndex: %s%n", config.dataDir().resolve("index").toAbsolutePath());
      out.flush();
    }
    return 0;
  }

  /** The sinks of sift.yml, told of every item change this replay makes. */
  private static Sinks openSinks(SiftConfig config, Sift sift, TriagePipeline pipeline) {
    if (config.sinks().isEmpty()) {
      throw new IllegalArgumentException(
          "--sinks: sift.yml has no sinks; add a 'sinks:' list (see the README)");
    }
    Sinks opened =
        Sinks.start(
            config.sinks(),
            config.dataDir(),
            System::getenv,
            new OkHttpClient(),
            Clock.systemUTC());
    Permalinks links = new Permalinks(config.workspaceDomain());
    pipeline.onItemChange(
        new ItemPublisher(
            new ItemEvents(
                t -> links.of(t.message()),
                id -> !sift.privateChannels().known(id).equals(Optional.of(false))),
            opened,
            Clock.systemUTC()));
    return opened;
  }

  /** Waits for the sinks to take the replay's events; what they do not take waits on disk. */
  private static void sendToSinks(Sinks sinks, PrintWriter out) {
    if (sinks.isEmpty()) {
      return;
    }
    try (sinks) {
      int left = sinks.drain(Duration.ofSeconds(30));
      for (Sinks.Reading r : sinks.readings()) {
        out.printf("Sink %s: %d events sent, %d failed attempts%n", r.sink(), r.sent(), r.failed());
      }
      if (left > 0) {
        out.printf(
            "%d events still wait in the sinks' outboxes (data_dir/sinks/); `sift run` sends"
                + " them%n",
            left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
