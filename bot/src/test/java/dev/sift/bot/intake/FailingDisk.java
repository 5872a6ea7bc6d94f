package dev.sift.bot.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Segment files on a disk that fills up once: the {@code failingWrite}-th write puts half its bytes
 * on disk and then fails, as {@code ENOSPC} part-way through a batch would; every other write goes
 * through.
 */
final class FailingDisk implements Journal.SegmentFiles {
  private final int failingWrite;
  private final AtomicInteger writes = new AtomicInteger();

  FailingDisk(int failingWrite) {
    this.failingWrite = failingWrite;
  }

  @Override
  public FileChannel openForAppend(Path segment) throws IOException {
    return new Channel(
        FileChannel.open(
            segment,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND));
  }

  private final class Channel extends FileChannel {
    private final FileChannel disk;

    Channel(FileChannel disk) {
      this.disk = disk;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      if (writes.incrementAndGet() == failingWrite) {
        ByteBuffer half = src.duplicate();
        half.limit(src.position() + src.remaining() / 2);
        int n = disk.write(half);
        src.position(src.position() + n);
        throw new IOException("No space left on device");
      }
      return disk.write(src);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return disk.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return disk.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      return disk.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
      return disk.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      disk.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return disk.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      disk.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      disk.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return disk.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      return disk.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return disk.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      return disk.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return disk.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return disk.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return disk.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      disk.close();
    }
  }
}
