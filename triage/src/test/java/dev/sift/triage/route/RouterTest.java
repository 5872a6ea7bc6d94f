package dev.sift.triage.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static RoutingRule rule(
      String name,
      Set<String> categories,
      Set<Priority> priorities,
      List<String> channels,
      List<String> keywords,
      String destination,
      List<String> assignees,
      String group) {
    return new RoutingRule(
        name, categories, priorities, channels, keywords, null, destination, assignees, group);
  }

  @Test
  void should_take_the_first_matching_rule_and_assign_its_users_in_turn() {
    Router router =
        new Router(
            List.of(
                rule(
                    "client incidents",
                    Set.of("incident"),
                    Set.of(),
                    List.of("client-*"),
                    List.of(),
                    "#ops-triage",
                    List.of("U1", "U2"),
                    null),
                rule("rest", Set.of(), Set.of(), List.of(), List.of(), "triage", List.of(), null)));
    TriagedMessage outage = item("client-acme", "incident", Priority.P1, "portal down");

    Route first = router.route(outage, g -> List.of()).orElseThrow();
    Route second = router.route(outage, g -> List.of()).orElseThrow();
    Route third = router.route(outage, g -> List.of()).orElseThrow();

    assertThat(first.destination()).isEqualTo("ops-triage");
    assertThat(List.of(first.assigneeId(), second.assigneeId(), third.assigneeId()))
        .containsExactly("U1", "U2", "U1");
    assertThat(router.route(item("eng", "incident", Priority.P1, "x"), g -> List.of()))
        .get()
        .extracting(Route::rule)
        .isEqualTo("rest");
  }

  @Test
  void should_match_keywords_and_regex_and_draw_owners_from_a_user_group() {
    Router router =
        new Router(
            List.of(
                new RoutingRule(
                    "billing",
                    Set.of(),
                    Set.of(),
                    List.of(),
                    List.of("Invoice"),
                    Pattern.compile("INV-\\d+"),
                    "billing",
                    List.of(),
                    "S123")));
    Map<String, List<String>> groups = Map.of("S123", List.of("U7", "U8"));

    assertThat(
            router.route(
                item("support", "request", Priority.P3, "invoice INV-2041 is wrong"), groups::get))
        .get()
        .extracting(Route::assigneeId)
        .isEqualTo("U7");
    assertThat(router.route(item("support", "request", Priority.P3, "invoice please"), groups::get))
        .isEmpty();
  }

  @Test
  void should_card_only_urgent_items_in_the_source_thread_by_default() {
    Router router = Router.defaults();

    assertThat(router.route(item("eng", "bug", Priority.P2, "export broken"), g -> List.of()))
        .get()
        .satisfies(r -> assertThat(r.inSourceThread()).isTrue());
    assertThat(router.route(item("eng", "question", Priority.P3, "where?"), g -> List.of()))
        .isEmpty();
  }

  static TriagedMessage item(String channel, String category, Priority p, String text) {
    Message m =
        new Message(
            "T1",
            "C-" + channel,
            channel,
            "1772632654.000100",
            null,
            "U9",
            "maria",
            text,
            null,
            false,
            false,
            List.of(),
            List.of());
    return TriagedMessage.newItem(
        m, new Verdict(category, p, 0.9, 0.5, List.of(category), Verdict.EMBEDDED), null);
  }
}
