package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink's dead letters ({@code dead-letters.jsonl} in its outbox folder): events it refused for
 * good, or that failed past {@code give_up_after}, each with why, kept until {@code sift sinks
 * replay} delivers them.
 */
final class SetAside {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event set aside. */
  record Letter(String id, String payload, String error, Instant at) {}

  private final Path file;

  SetAside(Path file) {
    this.file = file;
  }

  /** Appends, fsynced: once this returns, the event is safe here. */
  synchronized void add(Letter letter) {
    ObjectNode line = JSON.createObjectNode();
    line.put("id", letter.id());
    line.put("at", letter.at().toString());
    line.put("error", letter.error());
    line.put("payload", letter.payload());
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dead letter to " + file, e);
    }
  }

  synchronized List<Letter> all() {
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

  /** Keeps only these (those a replay could not deliver), replacing the file atomically. */
  synchronized void keepOnly(List<Letter> left) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      SetAside rewritten = new SetAside(tmp);
      left.forEach(rewritten::add);
      if (left.isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }
}
