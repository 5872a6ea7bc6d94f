package dev.sift.bot.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.triage.audit.Audit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The audit log: one JSON object a line ({@code time, actor, action, target, details}) appended to
 * {@code audit.jsonl} in the data directory, never rewritten. Lines are group-committed: whoever
 * writes takes every line queued so far and fsyncs once, so {@link #record} returns once its own
 * line is durable and a burst of LLM calls costs a few fsyncs, not one each.
 */
public final class AuditLog implements Audit, AutoCloseable {
  /** The file's name in the data directory. */
  public static final String FILE = "audit.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Clock clock;
  private final FileChannel out;
  private final ReentrantLock writing = new ReentrantLock();
  private List<byte[]> queued = new ArrayList<>();

  private AuditLog(Path file, Clock clock) throws IOException {
    this.file = file;
    this.clock = clock;
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Opens (or creates) the audit log of a data directory. */
  public static AuditLog open(Path dataDir, Clock clock) {
    Path file = dataDir.resolve(FILE);
    try {
      return new AuditLog(file, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file + ": " + e, e);
    }
  }

  @Override
  public void record(String actor, String action, String target, Map<String, ?> details) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("actor", actor == null ? SYSTEM : actor);
    line.put("action", action);
    if (target != null) {
      line.put("target", target);
    }
    line.set("details", JSON.valueToTree(details == null ? Map.of() : details));
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      queued.add(bytes);
    }
    flush();
  }

  /** Writes and fsyncs every queued line; a caller whose line an earlier flush took returns. */
  private void flush() {
    writing.lock();
    try {
      List<byte[]> batch;
      synchronized (this) {
        batch = queued;
        queued = new ArrayList<>();
      }
      if (batch.isEmpty()) {
        return;
      }
      for (byte[] line : batch) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
      }
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit log " + file + ": " + e, e);
    } finally {
      writing.unlock();
    }
  }

  @Override
  public void close() {
    flush();
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the audit log " + file, e);
    }
  }
}
