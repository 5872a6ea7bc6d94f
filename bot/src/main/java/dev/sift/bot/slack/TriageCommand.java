package dev.sift.bot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.access.Access;
import dev.sift.bot.config.Durations;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.Replies;
import dev.sift.bot.slack.view.Stats;
import dev.sift.index.ItemQueries;
import dev.sift.index.QuerySyntaxException;
import dev.sift.index.Search;
import dev.sift.index.SearchHit;
import dev.sift.index.SearchRequest;
import dev.sift.index.SlackQuery;
import dev.sift.triage.digest.DigestComposer;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.embed.Embedder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /triage} and its subcommands. Answers are blocks for an ephemeral reply; the caller
 * decides whether they go in the ack (fast) or through {@code response_url} (slow).
 */
public final class TriageCommand {
  static final int SEARCH_RESULTS = 5;

  /** How many results the More results button of a search answer shows. */
  public static final int MORE_RESULTS = 20;

  private final Search search;
  private final ItemQueries items;
  private final DigestComposer digests;
  private final Embedder embedder;
  private final Directory directory;
  private final Access access;
  private final Watchlist watchlist;
  private final SlackApi slack;
  private final CorrectionLog corrections;
  private final PermalinkLookup links;
  private final ZoneId zone;
  private final Clock clock;
  private final Supplier<String> llmFigures;
  private final Function<Instant, String> schedules;
  private final String team;

  /**
   * @param team the workspace whose people ask: search and the queue show only its messages
   */
  public TriageCommand(
      Search search,
      ItemQueries items,
      DigestComposer digests,
      Embedder embedder,
      Directory directory,
      Access access,
      Watchlist watchlist,
      SlackApi slack,
      CorrectionLog corrections,
      PermalinkLookup links,
      ZoneId zone,
      Clock clock,
      Supplier<String> llmFigures,
      Function<Instant, String> schedules,
      String team) {
    this.team = team;
    this.llmFigures = llmFigures;
    this.schedules = schedules;
    this.search = search;
    this.items = items;
    this.digests = digests;
    this.embedder = embedder;
    this.directory = directory;
    this.access = access;
    this.watchlist = watchlist;
    this.slack = slack;
    this.corrections = corrections;
    this.links = links;
    this.zone = zone;
    this.clock = clock;
  }

  /** Subcommands answered without touching the index or the model: they go straight in the ack. */
  public static boolean isQuick(String text) {
    String sub = subcommand(text);
    return !List.of("search", "queue", "digest", "stats", "watch", "unwatch").contains(sub);
  }

  /** Runs {@code /triage <text>} for a user in a channel. */
  public List<LayoutBlock> run(String text, String userId, String channelId) {
    String sub = subcommand(text);
    String rest =
        text == null
            ? ""
            : text.strip().substring(Math.min(sub.length(), text.strip().length())).strip();
    return switch (sub) {
      case "search" -> search(rest, userId, SEARCH_RESULTS);
      case "queue" -> Replies.queue(visibleItems(userId, 30), clock.instant());
      case "digest" -> digest(rest, channelId, userId);
      case "stats" -> stats();
      case "watch" -> watch(channelId);
      case "unwatch" -> unwatch(channelId);
      default -> Replies.help();
    };
  }

  /** Search results for a user: only from channels they may see. */
  public List<LayoutBlock> search(String query, String userId, int limit) {
    if (query.isBlank()) {
      return Replies.text(
          "Tell me what to look for, e.g. `/triage search login in:#support priority:p1`.");
    }
    SlackQuery parsed;
    try {
      parsed = SlackQuery.parse(query, zone);
    } catch (QuerySyntaxException e) {
      return Replies.text("That search didn't parse: " + e.getMessage());
    }
    float[] vector = parsed.freeText().isBlank() ? null : embedder.embed(parsed.freeText());
    List<SearchHit> hits =
        search.search(new SearchRequest(query, vector, visibleTo(userId), limit + 1, zone, team));
    boolean more = hits.size() > limit;
    return Replies.search(
        query, more ? hits.subList(0, limit) : hits, links, more && limit < MORE_RESULTS);
  }

  /** The channels with triaged messages that this person may read in Slack. */
  Set<String> visibleTo(String userId) {
    return access.visibleTo(userId, items.channelIds());
  }

