package dev.sift.bot.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Takes lines out of a JSON-lines file Sift keeps (failed events), atomically. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /**
   * Drops the lines {@code drop} matches; returns how many. With {@code apply} the file is replaced
   * by a new one, fsynced and moved over it; otherwise nothing changes. Unreadable lines are kept.
   */
  static int drop(Path file, Predicate<JsonNode> drop, boolean apply) {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    try {
      List<String> kept = new ArrayList<>();
      int dropped = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode j;
        try {
          j = line.isBlank() ? null : JSON.readTree(line);
        } catch (IOException e) {
          j = null;
        }
        if (j != null && drop.test(j)) {
          dropped++;
        } else if (!line.isBlank()) {
          kept.add(line);
        }
      }
      if (apply && dropped > 0) {
        Path tmp = file.resolveSibling(file.getFileName() + ".rewrite");
        try (FileChannel out =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buf =
              ByteBuffer.wrap(
                  (kept.isEmpty() ? "" : String.join("\n", kept) + "\n")
                      .getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return dropped;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }
}
