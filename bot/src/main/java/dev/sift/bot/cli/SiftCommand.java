package dev.sift.bot.cli;

import dev.sift.bot.config.ConfigException;
import dev.sift.bot.export.ExportException;
import dev.sift.index.QuerySyntaxException;
import dev.sift.triage.taxonomy.TaxonomyException;
import java.io.UncheckedIOException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code sift} command line. */
@Command(
    name = "sift",
    mixinStandardHelpOptions = true,
    version = "sift 0.1.0",
    description = "Triage the messages of busy Slack channels.",
    subcommands = {
      RunCommand.class,
      DoctorCommand.class,
      BackfillCommand.class,
      ReplayCommand.class,
      SearchCommand.class,
      DigestCommand.class,
      AuditCommand.class,
      PurgeCommand.class,
      ReindexCommand.class,
      SinksCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      KeysCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SiftCommand implements Runnable {
  private LogFormat logFormat = LogFormat.text;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SIFT_LOG_FORMAT:-text}",
      description =
          "Log lines as timestamped text (default) or one JSON object a line for log shippers"
              + " (default: $SIFT_LOG_FORMAT, else text).")
  void logFormat(LogFormat format) {
    if (format != logFormat) {
      format.apply();
      logFormat = format;
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Sift's error handling: known problems print one clear line. */
  public static CommandLine commandLine() {
    SiftCommand sift = new SiftCommand();
    CommandLine cli = new CommandLine(sift);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ExportException
              || e instanceof ConfigException
              || e instanceof TaxonomyException
              || e instanceof QuerySyntaxException
              || e instanceof IllegalArgumentException
              || e instanceof dev.sift.bot.slack.SlackCallException
              || e instanceof dev.sift.bot.install.InstallStoreException
              || e instanceof UncheckedIOException) {
            if (sift.logFormat == LogFormat.json) {
              // A log shipper reads standard error as JSON lines: the one line goes there too.
              LoggerFactory.getLogger(SiftCommand.class).error(e.getMessage());
            } else {
              line.getErr().println("sift: " + e.getMessage());
            }
            return 2;
          }
          throw e;
        });
    return cli;
  }
}
