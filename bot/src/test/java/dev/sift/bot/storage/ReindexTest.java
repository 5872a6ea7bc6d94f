package dev.sift.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.index.MessageIndex;
import dev.sift.index.MessageIndexTest;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a store: everything arrives, and a copy stopped midway goes on where it stopped. */
class ReindexTest {
  @TempDir Path dir;

  @Test
  void a_copy_stopped_midway_goes_on_from_its_last_commit_and_ends_complete() throws Exception {
    try (MessageIndex source = MessageIndex.inMemory();
        MessageIndex target = MessageIndex.inMemory()) {
      for (int i = 0; i < 23; i++) {
        source.upsert(
            MessageIndexTest.item(
                "C" + (i % 3),
                "support",
                String.format("1772632%03d.000100", i),
                "ann",
                "message " + i,
                "incident",
                Priority.P2,
                new float[] {1, 0}));
      }
      source.checkpoint("C1", "1772632022.000100");
      source.commit();
      Path progress = dir.resolve("reindex.json");

      // Stopped (a crash, Ctrl-C) after 12 copied: the last commit, and so the progress, was at 10.
      assertThatThrownBy(
              () ->
                  new Reindex(source, target, progress, 4, 5)
                      .run(
                          (copied, total) -> {
                            if (copied >= 12) {
                              throw new IllegalStateException("stopped");
                            }
                          }))
          .hasMessage("stopped");
      assertThat(Files.readString(progress)).contains("\"copied\":8");

      Reindex.Result r = new Reindex(source, target, progress, 4, 5).run((copied, total) -> {});

      assertThat(r.resumedFrom()).isEqualTo(8);
      assertThat(r.copied()).isEqualTo(23);
      assertThat(r.sourceSize()).isEqualTo(23);
      assertThat(r.targetSize()).isEqualTo(23);
      assertThat(target.checkpoint("C1")).contains("1772632022.000100");
      assertThat(progress).doesNotExist();
    }
  }

  @Test
  void a_damaged_progress_file_is_named_with_what_to_do() throws Exception {
    Path progress = dir.resolve("reindex.json");
    Files.writeString(progress, "{not json");
    try (MessageIndex source = MessageIndex.inMemory();
        MessageIndex target = MessageIndex.inMemory()) {
      assertThatThrownBy(() -> new Reindex(source, target, progress).run((c, t) -> {}))
          .hasMessageContaining(progress.toString())
          .hasMessageContaining("remove it to start the copy afresh");
    }
  }
}
