package dev.sift.index;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Opens the index and makes sure it can be trusted. After an unclean stop the index is checked
 * (every file's checksum) before it is opened; an index whose files are damaged (a failed checksum,
 * a missing or cut-short file) is moved aside, never deleted, and a fresh one is opened in its
 * place, with the problem reported so the caller can rebuild it and say so loudly. An index the
 * machine will not let Sift read (permissions, a full disk) is left alone: a clear error, no
 * rebuild. It is never silently replaced by an empty one. (A stale write lock after {@code kill -9}
 * needs nothing: Lucene's native locks die with their process, and a commit cut short leaves the
 * previous commit in force.)
 */
public final class IndexGuard {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * The opened index and, when it had to be replaced, why and where the old one went.
   *
   * @param problem what was wrong with the index, or null when it was fine
   * @param movedTo where the untrusted index was moved, or null
   */
  public record Opened(MessageIndex index, String problem, Path movedTo) {
    public boolean rebuilt() {
      return problem != null;
    }
  }

  private IndexGuard() {}

  /**
   * Opens the index in {@code dir}.
   *
   * @param verify check every file's checksum first (after an unclean stop)
   * @throws IllegalStateException when another process holds the index (nothing is moved)
   */
  public static Opened open(Path dir, boolean verify) {
    String problem = verify ? check(dir) : null;
    if (problem == null) {
      try {
        return new Opened(MessageIndex.open(dir), null, null);
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof LockObtainFailedException) {
          throw new IllegalStateException(
              "another Sift process is using the index at "
                  + dir
                  + " (its write lock is held): stop it, or give this one its own --data dir",
              e);
        }
        if (!corrupt(e)) {
          throw environment(dir, e);
        }
        problem = "it cannot be opened: " + rootMessage(e);
      }
    }
    Path aside = dir.resolveSibling(dir.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
    try {
      Files.move(dir, aside);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the index at " + dir + " is corrupt (" + problem + ") and cannot be moved aside", e);
    }
    return new Opened(MessageIndex.open(dir), problem, aside);
  }

  /**
   * Null when the index's files are whole (or there is none yet), else what is wrong; {@code sift
   * doctor} asks too.
   *
   * @throws IllegalStateException when another process holds the index's write lock
   */
  public static String check(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return null;
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex checker = new CheckIndex(d)) {
        checker.setChecksumsOnly(true);
        checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        CheckIndex.Status status = checker.checkIndex();
        if (status.clean) {
          return null;
        }
        return "the checksum check failed"
            + (status.missingSegments ? " (segments are missing)" : "")
            + ": "
            + lastLines(log.toString(StandardCharsets.UTF_8));
      }
    } catch (LockObtainFailedException e) {
      throw new IllegalStateException(
          "another Sift process is using the index at " + dir + " (its write lock is held)", e);
    } catch (IOException | RuntimeException e) {
      if (!corrupt(e)) {
        throw environment(dir, e);
      }
      return "the check failed: " + rootMessage(e);
    }
  }

  /**
   * Whether an error says the index's files are damaged (then it is moved aside and rebuilt), as
   * opposed to the machine refusing access to them (permissions, a full or read-only disk), which
   * moving the index would not mend and a rebuild would make worse.
   */
  static boolean corrupt(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CorruptIndexException
          || t instanceof IndexFormatTooOldException
          || t instanceof IndexFormatTooNewException
          || t instanceof EOFException
          || t instanceof NoSuchFileException
          || t instanceof FileNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException environment(Path dir, Throwable e) {
    return new IllegalStateException(
        "cannot read the index at "
            + dir
            + " ("
            + rootMessage(e)
            + "); its files look whole, so it is left as it is: check the data dir's permissions"
            + " and free space",
        e);
  }

  private static String lastLines(String log) {
    String[] lines = log.strip().split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
      out.append(lines[i].strip()).append(i + 1 < lines.length ? " / " : "");
    }
    return out.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
