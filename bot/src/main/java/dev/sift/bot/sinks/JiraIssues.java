package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which Jira issue belongs to which item, in a file of the sink's folder ({@code
 * jira-issues.json}), with what the issue was last told of the item (so an update's comment can say
 * what changed) and the items whose issue may have been created by a request whose answer was lost.
 * Every change is written to a temporary file, forced to disk and moved over the old one, under a
 * file lock, so a crash leaves the old map or the new one and {@code sift sinks replay} beside a
 * running Sift adds to it rather than over it.
 */
final class JiraIssues {
  static final String FILE = "jira-issues.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An item's issue and the item as the issue last heard of it.
   *
   * @param key the issue's key, e.g. {@code OPS-12}
   * @param reporters how many people had reported the item
   */
  record Issue(String key, String priority, String status, String owner, int reporters) {}

  /** The file's content. */
  record Saved(Map<String, Issue> items, Set<String> trying) {
    Saved {
      items = items == null ? new LinkedHashMap<>() : new LinkedHashMap<>(items);
      trying = trying == null ? new LinkedHashSet<>() : new LinkedHashSet<>(trying);
    }
  }

  private final Path file;
  private Saved saved;

  JiraIssues(Path file) {
    this.file = file;
    this.saved = read();
  }

  static JiraIssues in(Path sinkFolder) {
    return new JiraIssues(sinkFolder.resolve(FILE));
  }

  /** The item's issue, or null; reads the file again when another writer changed it. */
  synchronized Issue get(String itemId) {
    Issue found = saved.items().get(itemId);
    if (found == null && changedOnDisk()) {
      saved = read();
      found = saved.items().get(itemId);
    }
    return found;
  }

  /** The item whose issue this is; reads the file again when another writer changed it. */
  synchronized Optional<String> itemOf(String key) {
    Optional<String> found = find(key);
    if (found.isEmpty() && changedOnDisk()) {
      saved = read();
      found = find(key);
    }
    return found;
  }

  /** Whether a request to create this item's issue was sent before and its answer not recorded. */
  synchronized boolean tried(String itemId) {
    return saved.trying().contains(itemId);
  }

  /** Recorded before the create request is sent: a lost answer is looked for before a retry. */
  void trying(String itemId) {
    change(s -> s.trying().add(itemId));
  }

  void put(String itemId, Issue issue) {
    change(
        s -> {
          s.items().put(itemId, issue);
          s.trying().remove(itemId);
        });
  }

  private Optional<String> find(String key) {
    return saved.items().entrySet().stream()
        .filter(e -> e.getValue().key().equals(key))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private synchronized void change(Consumer<Saved> how) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel lockFile =
              FileChannel.open(
                  file.resolveSibling(FILE + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        Saved latest = read();
        how.accept(latest);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel out =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
          out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(latest)));
          out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        saved = latest;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether another writer may have added to the file. Its modification time cannot say: two saves
   * within one tick of the file system's clock leave the same time (CI saw a second instance's
   * issue go unseen that way), so a miss reads the file again. Misses are rare, an item's first
   * event, and the file is small.
   */
  private boolean changedOnDisk() {
    return Files.exists(file);
  }

  private Saved read() {
    try {
      if (!Files.exists(file)) {
        return new Saved(null, null);
      }
      return JSON.readValue(file.toFile(), Saved.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " (which Jira issue belongs to which item): " + e.getMessage(),
          e);
    }
  }
}
