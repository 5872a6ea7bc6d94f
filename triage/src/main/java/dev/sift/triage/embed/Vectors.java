package dev.sift.triage.embed;

/** Small vector arithmetic on float arrays; callers keep vectors unit-length. */
public final class Vectors {
  private Vectors() {}

  public static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Scales {@code v} in place to unit length; a zero vector stays zero. */
  public static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }
}
