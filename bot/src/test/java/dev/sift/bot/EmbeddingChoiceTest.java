package dev.sift.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.embed.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embedding:} in sift.yml picks the encoder, and an index is never fed two models. */
class EmbeddingChoiceTest {
  @TempDir Path dir;

  @Test
  void a_config_naming_bge_small_runs_on_it_and_a_later_switch_is_refused_before_anything_changes()
      throws Exception {
    Path data = dir.resolve("data");
    Files.writeString(dir.resolve("sift.yml"), "data_dir: data\nembedding: bge-small\n");
    SiftConfig bge = ConfigLoader.load(dir.resolve("sift.yml"));
    try (Sift sift = new Sift(bge)) {
      assertThat(sift.embedder().model()).isEqualTo(EmbeddingModel.BGE_SMALL);
    }

    assertThatThrownBy(() -> new Sift(SiftConfig.defaults().withDataDir(data)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made by the bge-small embedding model")
        .hasMessageContaining("asks for minilm");
    assertThat(Files.readString(data.resolve("embedding-model")).trim()).isEqualTo("bge-small");
    try (Sift again = new Sift(bge)) {
      assertThat(again.embedder().model()).isEqualTo(EmbeddingModel.BGE_SMALL);
    }
  }
}
