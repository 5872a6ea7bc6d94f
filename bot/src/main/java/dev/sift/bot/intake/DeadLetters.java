package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events whose triage failed every attempt, kept (one JSON line each, fsynced) before their journal
 * entry is let go, so giving up never loses a message silently: the operator can read which and
 * why, and each start tries them once more (after an upgrade that fixed the cause, they go through;
 * if not, they come back here).
 */
public final class DeadLetters {
  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public DeadLetters(Path file) {
    this.file = file;
  }

  /** Keeps an event given up, with the error; false when even that failed (logged). */
  public synchronized boolean keep(SlackEvent e, Throwable error) {
    ObjectNode line = JSON.createObjectNode();
    line.put("at", Instant.now().toString());
    line.put("channel", e.channelId());
    line.put("ts", e.ts());
    line.put("kind", e.kind().name().toLowerCase());
    line.put("event_id", e.eventId());
    line.put("error", String.valueOf(error));
    line.set("message", e.message());
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel out =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(false);
      }
      return true;
    } catch (IOException ex) {
      log.error("cannot keep a failed event in {}: {}", file, ex.toString());
      return false;
    }
  }

  /** Takes every kept event out of the file, to be tried again; unreadable lines stay behind. */
  public synchronized List<SlackEvent> takeAll() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<SlackEvent> out = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = JSON.readTree(line);
          out.add(
              new SlackEvent(
                  SlackEvent.Kind.valueOf(n.path("kind").asText().toUpperCase()),
                  null,
                  n.path("channel").asText(),
                  null,
                  n.path("ts").asText(),
                  n.path("message").isMissingNode() || n.path("message").isNull()
                      ? null
                      : n.path("message"),
                  null));
        } catch (IOException | IllegalArgumentException ex) {
          unreadable.add(line);
        }
      }
      Path rest = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(rest, unreadable, StandardCharsets.UTF_8);
      Files.move(rest, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ex) {
      log.error("cannot read the failed events in {}: {}", file, ex.toString());
      return List.of();
    }
    return out;
  }

  public Path file() {
    return file;
  }
}
