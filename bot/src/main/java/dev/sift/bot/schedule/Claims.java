package dev.sift.bot.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.storage.Replica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable claims on occurrences of time-driven work (a digest slot, a reminder): an occurrence is
 * claimed, on disk and fsynced, before it is done, and marked done with what it produced (a post's
 * channel and ts) right after. After a crash between the two, the claim is there without its {@code
 * done}: the routine then checks Slack (the destination's history) instead of posting twice.
 *
 * <p>One JSON line per change in {@code claims.jsonl}; the file is compacted at open, keeping
 * claims younger than {@code keep}.
 */
public final class Claims implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Claims.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One occurrence's state.
   *
   * @param key what was claimed, e.g. {@code digest/daily/2026-12-02T09:00Z}
   * @param claimedAt when it was claimed
   * @param done whether it is finished
   * @param detail what finishing produced ({@code C123/1712345678.000100}), or null
   */
  public record Claim(String key, Instant claimedAt, boolean done, String detail) {}

  /**
   * How long another replica waits before taking over work whose claimant stopped answering: longer
   * than any digest takes to write and post.
   */
  static final Duration SHARED_LEASE = Duration.ofMinutes(10);

  private final Path file;
  private final Map<String, Claim> claims = new LinkedHashMap<>();
  private FileChannel out;
  private Replica shared;

  private Claims(Path file) {
    this.file = file;
  }

  /** Opens (or creates) the claims in {@code file}, dropping claims older than {@code keep}. */
  public static Claims open(Path file, Instant keepAfter) {
    Claims c = new Claims(file);
    c.load(keepAfter);
    return c;
  }

  /**
   * Makes every claim a claim among the replicas sharing a store as well: an occurrence another
   * replica holds is not this one's to do.
   */
  public synchronized void shareWith(Replica replica) {
    this.shared = replica;
  }

  /**
   * Claims an occurrence; true when this call claimed it, false when it was claimed before (done or
   * not: see {@link #get}). Shared with other replicas, false also when another replica holds it
   * ({@link #get} is then empty: ask again later) or did it ({@link #get} is done); and when this
   * replica takes over the claim of one that stopped mid-work, which {@link #get} shows as claimed
   * at that replica's time and not done, as after a crash here, so the caller checks Slack before
   * doing it again.
   */
  public synchronized boolean claim(String key, Instant at) {
    if (claims.containsKey(key)) {
      return false;
    }
    if (shared != null) {
      Optional<dev.sift.index.Claims.Held> before = shared.held(key);
      if (before.isPresent() && before.get().done()) {
        record(new Claim(key, before.get().at(), true, "done by replica " + before.get().owner()));
        return false;
      }
      if (!shared.take(key, SHARED_LEASE)) {
        return false;
      }
      if (before.isPresent() && !before.get().owner().equals(shared.id())) {
        log.warn(
            "{}: replica {} stopped while doing it; taking it over", key, before.get().owner());
        record(new Claim(key, before.get().at(), false, null));
        return false;
      }
    }
    record(new Claim(key, at, false, null));
    return true;
  }

  private void record(Claim c) {
    append(c);
    claims.put(c.key(), c);
  }

  /** Marks a claimed occurrence done, with what it produced. */
  public synchronized void done(String key, String detail) {
    Claim before = claims.get(key);
    record(new Claim(key, before == null ? Instant.EPOCH : before.claimedAt(), true, detail));
    if (shared != null) {
      shared.finished(key);
    }
  }

  /** Takes a claim back (the work failed before it did anything), so a later tick retries it. */
  public synchronized void release(String key) {
    if (claims.remove(key) != null) {
      ObjectNode n = JSON.createObjectNode().put("key", key).put("released", true);
      write(n);
    }
    if (shared != null) {
      shared.giveBack(key);
    }
  }

  public synchronized Optional<Claim> get(String key) {
    return Optional.ofNullable(claims.get(key));
  }

  /** The claim made last among those whose key starts with {@code prefix}, done or not. */
  public synchronized Optional<Claim> latest(String prefix) {
    Claim found = null;
    for (Claim c : claims.values()) {
      if (c.key().startsWith(prefix)
          && (found == null || !c.claimedAt().isBefore(found.claimedAt()))) {
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Claims whose key starts with {@code prefix} and that are not done: interrupted work. */
  public synchronized List<Claim> unfinished(String prefix) {
    List<Claim> found = new ArrayList<>();
    for (Claim c : claims.values()) {
      if (!c.done() && c.key().startsWith(prefix)) {
        found.add(c);
      }
    }
    return found;
  }

  @Override
  public synchronized void close() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      log.warn("closing {}: {}", file, e.toString());
    }
  }

  private void append(Claim c) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("key", c.key())
            .put("claimed_at", c.claimedAt().toString())
            .put("done", c.done());
    if (c.detail() != null) {
      n.put("detail", c.detail());
    }
    write(n);
  }

  private void write(ObjectNode n) {
    byte[] line = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(ByteBuffer.wrap(line));
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record a claim in " + file + ": " + e.getMessage(), e);
    }
  }

  private void load(Instant keepAfter) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode n;
          try {
            n = JSON.readTree(line);
          } catch (IOException e) {
            // A line torn by a crash mid-write is the last one; anything it claimed was not done.
            log.warn("{} line {} is unreadable and skipped: {}", file, lineNo, e.getMessage());
            continue;
          }
          String key = n.path("key").asText();
          if (n.path("released").asBoolean(false)) {
            claims.remove(key);
          } else {
            claims.put(
                key,
                new Claim(
                    key,
                    Instant.parse(n.path("claimed_at").asText()),
                    n.path("done").asBoolean(false),
                    n.hasNonNull("detail") ? n.get("detail").asText() : null));
          }
        }
      }
      claims.values().removeIf(c -> c.claimedAt().isBefore(keepAfter));
      // Compact: write the surviving claims to a new file and swap it in atomically.
      Path fresh = file.resolveSibling(file.getFileName() + ".new");
      try (FileChannel ch =
          FileChannel.open(
              fresh,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        this.out = ch;
        for (Claim c : claims.values()) {
          append(c);
        }
      }
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the claims file " + file + ": " + e.getMessage(), e);
    }
  }
}
