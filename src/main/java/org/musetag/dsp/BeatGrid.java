package org.musetag.dsp;

/**
 * Where the beats fall in a stretch of onset strength, given the tempo: the grid of beats at that tempo whose phase
 * lines up best with the onsets (the sum of the onset strength at each beat, read between frames by linear
 * interpolation). What the player draws over its live spectrogram: a steady pulse at the track's tempo, placed on
 * what is heard. It does not follow tempo changes within the stretch. Pure: static, thread-safe.
 */
public final class BeatGrid {
  private BeatGrid() {}

  /**
   * An onset strength between two mel frames in dB: the summed rise of the bands that got louder (0 when either
   * frame is missing). The tempo's onset envelope ({@link TempoEstimator}) and the player's beat marks both use it.
   */
  public static double flux(float[] previous, float[] current) {
    if (previous == null || current == null) {
      return 0;
    }
    double sum = 0;
    int n = Math.min(previous.length, current.length);
    for (int b = 0; b < n; b++) {
      sum += Math.max(0, current[b] - previous[b]);
    }
    return sum;
  }

  /**
   * The beat positions, in frames from the first onset value, ascending; none when the tempo is unknown (NaN or not
   * positive), the stretch shorter than two beats, or nothing in it stands out (no onset above the stretch's mean).
   *
   * @param onsets onset strength per frame, oldest first
   * @param framesPerSecond frames per second of {@code onsets}
   * @param bpm the tempo, beats per minute
   */
  public static double[] beats(double[] onsets, double framesPerSecond, double bpm) {
    if (!(bpm > 0) || onsets.length < 2) {
      return new double[0];
    }
    double period = framesPerSecond * 60 / bpm;
    if (onsets.length < 2 * period) {
      return new double[0];
    }
    double mean = 0;
    for (double o : onsets) {
      mean += o;
    }
    mean /= onsets.length;
    double[] above = new double[onsets.length];
    boolean any = false;
    for (int i = 0; i < onsets.length; i++) {
      above[i] = Math.max(0, onsets[i] - mean);
      any |= above[i] > 0;
    }
    if (!any) {
      return new double[0];
    }
    double bestPhase = 0;
    double best = -1;
    for (double phase = 0; phase < period; phase += 0.25) {
      double score = 0;
      for (double at = phase; at <= onsets.length - 1; at += period) {
        score += at(above, at);
      }
      if (score > best) {
        best = score;
        bestPhase = phase;
      }
    }
    double[] out = new double[(int) Math.floor((onsets.length - 1 - bestPhase) / period) + 1];
    for (int k = 0; k < out.length; k++) {
      out[k] = bestPhase + k * period;
    }
    return out;
  }

  private static double at(double[] v, double x) {
    int i = (int) Math.floor(x);
    if (i >= v.length - 1) {
      return v[v.length - 1];
    }
    double f = x - i;
    return v[i] * (1 - f) + v[i + 1] * f;
  }
}
