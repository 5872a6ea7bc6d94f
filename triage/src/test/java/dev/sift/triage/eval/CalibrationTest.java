package dev.sift.triage.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void should_be_zero_when_confidence_matches_accuracy_and_the_gap_otherwise() {
    Calibration honest = new Calibration();
    Calibration overconfident = new Calibration();
    for (int i = 0; i < 10; i++) {
      honest.add(0.7, i < 7);
      overconfident.add(0.95, i < 5);
    }

    assertThat(overconfident.expectedCalibrationError()).isCloseTo(0.45, within(1e-9));
    assertThat(honest.expectedCalibrationError()).isCloseTo(0, within(1e-9));
  }
}
