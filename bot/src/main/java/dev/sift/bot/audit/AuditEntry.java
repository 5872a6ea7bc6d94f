package dev.sift.bot.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of the audit log as read back.
 *
 * @param json the line as written, for {@code --json}
 */
public record AuditEntry(
    Instant time, String actor, String action, String target, JsonNode details, String json) {
  private static final Logger log = LoggerFactory.getLogger(AuditEntry.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The entries of a log file that {@code keep} accepts, oldest first; none when no file. */
  public static List<AuditEntry> read(Path file, Predicate<AuditEntry> keep) {
    List<AuditEntry> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      int[] n = {0};
      lines.forEach(
          line -> {
            n[0]++;
            if (line.isBlank()) {
              return;
            }
            try {
              JsonNode j = JSON.readTree(line);
              AuditEntry e =
                  new AuditEntry(
                      Instant.parse(j.path("time").asText()),
                      j.path("actor").asText(),
                      j.path("action").asText(),
                      j.path("target").asText(null),
                      j.path("details"),
                      line);
              if (keep.test(e)) {
                out.add(e);
              }
            } catch (IOException | RuntimeException e) {
              // A line torn by a crash mid-write: skipped, the rest still reads.
              log.warn("{} line {}: skipped an unreadable entry ({})", file, n[0], e.getMessage());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
