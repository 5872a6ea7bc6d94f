package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.embed.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorModelStampTest {
  @TempDir Path data;

  @Test
  void should_stamp_a_new_folder_and_accept_the_same_model_again() throws Exception {
    VectorModelStamp.check(data, EmbeddingModel.BGE_SMALL);
    VectorModelStamp.check(data, EmbeddingModel.BGE_SMALL);

    assertThat(Files.readString(data.resolve(VectorModelStamp.FILE)).trim()).isEqualTo("bge-small");
  }

  @Test
  void should_refuse_another_model_over_a_stamped_index_and_say_what_to_do() {
    VectorModelStamp.check(data, EmbeddingModel.MINILM);

    assertThatThrownBy(() -> VectorModelStamp.check(data, EmbeddingModel.BGE_SMALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made by the minilm embedding model")
        .hasMessageContaining("asks for bge-small")
        .hasMessageContaining("Set embedding: minilm again")
        .hasMessageContaining("sift replay");
  }

  @Test
  void should_take_an_index_from_before_the_stamp_for_minilm() throws Exception {
    Files.createDirectories(data.resolve("index"));
    Files.writeString(data.resolve("index/segments_1"), "");

    assertThatThrownBy(() -> VectorModelStamp.check(data, EmbeddingModel.BGE_SMALL))
        .hasMessageContaining("made by the minilm embedding model");
    VectorModelStamp.check(data, EmbeddingModel.MINILM);
    assertThat(Files.readString(data.resolve(VectorModelStamp.FILE)).trim()).isEqualTo("minilm");
  }
}