  /** The open P1/P2 queue as a user may see it: no items from private channels they are not in. */
  public List<dev.sift.triage.item.TriagedMessage> visibleItems(String userId, int limit) {
    Set<String> visible = visibleTo(userId);
    return items.items(ItemQuery.openUrgent(null, null, limit * 3)).stream()
        .filter(t -> visible.contains(t.message().channelId()))
        .filter(t -> team == null || team.equals(t.message().team()))
        .limit(limit)
        .toList();
  }

  private List<LayoutBlock> digest(String args, String currentChannel, String userId) {
    if (args.strip().equalsIgnoreCase("schedule")) {
      return Replies.text(schedules.apply(clock.instant()));
    }
    String channelArg = null;
    String sinceArg = null;
    for (String word : args.split("\\s+")) {
      if (word.isBlank()) {
        continue;
      }
      if (word.startsWith("<#") || word.startsWith("#")) {
        channelArg = word;
      } else {
        sinceArg = word;
      }
    }
    String channelId = currentChannel;
    if (channelArg != null) {
      // With escaping off Slack sends "#name"; with it on, "<#C123|name>".
      String ref =
          channelArg.replaceAll("^<#([A-Z0-9]+)(\\|[^>]*)?>$", "$1").replaceFirst("^#", "");
      String[] found = items.channel(ref).orElse(null);
      if (found == null) {
        return Replies.text(
            "I have nothing from #" + ref + " yet. Is it watched? Try `/triage watch` there.");
      }
      channelId = found[0];
    }
    Directory.Channel channel = directory.channel(channelId);
    if (!access.maySee(userId, channelId)) {
      return Replies.text(
          channel.privacyKnown()
              ? channel.isPrivate()
                  ? "That channel is private and you are not in it."
                  : "You can't read that channel in Slack (a guest sees only the channels they"
                      + " are in), so I can't show you its digest."
              : "I can't tell whether <#"
                  + channelId
                  + "> is private: Slack answered `"
                  + channel.lookupError()
                  + "` when I asked (the app needs the channels:read and groups:read scopes),"
                  + " so I'm not showing its digest. Try again later, or ask an admin.");
    }
    Instant since;
    try {
      since = since(sinceArg == null ? "24h" : sinceArg);
    } catch (IllegalArgumentException e) {
      return Replies.text(e.getMessage());
    }
    String scope = "#" + directory.channelName(channelId);
    return Replies.digest(digests.compose(channelId, scope, since), links);
  }

  private Instant since(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return clock.instant().minus(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is neither a duration (24h, 7d) nor a date (YYYY-MM-DD).");
      }
    }
  }

  private List<LayoutBlock> stats() {
    long corrected = corrections.size();
    long accepted = items.cardsAcceptedAsTriaged();
    List<LayoutBlock> blocks =
        new java.util.ArrayList<>(
            Replies.stats(
                new Stats(
                    items.messagesByCategory(null, null).values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                    items.messagesByCategory(null, null),
                    items.itemsByPriority(null, null),
                    accepted + corrected,
                    corrected)));
    if (llmFigures != null) {
      blocks.addAll(Replies.text(llmFigures.get()));
    }
    return blocks;
  }

  private List<LayoutBlock> watch(String channelId) {
    Directory.Channel channel = directory.channel(channelId);
    if (!channel.isPrivate()) {
      try {
        slack.call("conversations.join", m -> m.conversationsJoin(r -> r.channel(channelId)));
      } catch (SlackCallException e) {
        return Replies.text(
            "I couldn't join this channel (" + e.error() + "). Invite me with `/invite @Sift`.");
      }
    }
    watchlist.watch(channelId);
    return Replies.text(
        "Watching #" + channel.name() + " from now on: urgent messages here get task cards.");
  }

  private List<LayoutBlock> unwatch(String channelId) {
    watchlist.unwatch(channelId);
    return Replies.text(
        "Stopped watching #"
            + directory.channelName(channelId)
            + ". `/triage watch` starts again.");
  }

  private static String subcommand(String text) {
    String t = text == null ? "" : text.strip();
    int space = t.indexOf(' ');
    return (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
