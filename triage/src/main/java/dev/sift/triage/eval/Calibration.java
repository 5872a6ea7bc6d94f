package dev.sift.triage.eval;

/**
 * Whether a classifier's confidence means what it says: expected calibration error over ten
 * equal-width confidence bins, the gap between mean confidence and accuracy in each bin weighted by
 * its share of rows (Guo et al. 2017). 0 is perfect; a model 90% sure and right 60% of the time
 * scores 0.3.
 */
public final class Calibration {
  private static final int BINS = 10;
  private final long[] count = new long[BINS];
  private final long[] right = new long[BINS];
  private final double[] confidence = new double[BINS];
  private long n;

  public void add(double confidence, boolean correct) {
    int bin = Math.min(BINS - 1, (int) (confidence * BINS));
    count[bin]++;
    right[bin] += correct ? 1 : 0;
    this.confidence[bin] += confidence;
    n++;
  }

  public double expectedCalibrationError() {
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        double gap = Math.abs((double) right[b] / count[b] - confidence[b] / count[b]);
        ece += gap * count[b] / n;
      }
    }
    return ece;
  }
}
