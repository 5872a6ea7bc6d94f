package dev.sift.bot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.MessageIndex;
import dev.sift.index.SharedNotes;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections shared through the store's notes when it cannot always be written or read: a
 * correction is never dropped, a later one wins, and a damaged note is skipped.
 */
class SharedCorrectionsTest {
  private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

  /** The store's notes, failing while {@code down}. */
  private static final class Flaky implements SharedNotes {
    private final SharedNotes notes;
    boolean down;

    Flaky(SharedNotes notes) {
      this.notes = notes;
    }

    @Override
    public void put(Note note) {
      check();
      notes.put(note);
    }

    @Override
    public List<Note> since(String kind, Instant since) {
      check();
      return notes.since(kind, since);
    }

    @Override
    public void remove(String kind, String id) {
      check();
      notes.remove(kind, id);
    }

    private void check() {
      if (down) {
        throw new IllegalStateException("cannot reach Solr at http://127.0.0.1:8983/solr");
      }
    }
  }

  @Test
  void a_correction_made_while_the_store_is_down_is_shared_once_it_is_back(@TempDir Path dir)
      throws Exception {
    try (MessageIndex index = MessageIndex.open(dir.resolve("index"))) {
      Flaky store = new Flaky(index.notes());
      CorrectionLog mine = new CorrectionLog(dir.resolve("a.jsonl"));
      CorrectionLog theirs = new CorrectionLog(dir.resolve("b.jsonl"));
      SharedCorrections onA = new SharedCorrections(store, mine, () -> {});
      SharedCorrections onB = new SharedCorrections(index.notes(), theirs, () -> {});

      store.down = true;
      Correction c = correction("T1/C1/1.0", "question", T0);
      mine.add(c);
      onA.publish(c); // must not throw: the desk has already stored the verdict
      assertThat(onA.pull()).isZero();
      assertThat(onB.pull()).as("not shared yet").isZero();

      store.down = false;
      onA.pull();
      assertThat(onB.pull()).isEqualTo(1);
      assertThat(theirs.all()).containsExactly(c);
    }
  }

  @Test
  void the_latest_correction_of_a_message_wins_and_a_damaged_note_is_skipped(@TempDir Path dir)
      throws Exception {
    try (MessageIndex index = MessageIndex.open(dir.resolve("index"))) {
      CorrectionLog log = new CorrectionLog(dir.resolve("b.jsonl"));
      int[] relearnt = {0};
      SharedCorrections onB = new SharedCorrections(index.notes(), log, () -> relearnt[0]++);
      Correction newer = correction("T1/C1/1.0", "bug", T0.plusSeconds(60));
      log.add(newer); // corrected here a minute after another replica's correction
      index
          .notes()
          .put(
              new SharedNotes.Note(
                  "correction",
                  "T1/C1/1.0",
                  CorrectionLog.toJson(correction("T1/C1/1.0", "question", T0)),
                  T0));
      index.notes().put(new SharedNotes.Note("correction", "T1/C1/2.0", "{not json", T0));

      assertThat(onB.pull()).isZero();
      assertThat(log.all()).containsExactly(newer);
      assertThat(relearnt[0]).as("nothing new: no relearning").isZero();
    }
  }

  private static Correction correction(String id, String category, Instant at) {
    return new Correction(
        id, "Can we get SSO for the portal?", category, Priority.P3, "", "U0ANN", at);
  }
}
