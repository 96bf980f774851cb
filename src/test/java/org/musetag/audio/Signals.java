package org.musetag.audio;

/** Measurements on decoded signals, independent of the code under test. */
final class Signals {
  private Signals() {}

  /** Frequency of a pure tone from its zero crossings between {@code from} and {@code to} (sample indices). */
  static double toneFrequency(float[] x, int sampleRate, int from, int to) {
    int crossings = 0;
    int first = -1;
    int last = -1;
    for (int i = from + 1; i < to; i++) {
      if (x[i - 1] < 0 && x[i] >= 0) {
        crossings++;
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return (crossings - 1) * (double) sampleRate / (last - first);
  }

  static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * (double) x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  /** Lag (in samples, within ±maxLag) at which {@code part} best matches {@code whole} starting at {@code at}. */
  static int bestLag(float[] whole, float[] part, int at, int maxLag) {
    int best = 0;
    double bestErr = Double.MAX_VALUE;
    int len = Math.min(part.length, 4000);
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double err = 0;
      for (int i = 0; i < len; i++) {
        int j = at + lag + i;
        if (j < 0 || j >= whole.length) {
          err = Double.MAX_VALUE;
          break;
        }
        double d = whole[j] - part[i];
        err += d * d;
      }
      if (err < bestErr) {
        bestErr = err;
        best = lag;
      }
    }
    return best;
  }
}
