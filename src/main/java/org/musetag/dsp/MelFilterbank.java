package org.musetag.dsp;

import java.util.Arrays;

/**
 * Triangular mel filters of MelSpec: HTK mel scale, {@code melBands + 2} edges equally spaced in mel between
 * {@code fMin} and {@code fMax}, each triangle peaking at 1 (no area normalisation) and evaluated at the FFT bin
 * frequencies {@code k * sampleRate / fftSize}.
 *
 * <p>Why it mirrors numpy operation by operation (including {@code linspace}'s exact endpoint): the filter weights
 * feed the model's input, so they must equal {@code models/training/melspec.py} to the last few ulps. Only the
 * non-zero span of each triangle is stored, which makes {@link #apply} about four times cheaper than a dense
 * matrix product. Immutable and thread-safe.
 */
public final class MelFilterbank {

  private final MelParameters params;
  private final double[] edgesHz;
  private final int[] firstBin;
  private final double[][] weights;

  /** Builds the filterbank for {@code params}. */
  public MelFilterbank(MelParameters params) {
    this.params = params;
    int bands = params.melBands();
    double[] mels = linspace(hzToMel(params.fMin()), hzToMel(params.fMax()), bands + 2);
    edgesHz = new double[mels.length];
    for (int i = 0; i < mels.length; i++) {
      edgesHz[i] = melToHz(mels[i]);
    }
    firstBin = new int[bands];
    weights = new double[bands][];
    int bins = params.fftBins();
    for (int m = 0; m < bands; m++) {
      double[] dense = new double[bins];
      int first = -1;
      int last = -1;
      for (int k = 0; k < bins; k++) {
        dense[k] = triangle(binHz(k), edgesHz[m], edgesHz[m + 1], edgesHz[m + 2]);
        if (dense[k] > 0.0) {
          first = first < 0 ? k : first;
          last = k;
        }
      }
      firstBin[m] = Math.max(first, 0);
      weights[m] = first < 0 ? new double[0] : Arrays.copyOfRange(dense, first, last + 1);
    }
  }

  private static double triangle(double f, double lo, double centre, double hi) {
    double rising = (f - lo) / (centre - lo);
    double falling = (hi - f) / (hi - centre);
    return Math.max(0.0, Math.min(rising, falling));
  }

  /** HTK mel of a frequency: {@code 2595 * log10(1 + hz / 700)}. */
  public static double hzToMel(double hz) {
    return 2595.0 * Math.log10(1.0 + hz / 700.0);
  }

  /** Inverse of {@link #hzToMel}: {@code 700 * (10^(mel / 2595) - 1)}. */
  public static double melToHz(double mel) {
    return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
  }

  /** numpy's {@code linspace(start, stop, num)}: {@code start + i * step}, the last value exactly {@code stop}. */
  static double[] linspace(double start, double stop, int num) {
    double[] y = new double[num];
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /** Frequency in Hz of FFT bin {@code k}: {@code k * sampleRate / fftSize}. */
  public double binHz(int k) {
    return (double) k * params.sampleRate() / params.fftSize();
  }

  /** The parameters this filterbank was built from. */
  public MelParameters parameters() {
    return params;
  }

  /** Number of mel bands. */
  public int bands() {
    return weights.length;
  }

  /** Lower edge (weight 0) of band {@code m} in Hz. */
  public double lowerEdgeHz(int m) {
    return edgesHz[checkBand(m)];
  }

  /** Centre (weight 1) of band {@code m} in Hz. */
  public double centreHz(int m) {
    return edgesHz[checkBand(m) + 1];
  }

  /** Upper edge (weight 0) of band {@code m} in Hz. */
  public double upperEdgeHz(int m) {
    return edgesHz[checkBand(m) + 2];
  }

  /** Weight of FFT bin {@code k} in band {@code m}, in [0, 1]. */
  public double weight(int m, int k) {
    int offset = k - firstBin[checkBand(m)];
    return offset >= 0 && offset < weights[m].length ? weights[m][offset] : 0.0;
  }

  private int checkBand(int m) {
    if (m < 0 || m >= weights.length) {
      throw new IndexOutOfBoundsException("mel band " + m + " outside [0, " + weights.length + ")");
    }
    return m;
  }

  /**
   * Mel band powers {@code mel[m] = sum_k weight(m, k) * power[k]}.
   *
   * @param power one-sided power spectrum, length {@code fftSize/2 + 1}
   * @param mel   receives the band powers, length {@code >= melBands}
   */
  public void apply(double[] power, double[] mel) {
    if (power.length != params.fftBins() || mel.length < weights.length) {
      throw new IllegalArgumentException(
          "expected "
              + params.fftBins()
              + " power bins and "
              + weights.length
              + " mel outputs, got "
              + power.length
              + " and "
              + mel.length);
    }
    for (int m = 0; m < weights.length; m++) {
      double[] w = weights[m];
      int offset = firstBin[m];
      double sum = 0.0;
      for (int i = 0; i < w.length; i++) {
        sum += w[i] * power[offset + i];
      }
      mel[m] = sum;
    }
  }
}
