package dev.sift.bot.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test fixtures under {@code src/test/resources/exports/}, and copies of them to break. */
final class ExportFixtures {
  static final String CLASSIC_ZIP = "classic-2016/testarchive.redacted.zip";
  static final String MODERN_DIR = "modern-zulip";

  private ExportFixtures() {}

  /** The path of a fixture, e.g. {@code modern-zulip/users.json}. */
  static Path fixture(String name) {
    URL url = ExportFixtures.class.getResource("/exports/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource exports/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a directory tree, so that a test can break the copy and not the fixture. */
  static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /** Zips a directory tree with every entry under one top folder, as some zip tools do. */
  static Path zipUnderFolder(Path dir, String folder, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        String name =
            dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        zipOut.putNextEntry(new ZipEntry(folder + "/" + name));
        Files.copy(file, zipOut);
        zipOut.closeEntry();
      }
    }
    return zip;
  }
}
