package dev.sift.bot.cli;

import dev.sift.bot.config.ConfigException;
import dev.sift.bot.export.ExportException;
import dev.sift.index.QuerySyntaxException;
import dev.sift.triage.taxonomy.TaxonomyException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sift} command line. */
@Command(
    name = "sift",
    mixinStandardHelpOptions = true,
    version = "sift 0.1.0",
    description = "Triage the messages of busy Slack channels.",
    subcommands = {
      RunCommand.class,
      BackfillCommand.class,
      ReplayCommand.class,
      SearchCommand.class,
      DigestCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SiftCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Sift's error handling: known problems print one clear line. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SiftCommand());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ExportException
              || e instanceof ConfigException
              || e instanceof TaxonomyException
              || e instanceof QuerySyntaxException
              || e instanceof IllegalArgumentException
              || e instanceof dev.sift.bot.slack.SlackCallException
              || e instanceof UncheckedIOException) {
            line.getErr().println("sift: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli;
  }
}
