package dev.sift.triage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.triage.embed.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class CenteringTest {
  /** Three unit vectors that all lean the same way, as a small encoder's do. */
  private static final List<float[]> LEANING =
      List.of(
          Vectors.normalize(new float[] {1, 0, 5}),
          Vectors.normalize(new float[] {0, 1, 5}),
          Vectors.normalize(new float[] {-1, -1, 5}));

  @Test
  void takes_out_the_direction_every_example_shares() {
    Centering centering = Centering.of(LEANING);

    float[] a = centering.apply(LEANING.get(0));
    float[] b = centering.apply(LEANING.get(1));

    // Raw, the two are nearly the same text (cosine ~0.96); centred, they are told apart.
    assertThat(Vectors.dot(LEANING.get(0), LEANING.get(1))).isGreaterThan(0.9f);
    assertThat(Vectors.dot(a, b)).isLessThan(0f);
    assertThat(Vectors.dot(a, a)).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void a_vector_at_the_mean_stays_zero_rather_than_dividing_by_zero() {
    Centering centering = Centering.of(List.of(new float[] {0.6f, 0.8f}));

    assertThat(centering.apply(new float[] {0.6f, 0.8f})).containsExactly(0f, 0f);
  }

  @Test
  void leaves_the_callers_vector_untouched() {
    float[] vector = LEANING.get(2).clone();

    Centering.of(LEANING).apply(vector);

    assertThat(vector).containsExactly(LEANING.get(2));
  }
}
