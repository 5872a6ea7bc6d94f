package dev.sift.bot.export;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of an export, zipped or unzipped, named by their '/'-separated path inside the export
 * so that the reader never needs to know which of the two it has.
 */
abstract class ExportFiles implements Closeable {
  // Exports unzipped by hand often sit one folder down; anything deeper is not a day file.
  private static final int MAX_DEPTH = 3;
  private static final Set<String> MARKERS = Set.of("channels.json", "groups.json");

  /**
   * The most bytes one file may unpack to. The largest file of a real export is users.json, a few
   * MB per thousand people; a zip bomb unpacks to gigabytes. Counted while reading, since a zip's
   * declared sizes can lie. (Bytes alone do not bound the heap: {@link SlackExport#JSON} also caps
   * the tokens of a file, as 64 MB of "{}," would be 20 million objects.)
   */
  static final long MAX_FILE_BYTES = 64L << 20;

  /** The most files an export may hold: years of days for thousands of channels fit. */
  static final int MAX_FILES = 2_000_000;

  private final String prefix;
  private final List<String> names;
  private long maxFileBytes = MAX_FILE_BYTES;

  private ExportFiles(List<String> allNames) {
    this.prefix = rootPrefix(allNames);
    if (prefix == null) {
      this.names = List.of();
      return;
    }
    List<String> inside = new ArrayList<>();
    for (String name : allNames) {
      if (name.startsWith(prefix)) {
        inside.add(name.substring(prefix.length()));
      }
    }
    this.names = Collections.unmodifiableList(inside);
  }

  /** Opens a zip file or a directory; the caller closes what it gets. */
  static ExportFiles open(Path path) {
    ExportFiles files;
    if (Files.isDirectory(path)) {
      files = new DirectoryFiles(path);
    } else if (Files.isRegularFile(path)) {
      files = ZipFiles.open(path);
    } else if (Files.exists(path)) {
      throw new ExportException(path + " is neither a zip file nor a directory");
    } else {
      throw new ExportException(path + " does not exist");
    }
    if (files.prefix == null) {
      files.closeQuietly();
      throw new ExportException(
          path + " is not a Slack workspace export: no channels.json at its top level");
    }
    return files;
  }

  /** Every file in the export, sorted, as paths inside it (the top folder, if any, removed). */
  final List<String> names() {
    return names;
  }

  final boolean contains(String name) {
    return Collections.binarySearch(names, name) >= 0;
  }

  /** Opens one file named as {@link #names()} names it; reading past the size limit fails. */
  final InputStream open(String name) throws IOException {
    return new Capped(openRaw(prefix + name), name, maxFileBytes);
  }

  /** For tests: a lower limit than {@link #MAX_FILE_BYTES}, to try a bomb without gigabytes. */
  final ExportFiles withMaxFileBytes(long max) {
    this.maxFileBytes = max;
    return this;
  }

  abstract InputStream openRaw(String rawName) throws IOException;

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // Already failing with a clearer message.
    }
  }

  /** "" when the markers sit at the top, "folder/" when all sit under one folder, else null. */
  private static String rootPrefix(List<String> names) {
    Set<String> folders = new TreeSet<>();
    for (String name : names) {
      int slash = name.indexOf('/');
      String file = name.substring(slash + 1);
      if (MARKERS.contains(name)) {
        return "";
      }
      // macOS adds resource forks under __MACOSX/ when it zips; they mirror the real files.
      if (slash > 0 && MARKERS.contains(file) && !name.startsWith("__MACOSX/")) {
        folders.add(name.substring(0, slash + 1));
      }
    }
    return folders.size() == 1 ? folders.iterator().next() : null;
  }

  /** An unzipped export. */
  private static final class DirectoryFiles extends ExportFiles {
    private final Path root;

    DirectoryFiles(Path root) {
      super(list(root));
      this.root = root;
    }

    private static List<String> list(Path root) {
      try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
        // A symbolic link could point outside the export (../../etc/passwd): not followed.
        return walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
            .map(file -> slashed(root.relativize(file)))
            .sorted()
            .toList();
      } catch (IOException | UncheckedIOException e) {
        throw new ExportException(root + " could not be listed: " + e.getMessage(), e);
      }
    }

    /** The path with '/' between its parts, as zip entries name theirs, on any platform. */
    private static String slashed(Path relative) {
      return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    @Override
    InputStream openRaw(String rawName) throws IOException {
      return Files.newInputStream(root.resolve(rawName));
    }

    @Override
    public void close() {}
  }

  /** A zipped export, read in place without unpacking it to disk. */
  private static final class ZipFiles extends ExportFiles {
    private final ZipFile zip;

    private ZipFiles(ZipFile zip, List<String> names) {
      super(names);
      this.zip = zip;
    }

    static ZipFiles open(Path path) {
      ZipFile zip;
      try {
        zip = new ZipFile(path.toFile());
      } catch (ZipException e) {
        String hint = "a Slack export is a .zip file or the directory it unzips to";
        throw new ExportException(
            path + " is not a readable zip file (" + e.getMessage() + "); " + hint, e);
      } catch (IOException e) {
        throw new ExportException(path + " could not be opened: " + e.getMessage(), e);
      }
      if (zip.size() > MAX_FILES) {
        closeZip(zip);
        throw new ExportException(
            path
                + " holds "
                + zip.size()
                + " files, more than the "
                + MAX_FILES
                + " an export can");
      }
      try {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
          if (!entry.isDirectory()) {
            names.add(entry.getName());
          }
        }
        Collections.sort(names);
        return new ZipFiles(zip, names);
      } catch (IllegalArgumentException e) {
        // ZipFile reports entry names in an unexpected charset this way.
        closeZip(zip);
        throw new ExportException(path + " has unreadable entry names: " + e.getMessage(), e);
      }
    }

    private static void closeZip(ZipFile zip) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // Already failing with a clearer message.
      }
    }

    @Override
    InputStream openRaw(String rawName) throws IOException {
      ZipEntry entry = zip.getEntry(rawName);
      if (entry == null) {
        throw new IOException("no entry " + rawName);
      }
      return zip.getInputStream(entry);
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  /** A stream that fails once more than {@code max} bytes were read from it. */
  private static final class Capped extends FilterInputStream {
    private final String name;
    private final long max;
    private long read;

    Capped(InputStream in, String name, long max) {
      super(in);
      this.name = name;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > max) {
        throw new IOException(
            name
                + " unpacks to more than "
                + (max >= 1 << 20 ? (max >> 20) + " MB" : max + " bytes")
                + "; a Slack export file is far smaller (is it a zip bomb?)");
      }
    }
  }
}
