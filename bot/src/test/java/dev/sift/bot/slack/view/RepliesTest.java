package dev.sift.bot.slack.view;

import static dev.sift.bot.slack.view.SlackJson.actionIds;
import static dev.sift.bot.slack.view.SlackJson.element;
import static dev.sift.bot.slack.view.SlackJson.visible;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.index.SearchHit;
import dev.sift.triage.digest.Digest;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private static final Instant NOW = Items.POSTED.plus(Duration.ofHours(5));
  private static final PermalinkLookup LINKS = id -> "https://acme/" + id;

  @Test
  void should_list_every_subcommand_and_the_search_syntax_in_help() {
    String text = visible(Replies.help());

    assertThat(text)
        .contains("`/triage help`", "`/triage search <query>`", "`/triage queue`")
        .contains("`/triage digest [#channel] [since]`", "`24h`", "`7d`", "`YYYY-MM-DD`")
        .contains("`/triage stats`", "`/triage watch`", "`/triage unwatch`")
        .contains("\"a phrase\"", "-word", "in:#channel", "from:@user", "before:", "after:", "on:")
        .contains("has:link", "is:thread", "priority:p1,p2", "category:NAME")
        .contains("status:open|acked|resolved", "sort:date");
  }

  @Test
  void should_show_each_hit_with_its_matches_in_bold_and_user_text_escaped() {
    SearchHit hit =
        new SearchHit(Items.incident("x"), "the *checkout* <!here> page & more", 1.0, false);

    String text = visible(Replies.search("checkout <x>", List.of(hit), LINKS, false));

    assertThat(text)
        .startsWith("1 result for `checkout &lt;x&gt;`")
        .contains(":red_circle: *P1 · incident* · <#C0SUPPORT> · <!date^1700000000^")
        .contains("· alice\nthe *checkout* &lt;!here&gt; page &amp; more")
        .contains("|View>")
        .doesNotContain("<!here>", "similar meaning");
  }

  @Test
  void should_say_when_a_hit_was_found_by_meaning() {
    SearchHit hit = new SearchHit(Items.incident("payments fail"), "payments fail", 0.7, true);

    assertThat(visible(Replies.search("card declined", List.of(hit), LINKS, false)))
        .contains("payments fail _(similar meaning)_");
  }

  @Test
  void should_offer_more_results_carrying_the_query_when_there_are_more() {
    SearchHit hit = new SearchHit(Items.incident("x"), "x", 1.0, false);

    List<LayoutBlock> reply = Replies.search("in:#support is:thread", List.of(hit), LINKS, true);

    assertThat(actionIds(reply)).containsExactly("search_more");
    assertThat(element(reply, "search_more").get("value").getAsString())
        .isEqualTo("in:#support is:thread");
    assertThat(visible(reply)).endsWith("More results");
  }

  @Test
  void should_suggest_loosening_the_query_when_nothing_matches() {
    String text = visible(Replies.search("\"exact phrase\" in:#nowhere", List.of(), LINKS, false));

    assertThat(text).contains("No results for", "fewer words", "remove a filter");
  }

  @Test
  void should_cap_hits_to_stay_within_fifty_blocks() {
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      hits.add(new SearchHit(Items.incident("hit " + i), "hit " + i, 1.0, false));
    }

    List<LayoutBlock> reply = Replies.search("hit", hits, LINKS, true);

    assertThat(reply).hasSizeLessThanOrEqualTo(50);
    assertThat(visible(reply)).contains("…and 40 more");
  }

  @Test
  void should_group_the_queue_by_priority_with_age_and_owner() {
    List<TriagedMessage> items =
        List.of(
            Items.item("minor thing", Priority.P3, Items.POSTED),
            Items.assigned(
                Items.item("site down", Priority.P1, Items.POSTED.plus(Duration.ofHours(3))),
                "U0BOB",
                Status.ACKED));

    String text = visible(Replies.queue(items, NOW));

    assertThat(text)
        .contains(":red_circle: *P1* · 1 open\n• *incident* site down")
        .contains("site down — <#C0SUPPORT> · 2h ago")
        .contains("owner <@U0BOB> · acknowledged")
        .contains(":large_yellow_circle: *P3* · 1 open\n• *incident* minor thing")
        .contains("5h ago · unassigned");
    assertThat(text.indexOf("*P1*")).isLessThan(text.indexOf("*P3*"));
  }

  @Test
  void should_say_so_when_the_queue_is_empty() {
    assertThat(visible(Replies.queue(List.of(), NOW))).isEqualTo("The queue is empty.");
  }

  @Test
  void should_render_the_digest_as_the_cli_prints_it() {
    TriagedMessage urgent = Items.incident("Checkout is down").withReply(Items.message("on it"));
    Map<String, Long> byCategory = new LinkedHashMap<>();
    byCategory.put("question", 4L);
    byCategory.put("incident", 10L);
    Digest digest =
        new Digest(
            "#support",
            Items.POSTED.minus(Duration.ofDays(1)),
            byCategory,
            Map.of(Priority.P1, 1L, Priority.P3, 2L),
            List.of(urgent),
            List.of(urgent),
            List.of());

    String text = visible(Replies.digest(digest, LINKS));

    assertThat(text)
        .startsWith("Digest of #support\nSince <!date^1699913600^")
        .contains("14 messages")
        .contains("*Items by priority:* :red_circle: P1 1 · :large_yellow_circle: P3 2")
        .contains("*Messages by category:* incident 10 · question 4")
        .contains("*Open P1/P2 items*\n:red_circle: *P1 · incident* Checkout is down")
        .contains("_Why: looks like an outage; 3 people reported it_")
        .contains("*Busiest threads*\n• 1 reply · <#C0SUPPORT> · Checkout is down")
        .contains("Checkout is down · <https://acme/T1/C0SUPPORT/1700000000.000000|View>");
  }

  @Test
  void should_say_there_are_no_urgent_items_and_stay_within_fifty_blocks() {
    Digest quiet =
        new Digest("all channels", null, Map.of(), Map.of(), List.of(), List.of(), List.of());
    assertThat(visible(Replies.digest(quiet, LINKS)))
        .contains("All time · 0 messages", "No open P1/P2 items.");

    List<TriagedMessage> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(Items.incident("incident " + i));
    }
    Digest busy = new Digest("all channels", null, Map.of(), Map.of(), many, many, List.of());
    List<LayoutBlock> blocks = Replies.digest(busy, LINKS);
    assertThat(blocks).hasSizeLessThanOrEqualTo(50);
    assertThat(visible(blocks)).contains("…and 60 more", "…and 70 more");
  }

  @Test
  void should_show_accuracy_from_feedback() {
    Stats stats =
        new Stats(120, Map.of("bug", 20L, "incident", 5L), Map.of(Priority.P1, 5L), 25, 2);

    assertThat(visible(Replies.stats(stats)))
        .contains("120 messages triaged into 5 items")
        .contains("*Items by priority:* :red_circle: P1 5")
        .contains("*Messages by category:* bug 20 · incident 5")
        .contains("*Accuracy:* 92% (25 reviewed, 2 corrected)");
  }

  @Test
  void should_say_no_feedback_yet_when_nothing_was_reviewed() {
    Stats stats = new Stats(3, Map.of(), Map.of(), 0, 0);

    assertThat(visible(Replies.stats(stats))).contains("*Accuracy:* no feedback yet");
  }

  @Test
  void should_escape_plain_text_replies() {
    assertThat(visible(Replies.text("no channel <#C1> & <!here>")))
        .isEqualTo("no channel &lt;#C1&gt; &amp; &lt;!here&gt;");
  }
}
