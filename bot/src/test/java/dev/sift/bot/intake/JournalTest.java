package dev.sift.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  @Test
  void should_give_back_what_was_not_committed_after_a_restart_in_order() {
    try (Journal j = Journal.open(dir)) {
      long a = j.append("{\"n\":1}").join();
      long b = j.append("{\"n\":2}").join();
      j.append("{\"n\":3}").join();
      j.processed(a);
      long mark = j.lowWater();
      j.committed(mark);
      assertThat(mark).isEqualTo(b);
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.unfinished())
          .extracting(Journal.Entry::payload)
          .containsExactly("{\"n\":2}", "{\"n\":3}");
      long next = j.append("{\"n\":4}").join();
      assertThat(next).isGreaterThan(j.unfinished().get(1).seq());
    }
  }

  @Test
  void should_trim_everything_once_all_is_processed_and_committed() {
    try (Journal j = Journal.open(dir)) {
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        seqs.add(j.append("{\"n\":" + i + "}").join());
      }
      seqs.forEach(j::processed);
      assertThat(j.inFlight()).isZero();
      j.committed(j.lowWater());
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.unfinished()).isEmpty();
    }
  }

  @Test
  void should_group_a_burst_of_appends_into_few_fsyncs_and_ack_each_once_durable() {
    try (Journal j = Journal.open(dir)) {
      List<CompletableFuture<Long>> acks = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        acks.add(j.append("{\"event\":" + i + "}"));
      }
      List<Long> seqs = acks.stream().map(CompletableFuture::join).toList();
      assertThat(seqs).doesNotHaveDuplicates().isSorted();
      assertThat(j.inFlight()).isEqualTo(1000);
    }
  }

  @Test
  void should_cut_off_a_record_torn_by_a_crash_and_keep_the_ones_before_it() throws IOException {
    try (Journal j = Journal.open(dir)) {
      j.append("{\"whole\":true}").join();
      j.append("{\"torn\":true}").join();
    }
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment =
          files
              .filter(p -> p.toString().endsWith(".log") && sizeOf(p) > 0)
              .findFirst()
              .orElseThrow();
    }
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 3); // the crash hit in the middle of the second record
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.unfinished())
          .extracting(Journal.Entry::payload)
          .containsExactly("{\"whole\":true}");
      j.append("{\"after\":true}").join();
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.unfinished())
          .extracting(Journal.Entry::payload)
          .containsExactly("{\"whole\":true}", "{\"after\":true}");
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_keep_the_records_acked_after_a_write_that_failed_half_way() {
    try (Journal j = Journal.open(dir, new FailingDisk(2))) {
      j.append("{\"n\":1}").join();
      CompletableFuture<Long> failed = j.append("{\"n\":2}");
      assertThat(failed).failsWithin(java.time.Duration.ofSeconds(5));
      j.append("{\"n\":3}").join(); // acked: it must survive a restart
    }
    try (Journal again = Journal.open(dir)) {
      assertThat(again.unfinished())
          .extracting(Journal.Entry::payload)
          .as("the half-written record is gone, the one acked after it is not")
          .containsExactly("{\"n\":1}", "{\"n\":3}");
    }
  }
}
