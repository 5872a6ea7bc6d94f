package dev.sift.index;

import dev.sift.triage.embed.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Remembers which sentence encoder wrote an index's vectors ({@code embedding-model} in the data
 * folder). Two models' vectors have the same length but mean different things, so semantic search,
 * duplicate folding and the nearest examples would silently go wrong if a config switched models
 * over an existing index; instead the start is refused and says what to do.
 */
public final class VectorModelStamp {
  static final String FILE = "embedding-model";

  private VectorModelStamp() {}

  /**
   * Checks that {@code model} may write into the index under {@code dataDir}, and stamps it. An
   * index from before the stamp existed was written by MiniLM, the only model there was.
   *
   * @throws IllegalStateException when the index holds another model's vectors
   */
  public static void check(Path dataDir, EmbeddingModel model) {
    Path stamp = dataDir.resolve(FILE);
    try {
      EmbeddingModel found = null;
      if (Files.exists(stamp)) {
        found = EmbeddingModel.named(Files.readString(stamp, StandardCharsets.UTF_8));
      } else if (hasIndex(dataDir.resolve("index"))) {
        found = EmbeddingModel.MINILM;
      }
      if (found != null && found != model) {
        throw new IllegalStateException(
            "the index in "
                + dataDir
                + " holds vectors made by the "
                + found.configName()
                + " embedding model, but the config asks for "
                + model.configName()
                + "; vectors of two models cannot be compared. Set embedding: "
                + found.configName()
                + " again, or point data_dir at a new folder and run sift replay on your export"
                + " to build the index with "
                + model.configName());
      }
      if (found == null || !Files.exists(stamp)) {
        Files.createDirectories(dataDir);
        Files.writeString(stamp, model.configName() + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + stamp, e);
    }
  }

  private static boolean hasIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isPresent();
    }
  }
}
