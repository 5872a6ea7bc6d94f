package dev.sift.bot.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which channels are private, as the export or Slack told us: private messages are not sent to an
 * LLM unless the config allows it. A channel never seen counts as private, the safe side. Kept in
 * the data directory so a later {@code sift digest} knows what the replay learnt.
 */
public final class PrivateChannels implements Predicate<String> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ConcurrentHashMap<String, Boolean> known = new ConcurrentHashMap<>();

  /**
   * @param file where to keep what is learnt, or null to keep it in memory only
   */
  public PrivateChannels(Path file) {
    this.file = file;
    if (file != null && Files.isRegularFile(file)) {
      try {
        known.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Boolean>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  public void learn(String channelId, boolean isPrivate) {
    Boolean before = known.put(channelId, isPrivate);
    if (before == null || before != isPrivate) {
      save();
    }
  }

  /** Whether the channel is private, if anything said so; empty for a channel never seen. */
  public java.util.Optional<Boolean> known(String channelId) {
    return java.util.Optional.ofNullable(known.get(channelId));
  }

  @Override
  public boolean test(String channelId) {
    return known.getOrDefault(channelId, true);
  }

  private synchronized void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), new TreeMap<>(known));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
    }
  }
}
