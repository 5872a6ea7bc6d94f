package dev.sift.triage.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ONNX Runtime's native libraries in one cache folder ({@code ~/.cache/sift}, or {@code
 * $XDG_CACHE_HOME/sift}) and points the runtime at it ({@code onnxruntime.native.path}). Left to
 * itself the runtime unpacks 16 MB into a new {@code onnxruntime-java*} folder under {@code
 * java.io.tmpdir} on every start and never removes the folder: its exit hook deletes the folder
 * before the files in it. When the cache cannot be written, the runtime does as it always did.
 */
final class OnnxNatives {
  private static final Logger log = LoggerFactory.getLogger(OnnxNatives.class);
  private static final String PATH_PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

  private static boolean prepared;

  private OnnxNatives() {}

  /** Call before the runtime's first use; once is enough, later calls do nothing. */
  static synchronized void prepare() {
    if (prepared || System.getProperty(PATH_PROPERTY) != null) {
      return; // done already, or the operator chose a folder
    }
    prepared = true;
    String platform = platform();
    if (platform == null) {
      return;
    }
    Path dir = cacheRoot().resolve("onnxruntime-" + platform);
    try {
      Files.createDirectories(dir);
      for (String library : LIBRARIES) {
        String name = System.mapLibraryName(library);
        URL resource =
            OnnxNatives.class.getResource("/ai/onnxruntime/native/" + platform + "/" + name);
        if (resource == null) {
          return; // not a platform this jar carries: the runtime says so itself
        }
        place(resource, dir.resolve(name));
      }
      System.setProperty(PATH_PROPERTY, dir.toString());
    } catch (IOException | RuntimeException e) {
      log.debug("ONNX Runtime unpacks into java.io.tmpdir: {} is not usable ({})", dir, e);
    }
  }

  /** Copies the library unless the same one (same length) is there; atomic for parallel starts. */
  private static void place(URL resource, Path target) throws IOException {
    URLConnection connection = resource.openConnection();
    long length = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && length >= 0 && Files.size(target) == length) {
      return;
    }
    Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return root.resolve("sift");
  }

  /** The runtime's own name for this machine's folder in its jar, or null when unknown. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String cpu =
        switch (arch) {
          case "amd64", "x86_64" -> "x64";
          case "aarch64", "arm64" -> "aarch64";
          default -> null;
        };
    String system =
        os.contains("linux")
            ? "linux"
            : os.contains("mac") ? "osx" : os.contains("windows") ? "win" : null;
    return cpu == null || system == null ? null : system + "-" + cpu;
  }
}
