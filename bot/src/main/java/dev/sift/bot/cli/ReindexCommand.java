package dev.sift.bot.cli;

import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.storage.OfflineIndex;
import dev.sift.bot.storage.Reindex;
import dev.sift.bot.storage.SharedStore;
import dev.sift.index.MessageStore;
import dev.sift.index.VectorModelStamp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sift reindex}: moves the messages from the embedded index to SolrCloud, or back. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    header = "Copy every message from one index backend to the other.",
    description = {
      "Copy the embedded index in the data directory to the SolrCloud collection the config's",
      "index: section names (--from lucene --to solr), or back (--from solr --to lucene).",
      "Items, task state and channel checkpoints go with the messages. Stop `sift run` first.",
      "Interrupted, it goes on from where it stopped when run again; the source is only read."
    })
final class ReindexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "lucene|solr",
      description = "The backend to read.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "lucene|solr",
      description = "The backend to write.")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IndexSettings.Backend source = backend(from, "--from");
    IndexSettings.Backend target = backend(to, "--to");
    if (source == target) {
      throw new ParameterException(
          spec.commandLine(), "--from and --to are both " + from + ": nothing to copy");
    }
    SiftConfig config = common.resolve();
    if (config.index().backend() != IndexSettings.Backend.SOLR && config.index().urls().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "the config has no index: section naming the SolrCloud cluster (backend: solr, url:"
              + " ...); see README, \"Beyond one machine\"");
    }
    Path progress = config.dataDir().resolve("reindex-" + from + "-to-" + to + ".json");
    try (MessageStore read = open(source, config);
        MessageStore write = open(target, config)) {
      long start = System.nanoTime();
      Reindex.Result r;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Copying")
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" msg", 1)
              .showSpeed()
              .continuousUpdate()
              .build()) {
        r =
            new Reindex(read, write, progress)
                .run(
                    (copied, total) -> {
                      bar.maxHint(total);
                      bar.stepTo(copied);
                    });
      }
      out.printf(
          "Copied %,d messages from %s to %s%s; %d channel checkpoints carried over.%n",
          r.copied(),
          from,
          to,
          r.resumedFrom() > 0 ? " (going on from " + r.resumedFrom() + " copied before)" : "",
          r.checkpoints());
      out.printf(
          "  messages in %s: %,d; in %s now: %,d%n", from, r.sourceSize(), to, r.targetSize());
      if (r.targetSize() < r.sourceSize()) {
        out.println("  the target holds fewer messages than the source: run it again");
        return 1;
      }
      out.printf("  took %.1f s%n", (System.nanoTime() - start) / 1e9);
      return 0;
    }
  }

  private IndexSettings.Backend backend(String name, String option) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lucene" -> IndexSettings.Backend.LUCENE;
      case "solr" -> IndexSettings.Backend.SOLR;
      default ->
          throw new ParameterException(
              spec.commandLine(), option + " must be lucene or solr, not '" + name + "'");
    };
  }

  private static MessageStore open(IndexSettings.Backend backend, SiftConfig config) {
    if (backend == IndexSettings.Backend.SOLR) {
      return SharedStore.open(config.index(), config.embedding(), System::getenv);
    }
    VectorModelStamp.check(config.dataDir(), config.embedding());
    return OfflineIndex.open(config.dataDir().resolve("index"), "reindex");
  }
}
