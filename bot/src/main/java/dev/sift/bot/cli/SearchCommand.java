package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.slack.Permalinks;
import dev.sift.index.SearchHit;
import dev.sift.index.SearchRequest;
import dev.sift.index.SlackQuery;
import dev.sift.triage.message.Message;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sift search}: searches the index with Slack's syntax plus triage fields. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    header = "Search triaged messages with Slack's query syntax and triage fields.",
    description = {
      "Search triaged messages. Words and \"phrases\", -word, in:#channel, from:@user,",
      "before:/after:/on:YYYY-MM-DD, during:YYYY-MM, has:link|file, is:thread,",
      "priority:p1,p2, category:NAME, status:open|acked|resolved, sort:date."
    })
final class SearchCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query.")
  List<String> query;

  @Option(names = "--limit", defaultValue = "10", description = "How many results (1-1000).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config = common.resolve();
    String q = String.join(" ", query);
    SlackQuery parsed = SlackQuery.parse(q, config.zone()); // fails before the model loads
    try (Sift sift = new Sift(config)) {
      float[] vector =
          parsed.freeText().isBlank() ? null : sift.embedder().embed(parsed.freeText());
      List<SearchHit> hits =
          sift.search().search(new SearchRequest(q, vector, null, limit, config.zone()));
      Permalinks links = new Permalinks(config.workspaceDomain());
      out.printf("%d result%s for %s%n", hits.size(), hits.size() == 1 ? "" : "s", q);
      for (SearchHit hit : hits) {
        Message m = hit.message().message();
        out.printf(
            "%n%s %s  #%s  %s  @%s%s%n   %s%n",
            hit.message().verdict().priority(),
            hit.message().verdict().category(),
            m.channelName(),
            WHEN.format(m.postedAt().atZone(config.zone())),
            m.userName() == null ? "?" : m.userName(),
            hit.semantic() ? "  (similar meaning)" : "",
            hit.snippet().replaceAll("\\s+", " "));
        String link = links.of(m);
        if (link != null) {
          out.println("   " + link);
        }
      }
    }
    return 0;
  }
}
