package dev.sift.bot.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.index.MessageStore;
import dev.sift.triage.item.TriagedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Copies every message of one store into another (the embedded index into SolrCloud, or back), a
 * page at a time in id order. Progress is saved beside the data after each commit of the target,
 * never ahead of it, so a copy that is stopped or crashes goes on from there when run again; a
 * message copied twice is the same message, replaced. The source is only read.
 */
public final class Reindex {
  /** Messages read and written at once. */
  static final int PAGE = 1000;

  /** Messages between the target's commits, and so between saves of the progress. */
  static final int COMMIT_EVERY = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Told how far the copy is, after each page. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param copied messages copied so far, earlier runs included
     * @param total messages in the source
     */
    void copied(long copied, long total);
  }

  /**
   * What a copy did.
   *
   * @param copied messages copied, earlier runs included
   * @param resumedFrom messages an earlier, interrupted run had copied (0: a fresh start)
   * @param sourceSize messages in the source
   * @param targetSize messages in the target afterwards
   * @param checkpoints channel checkpoints carried over
   */
  public record Result(
      long copied, long resumedFrom, int sourceSize, int targetSize, int checkpoints) {}

  private final MessageStore source;
  private final MessageStore target;
  private final Path progressFile;
  private final int page;
  private final int commitEvery;

  /**
   * @param progressFile where progress is kept between runs; removed when the copy is complete
   */
  public Reindex(MessageStore source, MessageStore target, Path progressFile) {
    this(source, target, progressFile, PAGE, COMMIT_EVERY);
  }

  Reindex(MessageStore source, MessageStore target, Path progressFile, int page, int commitEvery) {
    this.source = source;
    this.target = target;
    this.progressFile = progressFile;
    this.page = page;
    this.commitEvery = commitEvery;
  }

  public Result run(Progress progress) {
    Saved saved = load();
    long copied = saved.copied();
    String after = saved.after();
    int total = source.size();
    int sinceCommit = 0;
    for (List<TriagedMessage> read = source.page(after, page);
        !read.isEmpty();
        read = source.page(after, page)) {
      read.forEach(target::upsert);
      after = read.get(read.size() - 1).key().id();
      copied += read.size();
      sinceCommit += read.size();
      if (sinceCommit >= commitEvery) {
        target.commit();
        save(new Saved(after, copied));
        sinceCommit = 0;
      }
      progress.copied(copied, total);
    }
    // The checkpoints say up to where each channel is stored: true of the target only now.
    Map<String, String> checkpoints = source.checkpoints();
    checkpoints.forEach(target::setCheckpoint);
    target.commit();
    int targetSize = target.size();
    try {
      Files.deleteIfExists(progressFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + progressFile, e);
    }
    return new Result(copied, saved.copied(), total, targetSize, checkpoints.size());
  }

  private record Saved(String after, long copied) {}

  private Saved load() {
    if (!Files.exists(progressFile)) {
      return new Saved(null, 0);
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(progressFile, StandardCharsets.UTF_8));
      if (!n.hasNonNull("after") || !n.has("copied")) {
        throw new IllegalStateException(
            progressFile + " is not a reindex progress file; remove it to start the copy afresh");
      }
      return new Saved(n.get("after").asText(), n.get("copied").asLong());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read "
              + progressFile
              + " ("
              + e.getMessage()
              + "); remove it to start the copy afresh",
          e);
    }
  }

  private void save(Saved s) {
    Path tmp = progressFile.resolveSibling(progressFile.getFileName() + ".tmp");
    try {
      Files.createDirectories(progressFile.toAbsolutePath().getParent());
      Files.writeString(
          tmp,
          JSON.createObjectNode().put("after", s.after()).put("copied", s.copied()).toString(),
          StandardCharsets.UTF_8);
      Files.move(
          tmp, progressFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the copy's progress in " + progressFile, e);
    }
  }
}
