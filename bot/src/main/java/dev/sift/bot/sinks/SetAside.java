package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A sink's dead letters ({@code dead-letters.jsonl} in its folder): events it refused for good, or
 * that failed past {@code give_up_after}, each with why, kept until {@code sift sinks replay}
 * delivers them. {@code sift run} appends while {@code sift sinks replay} may rewrite, so every
 * access holds a file lock ({@code dead-letters.jsonl.lock}) besides a lock in this JVM.
 */
final class SetAside {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** FileLock is per process: threads of one JVM queue on this first. */
  private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  /** One event set aside. */
  record Letter(String id, String payload, String error, Instant at) {}

  private final Path file;

  SetAside(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** Appends, fsynced: once this returns, the event is safe here. */
  void add(Letter letter) {
    locked(
        () -> {
          append(file, List.of(letter));
          return null;
        });
  }

  /** How many events wait here, for the dead-letter gauge. */
  int count() {
    return locked(() -> read().size());
  }

  List<Letter> all() {
    return locked(this::read);
  }

  /**
   * Offers every letter to {@code deliver} in the order they were set aside and keeps only those it
   * did not take, replacing the file atomically; returns how many it took. Letters added meanwhile
   * wait for the lock, so none is lost.
   */
  int replay(Predicate<Letter> deliver) {
    return locked(
        () -> {
          List<Letter> left = new ArrayList<>();
          int sent = 0;
          for (Letter l : read()) {
            if (deliver.test(l)) {
              sent++;
            } else {
              left.add(l);
            }
          }
          rewrite(left);
          return sent;
        });
  }

  private <T> T locked(Supplier<T> work) {
    ReentrantLock here = IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    here.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel lockFile =
              FileChannel.open(
                  file.resolveSibling(file.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        return work.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    } finally {
      here.unlock();
    }
  }

  private List<Letter> read() {
    List<Letter> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        out.add(
            new Letter(
                n.path("id").asText(),
                n.path("payload").asText(),
                n.path("error").asText(),
                Instant.parse(n.path("at").asText())));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(file + " is not a dead-letter file: " + e.getMessage(), e);
    }
    return out;
  }

  private void rewrite(List<Letter> left) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      if (left.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      append(tmp, left);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }

  private static void append(Path to, List<Letter> letters) {
    StringBuilder lines = new StringBuilder();
    for (Letter letter : letters) {
      ObjectNode line = JSON.createObjectNode();
      line.put("id", letter.id());
      line.put("at", letter.at().toString());
      line.put("error", letter.error());
      line.put("payload", letter.payload());
      lines.append(line).append('\n');
    }
    try (FileChannel ch =
        FileChannel.open(
            to, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead letters to " + to, e);
    }
  }
}
