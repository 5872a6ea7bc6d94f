package dev.sift.bot.intake;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake journal: every event Sift acks is first appended here and fsynced, so an event that
 * was acked but not yet triaged and committed survives {@code kill -9}. Appends are group-committed
 * by one writer thread (many events, one fsync), so a burst costs a few fsyncs, not one each.
 *
 * <p>Entries carry a sequence number. Once the index commit holding an entry's triage is durable,
 * everything below the journal's low-water mark is done: the mark is saved and whole segments below
 * it are deleted. On start, the entries at or above the saved mark are replayed.
 *
 * <p>A record is {@code [length][crc32][seq][payload]}; a record torn by a crash mid-write fails
 * its length or checksum and ends the segment (it was never acked).
 */
public final class Journal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final long SEGMENT_BYTES = 16L << 20;
  private static final int HEADER = 4 + 4 + 8;
  private static final String DONE_FILE = "done";

  /** One journaled event. */
  public record Entry(long seq, String payload) {}

  private record Pending(byte[] payload, CompletableFuture<Long> durable) {}

  private final Path dir;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
  private final List<Entry> recovered;
  private final Thread writer;
  private FileChannel segment;
  private long segmentFirstSeq;
  private volatile long nextSeq;
  private volatile long doneMark;
  private volatile boolean closed;

  /** How a segment file is opened for appending (tests put a failing disk in between). */
  @FunctionalInterface
  interface SegmentFiles {
    FileChannel openForAppend(Path segment) throws IOException;
  }

  private static final SegmentFiles ON_DISK =
      p ->
          FileChannel.open(
              p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final SegmentFiles files;

  private Journal(Path dir, SegmentFiles files) throws IOException {
    this.dir = dir;
    this.files = files;
    Files.createDirectories(dir);
    this.doneMark = readDoneMark();
    this.recovered = new ArrayList<>();
    long last = doneMark - 1;
    for (Path p : segments()) {
      last = Math.max(last, readSegment(p, recovered));
    }
    this.nextSeq = Math.max(last + 1, doneMark);
    recovered.removeIf(e -> e.seq() < doneMark);
    recovered.forEach(e -> inFlight.add(e.seq()));
    openSegment(nextSeq);
    this.writer = new Thread(this::writeLoop, "sift-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens (or creates) the journal in {@code dir}; torn tails are cut off. */
  public static Journal open(Path dir) {
    return open(dir, ON_DISK);
  }

  static Journal open(Path dir, SegmentFiles files) {
    try {
      return new Journal(dir, files);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the intake journal at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The entries that were journaled but whose triage was not yet committed when Sift stopped, in
   * order: replay these before taking new events. Each must be {@link #processed} like a new one.
   */
  public List<Entry> unfinished() {
    return List.copyOf(recovered);
  }

  /**
   * Appends an event; the future completes with its sequence number once it is on disk (fsynced),
   * and only then may the event be acked.
   */
  public CompletableFuture<Long> append(String payload) {
    CompletableFuture<Long> durable = new CompletableFuture<>();
    if (closed) {
      durable.completeExceptionally(new IllegalStateException("the journal is closed"));
      return durable;
    }
    queue.add(new Pending(payload.getBytes(StandardCharsets.UTF_8), durable));
    return durable;
  }

  /** Marks an entry's triage as done (in the index, not yet necessarily committed). */
  public void processed(long seq) {
    inFlight.remove(seq);
  }

  /**
   * The low-water mark: every entry below it is processed. Take it <em>before</em> an index commit
   * and pass it to {@link #committed} after the commit succeeds.
   */
  public long lowWater() {
    long next = nextSeq;
    Long first = inFlight.isEmpty() ? null : inFlight.first();
    return first == null ? next : Math.min(first, next);
  }

  /** The index commit covering everything below {@code mark} is durable: forget those entries. */
  public synchronized void committed(long mark) {
    if (mark <= doneMark) {
      return;
    }
    try {
      Path tmp = dir.resolve(DONE_FILE + ".tmp");
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(Long.toString(mark).getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
      Files.move(
          tmp,
          dir.resolve(DONE_FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
      doneMark = mark;
      deleteSegmentsBelow(mark);
    } catch (IOException e) {
      log.warn("cannot record the journal's done mark: {}", e.toString());
    }
  }

  /** Entries appended but not yet processed. */
  public int inFlight() {
    return inFlight.size();
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      try {
        segment.close();
      } catch (IOException e) {
        log.warn("closing the journal: {}", e.toString());
      }
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        if (closed) {
          queue.drainTo(batch);
          if (!batch.isEmpty()) {
            write(batch);
          }
          return;
        }
        continue;
      }
      queue.drainTo(batch);
      write(batch);
      batch.clear();
    }
  }

  /** Writes a batch with one fsync, then completes every future in it. */
  private void write(List<Pending> batch) {
    long[] seqs = new long[batch.size()];
    long start = -1;
    try {
      synchronized (this) {
        if (segment.size() > SEGMENT_BYTES) {
          segment.close();
          openSegment(nextSeq);
        }
        start = segment.size();
        int bytes = 0;
        for (Pending p : batch) {
          bytes += HEADER + p.payload().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        for (int i = 0; i < batch.size(); i++) {
          long seq = nextSeq + i;
          seqs[i] = seq;
          byte[] payload = batch.get(i).payload();
          buf.putInt(payload.length).putInt(crc(seq, payload)).putLong(seq).put(payload);
          inFlight.add(seq);
        }
        buf.flip();
        while (buf.hasRemaining()) {
          segment.write(buf);
        }
        segment.force(false);
        nextSeq += batch.size();
      }
    } catch (IOException | RuntimeException e) {
      for (long s : seqs) {
        inFlight.remove(s);
      }
      cutBack(start);
      UncheckedIOException failure =
          new UncheckedIOException(
              "cannot write the intake journal: " + e.getMessage(),
              e instanceof IOException io ? io : new IOException(e));
      batch.forEach(p -> p.durable().completeExceptionally(failure));
      log.error("journal write failed: {}", e.toString());
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).durable().complete(seqs[i]);
    }
  }

  /**
   * After a failed write (a full disk, say), cuts off what part of the batch did reach the file: a
   * torn record left in the middle would end the segment at the next start, and with it every
   * record acked after it. If the file cannot be cut, later records go to a new segment.
   */
  private synchronized void cutBack(long start) {
    if (start < 0) {
      return;
    }
    try {
      if (segment.size() > start) {
        segment.truncate(start);
        segment.force(false);
      }
    } catch (IOException e) {
      log.error(
          "cannot cut a failed write off the journal: {}; starting a new segment", e.toString());
      try {
        segment.close();
        if (segmentFirstSeq == nextSeq) {
          // Nothing good in it: a segment of that name would be appended to again.
          Files.deleteIfExists(dir.resolve(String.format("%020d.log", segmentFirstSeq)));
        }
        openSegment(nextSeq);
      } catch (IOException again) {
        log.error("the journal cannot write: {}", again.toString());
      }
    }
  }

  private void openSegment(long firstSeq) throws IOException {
    Path p = dir.resolve(String.format("%020d.log", firstSeq));
    boolean created = !Files.exists(p);
    segment = files.openForAppend(p);
    segmentFirstSeq = firstSeq;
    if (created) {
      syncDirectory(); // the new file's name is durable too, not only its contents
    }
  }

  /** Makes the directory's entries (a new segment, a renamed done mark) durable. */
  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the data itself is still fsynced.
      log.debug("cannot sync the journal's directory: {}", e.toString());
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private static long firstSeqOf(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - ".log".length()));
  }

  /** Reads a segment's records into {@code out}; returns the last good seq (or -1). */
  private static long readSegment(Path p, List<Entry> out) throws IOException {
    long last = -1;
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer all = ByteBuffer.allocate((int) ch.size());
      while (all.hasRemaining() && ch.read(all) >= 0) {}
      all.flip();
      int good = 0;
      while (all.remaining() >= HEADER) {
        int start = all.position();
        int length = all.getInt();
        int crc = all.getInt();
        long seq = all.getLong();
        if (length < 0 || length > all.remaining()) {
          break;
        }
        byte[] payload = new byte[length];
        all.get(payload);
        if (crc(seq, payload) != crc) {
          all.position(start);
          break;
        }
        out.add(new Entry(seq, new String(payload, StandardCharsets.UTF_8)));
        last = seq;
        good = all.position();
      }
      if (good < ch.size()) {
        log.warn(
            "{}: cut off a record torn by a crash ({} bytes); it was never acked",
            p.getFileName(),
            ch.size() - good);
        ch.truncate(good);
        ch.force(true);
      }
    }
    return last;
  }

  private void deleteSegmentsBelow(long mark) throws IOException {
    List<Path> all = segments();
    for (int i = 0; i + 1 < all.size(); i++) {
      // A segment is wholly below the mark when the next one starts at or below it.
      if (firstSeqOf(all.get(i + 1)) <= mark && firstSeqOf(all.get(i)) != segmentFirstSeq) {
        Files.deleteIfExists(all.get(i));
      }
    }
  }

  private long readDoneMark() throws IOException {
    Path p = dir.resolve(DONE_FILE);
    if (!Files.exists(p)) {
      return 0;
    }
    String text = Files.readString(p, StandardCharsets.US_ASCII).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(p + " is not a sequence number: '" + text + "'");
    }
  }

  private static int crc(long seq, byte[] payload) {
    CRC32 c = new CRC32();
    c.update(ByteBuffer.allocate(8).putLong(0, seq).array());
    c.update(payload);
    return (int) c.getValue();
  }
}
