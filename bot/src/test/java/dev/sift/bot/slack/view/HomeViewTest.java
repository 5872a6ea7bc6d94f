package dev.sift.bot.slack.view;

import static dev.sift.bot.slack.view.SlackJson.visible;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeViewTest {
  private static final Instant NOW = Items.POSTED.plus(Duration.ofHours(3));
  private static final PermalinkLookup LINKS = id -> "https://acme/" + id;

  @Test
  void should_cheer_when_nothing_is_assigned() {
    View home = HomeView.view(List.of(), List.of(), LINKS, NOW);

    assertThat(home.getType()).isEqualTo("home");
    assertThat(visible(home))
        .startsWith("Your open tasks\nNothing assigned to you. :tada:")
        .contains("Queue");
  }

  @Test
  void should_list_my_tasks_with_channel_age_and_link() {
    TriagedMessage mine = Items.assigned(Items.incident("Checkout is down"), "U0ME", Status.ACKED);

    String text = visible(HomeView.view(List.of(mine), List.of(), LINKS, NOW));

    assertThat(text)
        .contains(
            ":red_circle: *P1 · incident* Checkout is down\n<#C0SUPPORT> · 3h ago · acknowledged"
                + " · <https://acme/T1/C0SUPPORT/1700000000.000000|View>")
        .doesNotContain("Nothing assigned");
  }

  @Test
  void should_show_only_open_urgent_items_in_the_queue() {
    List<TriagedMessage> queue =
        List.of(
            Items.item("urgent one", Priority.P2, Items.POSTED),
            Items.item("minor one", Priority.P3, Items.POSTED),
            Items.item("done one", Priority.P1, Items.POSTED).withStatus(Status.RESOLVED));

    String text = visible(HomeView.view(List.of(), queue, LINKS, NOW));

    assertThat(text).contains("urgent one", "unassigned").doesNotContain("minor one", "done one");
  }

  @Test
  void should_stay_within_slack_limits_when_both_lists_are_long() {
    List<TriagedMessage> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(Items.item("item " + i + " " + "word ".repeat(400), Priority.P1, Items.POSTED));
    }

    View home = HomeView.view(many, many, LINKS, NOW);

    assertThat(home.getBlocks()).hasSizeLessThanOrEqualTo(100);
    assertThat(visible(home)).contains("…and 130 more");
  }
}
