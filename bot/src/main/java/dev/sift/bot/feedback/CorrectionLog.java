package dev.sift.bot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.message.MessageKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections, one JSON object per line in the data directory, so they survive restarts and the
 * classifier relearns them at start. Appending a line is atomic enough for a file only Sift writes;
 * a torn last line (a crash mid-write) is skipped with a warning, never fatal.
 */
public final class CorrectionLog {
  private static final Logger log = LoggerFactory.getLogger(CorrectionLog.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path file;
  private final Map<String, Correction> latest = new LinkedHashMap<>();

  public CorrectionLog(Path file) {
    this.file = file;
    if (Files.isRegularFile(file)) {
      try {
        int line = 0;
        for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          line++;
          if (json.isBlank()) {
            continue;
          }
          try {
            Correction c = JSON.readValue(json, Correction.class);
            latest.put(c.messageId(), c);
          } catch (IOException e) {
            log.warn(
                "{} line {}: skipped an unreadable correction ({})", file, line, e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Records a correction; a later one for the same message replaces the earlier. */
  public synchronized void add(Correction c) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] line = (JSON.writeValueAsString(c) + "\n").getBytes(StandardCharsets.UTF_8);
      try (var out =
          java.nio.channels.FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        var buf = java.nio.ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(false); // durable before the verdict anywhere says "corrected"
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the correction to " + file, e);
    }
    latest.remove(c.messageId());
    latest.put(c.messageId(), c);
  }

  /**
   * What a rewrite did: corrections dropped (distinct messages) and lines changed in place.
   *
   * @param removed messages whose corrections were dropped
   * @param changed corrections rewritten (e.g. their author made anonymous)
   */
  public record Rewrite(int removed, int changed) {}

  /**
   * Passes every line of the log through {@code change} (null drops the line) and, when {@code
   * apply}, replaces the file with the result atomically (a new file, fsynced, moved over the old):
   * a purge's only way to take something out of an append-only log. Unreadable lines are kept.
   */
  public synchronized Rewrite rewrite(
      java.util.function.UnaryOperator<Correction> change, boolean apply) {
    if (!Files.isRegularFile(file)) {
      return new Rewrite(0, 0);
    }
    List<String> kept = new ArrayList<>();
    java.util.Set<String> removed = new java.util.HashSet<>();
    int changed = 0;
    try {
      for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Correction c;
        try {
          c = json.isBlank() ? null : JSON.readValue(json, Correction.class);
        } catch (IOException e) {
          kept.add(json);
          continue;
        }
        Correction after = c == null ? null : change.apply(c);
        if (c == null) {
          continue;
        }
        if (after == null) {
          removed.add(c.messageId());
        } else {
          changed += after.equals(c) ? 0 : 1;
          kept.add(JSON.writeValueAsString(after));
        }
      }
      if (apply && (!removed.isEmpty() || changed > 0)) {
        Path tmp = file.resolveSibling(file.getFileName() + ".rewrite");
        try (var out =
            java.nio.channels.FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
          var buf =
              java.nio.ByteBuffer.wrap(
                  (kept.isEmpty() ? "" : String.join("\n", kept) + "\n")
                      .getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          out.force(true);
        }
        Files.move(
            tmp,
            file,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        latest.clear();
        for (String json : kept) {
          try {
            Correction c = JSON.readValue(json, Correction.class);
            latest.remove(c.messageId());
            latest.put(c.messageId(), c);
          } catch (IOException unreadable) {
            // kept as it was, skipped as at start
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
    return new Rewrite(removed.size(), changed);
  }

  /**
   * Records a correction made elsewhere (another replica) unless the log has it already or has a
   * later one of the same message; true when it was recorded.
   */
  public synchronized boolean addIfNewer(Correction c) {
    Correction mine = latest.get(c.messageId());
    if (c.equals(mine)
        || (mine != null && mine.at() != null && c.at() != null && mine.at().isAfter(c.at()))) {
      return false;
    }
    add(c);
    return true;
  }

  /** A correction as one line of JSON, as the log and the store keep it. */
  public static String toJson(Correction c) {
    try {
      return JSON.writeValueAsString(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A correction read back from {@link #toJson}. */
  public static Correction fromJson(String json) throws IOException {
    return JSON.readValue(json, Correction.class);
  }

  /** Every message's latest correction, oldest first. */
  public synchronized List<Correction> all() {
    return new ArrayList<>(latest.values());
  }

  /** The corrections as labelled examples for the classifier. */
  public synchronized List<LabelledExample> examples() {
    return latest.values().stream()
        .filter(c -> !c.text().isBlank())
        .map(
            c ->
                new LabelledExample(
                    c.text(), c.category(), MessageKey.parse(c.messageId()).channelId()))
        .toList();
  }

  public synchronized int size() {
    return latest.size();
  }
}
