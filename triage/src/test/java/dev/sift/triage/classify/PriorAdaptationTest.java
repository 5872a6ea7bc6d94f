package dev.sift.triage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorAdaptationTest {
  private static final double[] BALANCED = {0.5, 0.5};

  /**
   * Two categories whose feature is normal around -1 and +1: the calibrated probability under
   * balanced priors is the logistic of 2x, exactly, so EM has nothing to get wrong but the priors.
   */
  private static List<double[]> traffic(double shareOfFirst, int n, long seed) {
    Random random = new Random(seed);
    List<double[]> posteriors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = random.nextGaussian() + (random.nextDouble() < shareOfFirst ? -1 : 1);
      double second = 1 / (1 + Math.exp(-2 * x));
      posteriors.add(new double[] {1 - second, second});
    }
    return posteriors;
  }

  @Test
  void should_recover_a_shifted_prior_from_unlabelled_traffic() {
    List<double[]> posteriors = traffic(0.8, 20_000, 1);

    double[] priors = PriorAdaptation.estimate(posteriors, BALANCED, 0);

    assertThat(priors[0]).isCloseTo(0.8, within(0.02));
    assertThat(PriorAdaptation.changed(posteriors, BALANCED, priors, 2.326)).isTrue();
  }

  @Test
  void should_keep_the_training_priors_when_the_traffic_is_balanced() {
    List<double[]> posteriors = traffic(0.5, 2_000, 2);

    double[] priors = PriorAdaptation.adapted(posteriors, BALANCED, 0);

    assertThat(priors).containsExactly(BALANCED);
  }

  @Test
  void should_move_only_part_of_the_way_with_a_pseudo_count() {
    List<double[]> posteriors = traffic(0.8, 200, 3);

    double plain = PriorAdaptation.estimate(posteriors, BALANCED, 0)[0];
    double shrunk = PriorAdaptation.estimate(posteriors, BALANCED, 200)[0];

    assertThat(shrunk).isBetween(0.5, plain);
  }

  @Test
  void should_reweigh_a_posterior_by_the_ratio_of_new_to_training_priors() {
    double[] adjusted =
        PriorAdaptation.adjust(new double[] {0.5, 0.5}, BALANCED, new double[] {0.9, 0.1});

    assertThat(adjusted[0]).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void should_approximate_the_chi_squared_quantile() {
    // tables: 6.635 (1 degree of freedom), 20.09 (8) at the 99th percentile
    assertThat(PriorAdaptation.chiSquaredQuantile(1, 2.326)).isCloseTo(6.635, within(0.2));
    assertThat(PriorAdaptation.chiSquaredQuantile(8, 2.326)).isCloseTo(20.09, within(0.1));
  }
}
