package dev.sift.bot.storage;

import dev.sift.index.IndexGuard;
import dev.sift.index.MessageIndex;
import java.nio.file.Path;

/** The embedded index opened by a command that must not run beside {@code sift run}. */
public final class OfflineIndex {
  private OfflineIndex() {}

  /**
   * Opens the index in {@code dir}, or fails with what to do when a running Sift holds it.
   *
   * @param command the command's name, for the error ("purge", "reindex")
   */
  public static MessageIndex open(Path dir, String command) {
    try {
      return IndexGuard.open(dir, false).index();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "Sift is running on this data directory (the index's write lock at "
              + dir
              + " is held): stop `sift run` first, then "
              + command
              + "; it never writes under a running Sift",
          e);
    }
  }
}
