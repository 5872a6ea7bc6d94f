package dev.sift.triage.priority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Priority read as chat, case by case from {@code chat-cases.json}: each case gives a category, a
 * channel and a text, the priority it must get, a reason it must show (quoting the text) and one it
 * must not.
 */
class ChatPriorityTest {
  private final Taxonomy taxonomy = Taxonomy.defaults();
  private final Prioritiser prioritiser = Prioritiser.defaults();

  record Case(
      String name,
      String category,
      String channel,
      String text,
      Priority priority,
      String reason,
      String noReason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    try (InputStream in = ChatPriorityTest.class.getResourceAsStream("chat-cases.json")) {
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(in)) {
        cases.add(
            new Case(
                c.get("name").asText(),
                c.get("category").asText(),
                c.get("channel").asText(),
                c.get("text").asText(),
                Priority.parse(c.get("priority").asText()),
                c.path("reason").asText(null),
                c.path("no_reason").asText(null)));
      }
      return cases;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_prioritise_chat_as_people_mean_it(Case c) {
    var a =
        prioritiser.assess(
            taxonomy.get(c.category()), PrioritiserTest.msg(c.channel(), c.text()), 1);

    assertThat(a.priority()).as("priority, reasons %s", a.reasons()).isEqualTo(c.priority());
    if (c.reason() != null) {
      assertThat(a.reasons()).anyMatch(r -> r.startsWith(c.reason()));
    }
    if (c.noReason() != null) {
      assertThat(a.reasons()).noneMatch(r -> r.startsWith(c.noReason()));
    }
  }
}
