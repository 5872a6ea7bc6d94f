package dev.sift.bot.cli;

import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.sinks.SinkSettings;
import dev.sift.bot.sinks.Sinks;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sift sinks}: the event sinks of {@code sinks:} in sift.yml. */
@Command(
    name = "sinks",
    mixinStandardHelpOptions = true,
    header = "Work with the event sinks (webhooks, Kafka, Jira) of sift.yml.",
    subcommands = {SinksCommand.Replay.class})
final class SinksCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sift sinks replay [--sink NAME]}: sends the dead letters again. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      header = "Send a sink's dead letters again, oldest first.",
      description = {
        "Events a sink refused, or that failed past give_up_after, wait in",
        "data_dir/sinks/<name>/dead-letters.jsonl. This offers each to its sink again and keeps",
        "the ones it still does not take. Safe beside a running `sift run`. Exit status 1 when",
        "some are left."
      })
  static final class Replay implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--sink", paramLabel = "NAME", description = "Only this sink (default: all).")
    String sink;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      SiftConfig config = common.resolve();
      List<SinkSettings> chosen =
          config.sinks().stream().filter(s -> sink == null || s.name().equals(sink)).toList();
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException(
            sink == null
                ? "sift.yml has no sinks: add a 'sinks:' list (see the README)"
                : "no sink named '"
                    + sink
                    + "' in sift.yml; its sinks are: "
                    + String.join(", ", config.sinks().stream().map(SinkSettings::name).toList()));
      }
      OkHttpClient http = new OkHttpClient();
      int left = 0;
      for (SinkSettings s : chosen) {
        Sinks.Replayed r =
            Sinks.replayDeadLetters(s, config.dataDir(), System::getenv, http, Clock.systemUTC());
        out.printf("%s: %d delivered, %d still set aside%n", r.sink(), r.delivered(), r.left());
        r.errors().stream().limit(10).forEach(e -> out.println("  " + e));
        left += r.left();
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      return left == 0 ? 0 : 1;
    }
  }
}
