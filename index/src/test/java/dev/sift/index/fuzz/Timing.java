package dev.sift.index.fuzz;

import java.util.Arrays;

/** Median wall time of a few runs, for the benchmarks; never asserted on. */
public final class Timing {
  private Timing() {}

  public static double medianMillis(int runs, Runnable work) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[runs / 2] / 1e6;
  }
}
