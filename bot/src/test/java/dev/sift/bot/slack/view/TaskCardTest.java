package dev.sift.bot.slack.view;

import static dev.sift.bot.slack.view.SlackJson.actionIds;
import static dev.sift.bot.slack.view.SlackJson.element;
import static dev.sift.bot.slack.view.SlackJson.elements;
import static dev.sift.bot.slack.view.SlackJson.visible;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskCardTest {
  private static final String ID = "T1/C0SUPPORT/1700000000.000000";
  private static final PermalinkLookup LINKS = id -> "https://acme.slack.com/archives/" + id;

  @Test
  void should_lead_with_priority_category_and_summary() {
    List<LayoutBlock> card =
        TaskCard.blocks(Items.incident("Checkout is down\nfor everyone"), LINKS);

    assertThat(visible(card))
        .startsWith(":red_circle: *P1 · incident* Checkout is down for everyone");
  }

  @Test
  void should_name_the_author_without_pinging_them() {
    String text = visible(TaskCard.blocks(Items.incident("Checkout is down"), LINKS));

    assertThat(text)
        .contains("From alice in <#C0SUPPORT> · <!date^1700000000^")
        .contains("1 reporter · 0 replies")
        .doesNotContain("<@U0ALICE>");
  }

  @Test
  void should_show_special_mentions_as_text_when_the_message_contains_them() {
    TriagedMessage item = Items.incident("<!channel> <@U999> site down & <https://evil.io|click>");

    String text = visible(TaskCard.blocks(item, LINKS)) + TaskCard.fallbackText(item);

    assertThat(text)
        .contains("&lt;!channel&gt; &lt;@U999&gt; site down &amp; &lt;https://evil.io|click&gt;")
        .doesNotContain("<!channel>", "<@U999>", "<https://evil.io");
  }

  @Test
  void should_explain_why_with_confidence_and_decider() {
    String text = visible(TaskCard.blocks(Items.incident("Checkout is down"), LINKS));

    assertThat(text)
        .contains("*Why:*\n• looks like an outage\n• 3 people reported it")
        .contains("87% confident · decided by the embedded model");
  }

  @Test
  void should_offer_every_action_with_the_item_id_when_open() {
    List<LayoutBlock> card = TaskCard.blocks(Items.incident("Checkout is down"), LINKS);

    assertThat(actionIds(card))
        .containsExactly("task_ack", "task_resolve", "task_reassign", "task_wrong");
    assertThat(element(card, "task_ack").get("style").getAsString()).isEqualTo("primary");
    assertThat(element(card, "task_wrong").get("style").getAsString()).isEqualTo("danger");
    assertThat(element(card, "task_reassign").get("type").getAsString()).isEqualTo("users_select");
    assertThat(elements(card))
        .filteredOn(e -> e.get("type").getAsString().equals("button"))
        .extracting(e -> e.get("value").getAsString())
        .containsOnly(ID);
    assertThat(SlackJson.tree(card).toString()).contains("\"block_id\":\"task_actions\"");
  }

  @Test
  void should_omit_acknowledge_when_already_acknowledged() {
    TriagedMessage item = Items.assigned(Items.incident("Checkout is down"), "U0BOB", Status.ACKED);

    List<LayoutBlock> card = TaskCard.blocks(item, LINKS);

    assertThat(actionIds(card)).containsExactly("task_resolve", "task_reassign", "task_wrong");
    assertThat(visible(card)).contains("*Status:* Acknowledged · *Owner:* <@U0BOB>");
    assertThat(element(card, "task_reassign").get("initial_user").getAsString()).isEqualTo("U0BOB");
  }

  @Test
  void should_offer_only_reopen_and_wrong_triage_when_resolved() {
    TriagedMessage item = Items.incident("Checkout is down").withStatus(Status.RESOLVED);

    List<LayoutBlock> card = TaskCard.blocks(item, LINKS);

    assertThat(actionIds(card)).containsExactly("task_reopen", "task_wrong");
    assertThat(visible(card)).contains("*Status:* Resolved");
  }

  @Test
  void should_link_to_the_source_when_a_link_is_known() {
    String text = visible(TaskCard.blocks(Items.incident("Checkout is down"), LINKS));

    assertThat(text)
        .contains("*Status:* Open · <https://acme.slack.com/archives/" + ID + "|View message>");
  }

  @Test
  void should_link_the_jira_issue_and_say_what_happened_there_without_pinging_anyone() {
    TriagedMessage item = Items.incident("Checkout is down");
    item =
        item.withTask(
            item.task()
                .withIssue(
                    new LinkedIssue(
                        "Jira",
                        "OPS-42",
                        "https://jira.example.com/browse/OPS-42",
                        "resolved in Jira by <!channel> Ana")));

    String text = visible(TaskCard.blocks(item, LINKS));

    assertThat(text)
        .contains("*Jira:* <https://jira.example.com/browse/OPS-42|OPS-42>")
        .contains("resolved in Jira by &lt;!channel&gt; Ana")
        .doesNotContain("<!channel>");
  }

  @Test
  void should_leave_links_out_when_none_are_known() {
    String text =
        visible(TaskCard.blocks(Items.incident("Checkout is down"), PermalinkLookup.none()));

    assertThat(text).doesNotContain("View message", "https://");
  }

  @Test
  void should_list_other_reporters_and_their_reports_when_reported_again() {
    TriagedMessage item =
        Items.incident("Checkout is down")
            .withReport(Items.message("same here", Items.POSTED.plusSeconds(60), "bob"))
            .withReport(Items.message("down <b>", Items.POSTED.plusSeconds(120), "c<a>rol"));
    String second = item.reportIds().get(1);
    Map<String, String> known = Map.of(item.reportIds().get(0), "https://acme/r1");

    String text = visible(TaskCard.blocks(item, id -> id.equals(second) ? null : known.get(id)));

    assertThat(text)
        .contains("Also reported by: bob, c&lt;a&gt;rol — reports: <https://acme/r1|1>")
        .contains("3 reporters")
        .doesNotContain("|2>");
  }

  @Test
  void should_keep_every_text_within_slack_limits_when_the_message_is_huge() {
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      reasons.add("reason " + i + " " + "x".repeat(500));
    }
    TriagedMessage item =
        Items.incident("<&> ".repeat(5000))
            .withVerdict(new Verdict("incident", Priority.P1, 0.5, 0.1, reasons, "llm"));

    List<LayoutBlock> card = TaskCard.blocks(item, LINKS);

    List<String> texts = new ArrayList<>();
    SlackJson.collect(SlackJson.tree(card), "text", texts);
    assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
    assertThat(visible(card)).contains("…and 30 more").contains("decided by the LLM");
    assertThat(TaskCard.fallbackText(item).length()).isLessThanOrEqualTo(3000);
  }

  @Test
  void should_mention_the_owner_in_the_fallback_so_they_are_notified() {
    TriagedMessage item = Items.assigned(Items.incident("Checkout is down"), "U0BOB", Status.OPEN);

    assertThat(TaskCard.fallbackText(item))
        .isEqualTo("P1 incident in #support: Checkout is down (owner: <@U0BOB>)");
  }

  @Test
  void should_close_without_buttons_or_text_when_the_source_was_deleted() {
    List<LayoutBlock> card = TaskCard.deleted(Items.incident("secret stuff"));

    assertThat(elements(card)).isEmpty();
    assertThat(visible(card))
        .contains("source message was deleted", "closed", "*P1 · incident*")
        .doesNotContain("secret stuff");
  }
}
