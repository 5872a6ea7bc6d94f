package dev.sift.bot.lifecycle;

import dev.sift.bot.intake.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The intake journal holds raw events (message text included) until its segment is trimmed. After a
 * clean stop every entry in it is done, so a purge removes its segments whole (the journal starts
 * again from its saved mark); after an unclean stop its unfinished entries would bring purged
 * messages back on replay, so the purge refuses until Sift has caught up once.
 */
final class JournalTraces {
  private JournalTraces() {}

  /** Checks the journal can be cleared; returns how many segment files hold done events. */
  static int check(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int unfinished;
    try (Journal journal = Journal.open(dir)) {
      unfinished = journal.unfinished().size();
    }
    if (unfinished > 0) {
      throw new IllegalArgumentException(
          "the intake journal holds "
              + unfinished
              + " events Sift took in but had not triaged when it stopped; they would bring"
              + " purged messages back: start `sift run` until it has caught up, stop it, then"
              + " purge");
    }
    return (int) segments(dir).stream().filter(JournalTraces::nonEmpty).count();
  }

  /** Removes the journal's segments (every entry in them is done). */
  static void clear(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path p : segments(dir)) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
      }
    }
  }

  private static List<Path> segments(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean nonEmpty(Path p) {
    try {
      return Files.size(p) > 0;
    } catch (IOException e) {
      return true;
    }
  }
}
