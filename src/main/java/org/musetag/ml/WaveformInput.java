package org.musetag.ml;

/**
 * Lays out the PCM windows of one track as a waveform model's input {@code audio} [1, K, S]. Building it is all the
 * "front-end" Java does for such a model (the rest is inside the graph), and it is what {@link StageTimes} counts as
 * front-end time for it.
 */
final class WaveformInput {
  private WaveformInput() {}

  /**
   * The input for a track whose windows are {@code windows}, each exactly S samples: K windows as planned, or the
   * one window of a track no longer than a window, which is repeated K times (the 2.0.0 contract).
   */
  static float[] of(float[][] windows, int k) {
    if (windows.length != k && windows.length != 1) {
      throw new IllegalArgumentException(windows.length + " windows for a model that hears " + k);
    }
    int s = windows[0].length;
    float[] flat = new float[k * s];
    for (int i = 0; i < k; i++) {
      System.arraycopy(windows[windows.length == 1 ? 0 : i], 0, flat, i * s, s);
    }
    return flat;
  }
}
