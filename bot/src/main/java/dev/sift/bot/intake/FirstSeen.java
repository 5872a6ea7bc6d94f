package dev.sift.bot.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When Sift first saw each channel it monitors, kept in {@code first-seen.json}: a catch-up reads a
 * channel that has no checkpoint yet from there, so what was said while Sift was down before its
 * first commit is not lost, and a channel Sift has just joined is not flooded with its old history
 * (that is {@code sift backfill}'s job).
 */
final class FirstSeen {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, String> seen;

  FirstSeen(Path file) {
    this.file = file;
    try {
      this.seen =
          Files.exists(file)
              ? new TreeMap<>(
                  JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}))
              : new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** When the channel was first seen; records {@code now} the first time it is asked. */
  synchronized Optional<Instant> firstSeen(String channelId, Instant now) {
    String known = seen.get(channelId);
    if (known != null) {
      return Optional.of(Instant.parse(known));
    }
    seen.put(channelId, now.toString());
    save();
    return Optional.empty();
  }

  /** When the channel was first seen, if it was; records nothing. */
  synchronized Optional<Instant> known(String channelId) {
    return Optional.ofNullable(seen.get(channelId)).map(Instant::parse);
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), seen);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
    }
  }
}
