package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.element.BlockElements.asElements;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.index.SearchHit;
import dev.sift.triage.digest.Digest;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The replies to {@code /triage} and its subcommands, each a short list of blocks. */
public final class Replies {
  public static final String SEARCH_MORE = "search_more";

  /** Hits per reply: one section each, well under Slack's 50 blocks per message. */
  static final int HITS = 20;

  /** Queue lines per reply; packed into few sections, so blocks are never the limit. */
  static final int QUEUE = 40;

  private static final int SNIPPET = 300;
  private static final int QUERY = 200;

  private Replies() {}

  public static List<LayoutBlock> help() {
    return List.of(
        Kit.section(
            String.join(
                "\n",
                "*`/triage` commands*",
                "`/triage help` — this list",
                "`/triage search <query>` — triaged messages from channels you can see, best"
                    + " first",
                "`/triage queue` — open items by priority, with their age and owner",
                "`/triage digest [#channel] [since]` — figures, open P1/P2 items and busiest"
                    + " threads; since is `24h`, `7d` or `YYYY-MM-DD`",
                "`/triage digest schedule` — the scheduled digests and when each posts next",
                "`/triage stats` — messages by category and priority, and how often triage was"
                    + " right",
                "`/triage watch` — start triaging messages in this channel",
                "`/triage unwatch` — stop triaging messages in this channel")),
        Kit.section(
            String.join(
                "\n",
                "*Search syntax*",
                "• `word word` all the words · `\"a phrase\"` exactly · `-word` without it",
                "• `in:#channel` · `from:@user`",
                "• `before:YYYY-MM-DD` · `after:YYYY-MM-DD` · `on:YYYY-MM-DD`",
                "• `has:link` · `is:thread`",
                "• `priority:p1,p2` · `category:NAME` · `status:open|acked|resolved`",
                "• `sort:date` newest first instead of best match")));
  }

  /**
   * Search results, one section per hit, and a "More results" button when {@code more}.
   *
   * @param query what the user typed; shown escaped, and the button's value to page on
   */
  public static List<LayoutBlock> search(
      String query, List<SearchHit> hits, PermalinkLookup links, boolean more) {
    String shown = "`" + Mrkdwn.oneLine(Mrkdwn.escape(query), QUERY).replace('`', '\'') + "`";
    if (hits.isEmpty()) {
      return List.of(
          Kit.section(
              "No results for "
                  + shown
                  + ". Try fewer words, or remove a filter such as `in:`, `from:` or `before:`."
                  + " `/triage help` shows the syntax."));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.section(Mrkdwn.count(hits.size(), "result", "results") + " for " + shown));
    hits.stream().limit(HITS).forEach(h -> blocks.add(Kit.section(hit(h, links))));
    if (hits.size() > HITS) {
      blocks.add(Kit.more(hits.size() - HITS));
    }
    if (more) {
      blocks.add(actions(asElements(Kit.button(SEARCH_MORE, "More results", query, null))));
    }
    return blocks;
  }

  private static String hit(SearchHit h, PermalinkLookup links) {
    Message m = h.message().message();
    // Escaping leaves '*' alone, so the index's *match* markers stay bold.
    String snippet =
        h.snippet() == null || h.snippet().isBlank()
            ? Mrkdwn.summary(m, SNIPPET)
            : balanced(Mrkdwn.oneLine(Mrkdwn.escape(h.snippet()), SNIPPET));
    StringBuilder b =
        new StringBuilder(Mrkdwn.label(h.message().verdict()))
            .append(" · ")
            .append(Mrkdwn.channel(m))
            .append(" · ")
            .append(Mrkdwn.date(m.postedAt()))
            .append(" · ")
            .append(Mrkdwn.author(m))
            .append('\n')
            .append(snippet);
    if (h.semantic()) {
      b.append(" _(similar meaning)_");
    }
    String url = links.linkTo(h.message().key().id());
    if (url != null) {
      b.append(" · ").append(Mrkdwn.link(url, "View"));
    }
    return b.toString();
  }

  /** A clip can cut between a match's two asterisks; a lone one would bold the rest. */
  static String balanced(String snippet) {
    long stars = snippet.chars().filter(c -> c == '*').count();
    if (stars % 2 == 0) {
      return snippet;
    }
    int last = snippet.lastIndexOf('*');
    return snippet.substring(0, last) + snippet.substring(last + 1);
  }

  /** The open queue, most urgent first, each item with its age and owner. */
  public static List<LayoutBlock> queue(List<TriagedMessage> items, Instant now) {
    List<TriagedMessage> open = items.stream().filter(t -> t.status() != Status.RESOLVED).toList();
    if (open.isEmpty()) {
      return List.of(Kit.section("The queue is empty."));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    int listed = 0;
    for (Priority p : Priority.values()) {
      List<TriagedMessage> group = open.stream().filter(t -> t.verdict().priority() == p).toList();
      if (group.isEmpty() || listed >= QUEUE) {
        continue;
      }
      List<String> lines = new ArrayList<>();
      lines.add(Mrkdwn.priorityEmoji(p) + " *" + p + "* · " + group.size() + " open");
      for (TriagedMessage t : group.subList(0, Math.min(group.size(), QUEUE - listed))) {
        lines.add(queueLine(t, now));
      }
      listed += lines.size() - 1;
      blocks.addAll(Kit.packed(lines));
    }
    if (open.size() > listed) {
      blocks.add(Kit.more(open.size() - listed));
    }
    return blocks;
  }

  private static String queueLine(TriagedMessage t, Instant now) {
    Message m = t.message();
    String owner = t.task().assigneeId();
    return "• *"
        + Mrkdwn.escape(t.verdict().category())
        + "* "
        + Mrkdwn.summary(m, 100)
        + " — "
        + Mrkdwn.channel(m)
        + " · "
        + Mrkdwn.ago(m.postedAt(), now)
        + " · "
        + (owner == null ? "unassigned" : "owner " + Mrkdwn.user(owner))
        + (t.status() == Status.ACKED ? " · acknowledged" : "");
  }

  /** A digest as the CLI prints it: figures, open P1/P2 items with reasons, busiest threads. */
  public static List<LayoutBlock> digest(Digest digest, PermalinkLookup links) {
    return DigestBlocks.of(digest, links);
  }

  public static List<LayoutBlock> stats(Stats s) {
    // Whole percent rounded down, in integers so 92% is not 91.99…; one correction in 200 never
    // reads as a perfect 100%.
    String accuracy =
        s.reviewed() == 0
            ? "no feedback yet"
            : (s.reviewed() - Math.min(s.corrected(), s.reviewed())) * 100 / s.reviewed()
                + "% ("
                + s.reviewed()
                + " reviewed, "
                + s.corrected()
                + " corrected)";
    return List.of(
        Kit.section(
            "*Triage stats*\n"
                + Mrkdwn.count(s.messages(), "message", "messages")
                + " triaged into "
                + Mrkdwn.count(s.items(), "item", "items")
                + " (replies and repeat reports join their item)\n*Items by priority:* "
                + Counts.priorities(s.byPriority())
                + "\n*Messages by category:* "
                + Counts.categories(s.byCategory())
                + "\n*Accuracy:* "
                + accuracy));
  }

  /** One section of text, escaped: for errors and short confirmations. */
  public static List<LayoutBlock> text(String text) {
    return List.of(Kit.section(Mrkdwn.escape(text)));
  }
}
