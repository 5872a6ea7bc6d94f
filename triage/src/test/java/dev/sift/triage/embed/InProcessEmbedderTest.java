package dev.sift.triage.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InProcessEmbedderTest {

  @ParameterizedTest
  @EnumSource(EmbeddingModel.class)
  void every_shipped_model_gives_unit_vectors_that_put_a_paraphrase_nearer_than_chatter(
      EmbeddingModel model) {
    try (InProcessEmbedder embedder = new InProcessEmbedder(model, 1)) {
      List<float[]> v =
          embedder.embedAll(
              List.of(
                  "the checkout page returns a 500 error",
                  "customers get a server error when they pay",
                  "happy birthday Sam, cake in the kitchen",
                  ""));

      assertThat(embedder.model()).isEqualTo(model);
      assertThat(v).allSatisfy(x -> assertThat(x).hasSize(embedder.dimension()));
      assertThat(Vectors.dot(v.get(0), v.get(0)))
          .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)));
    }
  }

  @Test
  void a_model_name_that_does_not_ship_is_refused_with_the_ones_that_do() {
    assertThat(EmbeddingModel.named(" BGE-Small ")).isEqualTo(EmbeddingModel.BGE_SMALL);
    assertThatThrownBy(() -> EmbeddingModel.named("e5"))
        .hasMessageContaining("unknown embedding model 'e5'")
        .hasMessageContaining("minilm, bge-small");
  }
}
