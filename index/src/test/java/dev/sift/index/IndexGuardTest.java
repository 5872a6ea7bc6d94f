package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexGuardTest {
  @TempDir Path data;

  private final TriagedMessage message =
      MessageIndexTest.item(
          "C1",
          "ops",
          "1772632654.000100",
          "ann",
          "the VPN is down",
          "incident",
          Priority.P1,
          new float[] {1, 0});

  @Test
  void should_open_a_sound_index_as_it_is_after_an_unclean_stop() {
    Path dir = data.resolve("index");
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(message);
    }
    IndexGuard.Opened opened = IndexGuard.open(dir, true);
    try (MessageIndex index = opened.index()) {
      assertThat(opened.rebuilt()).isFalse();
      assertThat(index.find(message.key())).isPresent();
    }
  }

  @Test
  void should_move_a_corrupt_index_aside_and_say_why_instead_of_starting_silently_empty()
      throws IOException {
    Path dir = data.resolve("index");
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(message);
    }
    flipAByteInTheLargestFile(dir);

    IndexGuard.Opened opened = IndexGuard.open(dir, true);
    try (MessageIndex index = opened.index()) {
      assertThat(opened.rebuilt()).isTrue();
      assertThat(opened.problem()).isNotBlank();
      assertThat(opened.movedTo()).exists().isDirectory();
      assertThat(opened.movedTo().getFileName().toString()).startsWith("index.corrupt-");
      assertThat(index.find(message.key())).isEmpty(); // a fresh index, to be rebuilt
    }
  }

  @Test
  void should_refuse_an_index_another_process_holds_and_move_nothing() {
    Path dir = data.resolve("index");
    try (MessageIndex running = MessageIndex.open(dir)) {
      running.upsert(message);
      running.commit();
      assertThatThrownBy(() -> IndexGuard.open(dir, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another Sift process");
      assertThat(dir).exists();
      assertThat(data.toFile().list()).containsExactly("index");
    }
  }

  @Test
  void should_leave_an_index_it_cannot_reach_where_it_is_and_say_why() throws IOException {
    Path dir = data.resolve("index");
    Files.writeString(dir, "not a directory"); // as a wrong mount or a mistyped data dir leaves it
    assertThatThrownBy(() -> IndexGuard.open(dir, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left as it is");
    assertThat(Files.readString(dir)).isEqualTo("not a directory");
    assertThat(data.toFile().list()).containsExactly("index");
  }

  @Test
  void should_tell_damaged_files_from_a_machine_that_refuses_access() {
    assertThat(IndexGuard.corrupt(new CorruptIndexException("checksum failed", "_0.cfs"))).isTrue();
    assertThat(IndexGuard.corrupt(new UncheckedIOException(new NoSuchFileException("_3.si"))))
        .isTrue();
    assertThat(IndexGuard.corrupt(new UncheckedIOException(new AccessDeniedException("index"))))
        .isFalse();
    assertThat(IndexGuard.corrupt(new IOException("No space left on device"))).isFalse();
  }

  private static void flipAByteInTheLargestFile(Path dir) throws IOException {
    Path victim;
    try (Stream<Path> files = Files.list(dir)) {
      victim =
          files
              .filter(p -> !p.getFileName().toString().equals("write.lock"))
              .max(Comparator.comparingLong(IndexGuardTest::size))
              .orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xFF);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
