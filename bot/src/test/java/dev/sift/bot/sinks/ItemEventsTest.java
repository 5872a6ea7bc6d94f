package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which event each kind of item change becomes, and that a change made twice is one event. */
class ItemEventsTest {
  private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
  private final ItemEvents events =
      new ItemEvents(t -> "https://northwind.slack.com/archives/C0SUPPORT/p1", id -> false);

  private final TriagedMessage opened =
      TriagedMessage.newItem(
          new Message(
              "T0NORTH",
              "C0SUPPORT",
              "support",
              "1772700100.000100",
              null,
              "U0ISA",
              "isa",
              "the portal is down for everyone",
              null,
              false,
              false,
              null,
              null),
          new Verdict("incident", Priority.P1, 0.9, 0.5, List.of("says 'down'"), "embedded"),
          null);

  @Test
  void should_name_each_change_by_what_a_consumer_cares_about() {
    assertThat(type(null, opened)).hasValue("item.opened");
    var acked = opened.withStatus(Status.ACKED).withTask(opened.task().withAssignee("U0PRIYA"));
    assertThat(type(opened, acked)).hasValue("item.updated");
    var breached = acked.withTask(acked.task().withSlaBreachedAt(NOW));
    assertThat(type(acked, breached)).hasValue("sla.breached");
    var corrected =
        breached.withVerdict(
            new Verdict(
                "bug", Priority.P3, 1.0, 1.0, List.of("corrected by Priya"), Verdict.HUMAN));
    assertThat(type(breached, corrected)).hasValue("correction.recorded");
    assertThat(events.of(breached, corrected, NOW).orElseThrow().data())
        .containsEntry("previous_priority", "P1")
        .containsEntry("priority", "P3");
    assertThat(type(corrected, corrected.withStatus(Status.RESOLVED))).hasValue("item.resolved");
    assertThat(type(acked, acked)).as("nothing a consumer sees changed").isEmpty();
  }

  @Test
  void should_give_the_same_change_the_same_id_and_a_later_one_another() {
    var acked = opened.withStatus(Status.ACKED);
    String first = events.of(opened, acked, NOW).orElseThrow().id();

    assertThat(events.of(opened, acked, NOW.plusSeconds(60)).orElseThrow().id())
        .as("the same change replayed after a crash")
        .isEqualTo(first);
    // As the card's Reopen does: the SLA clock starts again.
    var reopened =
        acked
            .withStatus(Status.OPEN)
            .withTask(acked.task().withTimes(TaskTimes.startingAt(NOW.plusSeconds(600))));
    var ackedAgain = reopened.withStatus(Status.ACKED);
    assertThat(events.of(acked, reopened, NOW).orElseThrow().id()).isNotEqualTo(first);
    assertThat(events.of(reopened, ackedAgain, NOW).orElseThrow().id())
        .as("acknowledged again after a reopen: a new change, though the state is the same")
        .isNotEqualTo(first);
  }

  private Optional<String> type(TriagedMessage before, TriagedMessage after) {
    return events.of(before, after, NOW).map(e -> e.type().wire());
  }
}
