package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLA timer state lives in the item's document, so a restart finds every timer where it was. */
class TaskTimesStorageTest {
  private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void should_keep_timer_state_across_a_restart_and_list_the_item_among_open_cards(
      @TempDir Path dir) {
    TaskTimes times =
        new TaskTimes(
            STARTED,
            STARTED.plusSeconds(600),
            null,
            new Progress(2, STARTED.plusSeconds(900)),
            new Progress(1, STARTED.plusSeconds(7200)));
    TriagedMessage card =
        MessageIndexTest.item(
                "C1",
                "support",
                "1772632654.000100",
                "ann",
                "portal down",
                "incident",
                Priority.P1,
                null)
            .withTask(new Task("U1", "C9", "1772632655.000100", STARTED.plusSeconds(900), times));
    TriagedMessage resolved =
        MessageIndexTest.item(
                "C1",
                "support",
                "1772632656.000100",
                "bob",
                "vpn down",
                "incident",
                Priority.P1,
                null)
            .withStatus(Status.RESOLVED)
            .withTask(new Task(null, "C9", "1772632657.000100"));
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(card);
      index.upsert(resolved);
      index.commit();
    }
    try (MessageIndex index = MessageIndex.open(dir)) {
      assertThat(index.find(card.key()))
          .get()
          .extracting(TriagedMessage::task)
          .isEqualTo(card.task());
      assertThat(index.items().openCards(10))
          .extracting(TriagedMessage::key)
          .containsExactly(card.key());
    }
  }

  @Test
  void should_load_an_item_stored_before_timers_existed_with_no_timer_started() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      TriagedMessage old =
          MessageIndexTest.item(
                  "C1",
                  "support",
                  "1772632654.000100",
                  "ann",
                  "portal down",
                  "incident",
                  Priority.P1,
                  null)
              .withTask(new Task("U1", "C9", "1772632655.000100"));
      index.upsert(old);
      assertThat(index.find(old.key()))
          .get()
          .extracting(t -> t.task().times())
          .isEqualTo(TaskTimes.NONE);
    }
  }
}
