package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MessageIndexTest {
  @Test
  void should_replace_a_message_stored_twice_and_forget_a_deleted_one() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      TriagedMessage m =
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down",
              "incident",
              Priority.P1,
              v(1, 0));
      index.upsert(m);
      index.upsert(m);
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.find(m.key()))
          .get()
          .extracting(t -> t.verdict().priority())
          .isEqualTo(Priority.P1);

      index.delete(m.key());

      assertThat(index.find(m.key())).isEmpty();
      assertThat(index.size()).isZero();
    }
  }

  @Test
  void should_keep_documents_and_checkpoints_across_a_restart(@TempDir Path dir) {
    TriagedMessage m =
        item(
            "C1",
            "support",
            "1772632654.000100",
            "ann",
            "portal is down",
            "incident",
            Priority.P1,
            v(1, 0));
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(m);
      index.checkpoint("C1", m.message().ts());
    }
    try (MessageIndex reopened = MessageIndex.open(dir)) {
      assertThat(reopened.find(m.key())).get().satisfies(t -> assertThat(t.vector()).hasSize(2));
      assertThat(reopened.checkpoint("C1")).contains("1772632654.000100");
    }
  }

  @Test
  void should_find_open_items_by_meaning_before_and_after_a_refresh() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down",
              "incident",
              Priority.P1,
              v(1, 0)));
      Instant from = Instant.ofEpochSecond(1772632000L);
      Instant to = Instant.ofEpochSecond(1772633000L);

      assertThat(index.similarOpenItems(v(1, 0.1f), from, to, 3)).hasSize(1);
      index.refresh();
      assertThat(index.similarOpenItems(v(1, 0.1f), from, to, 3))
          .singleElement()
          .satisfies(s -> assertThat(s.similarity()).isGreaterThan(0.99));
    }
  }

  public static TriagedMessage item(
      String channelId,
      String channel,
      String ts,
      String user,
      String text,
      String category,
      Priority p,
      float[] vector) {
    Message m =
        new Message(
            "T1",
            channelId,
            channel,
            ts,
            null,
            "U-" + user,
            user,
            text,
            null,
            false,
            false,
            List.of(),
            List.of());
    return TriagedMessage.newItem(
        m, new Verdict(category, p, 0.9, 0.5, List.of(category), Verdict.EMBEDDED), vector);
  }

  public static float[] v(float... xs) {
    return Vectors.normalize(xs);
  }
}
