package org.musetag.dsp;

/**
 * Radix-2 FFT of a real signal whose length is a power of two, computed in double precision.
 *
 * <p>Why our own: the model front-end must match numpy's {@code rfft} to well below 0.01 dB and must not pull in a
 * native or third-party FFT. A real input of length {@code n} is packed into a complex sequence of length
 * {@code n/2} (even samples real, odd samples imaginary), transformed with an iterative radix-2 butterfly, and split
 * into the {@code n/2 + 1} one-sided bins; this halves the work of a complex FFT.
 *
 * <p>Instances are immutable and thread-safe: they only hold the bit-reversal permutation and twiddle factors, each
 * computed directly with {@link Math#cos}/{@link Math#sin} (no recurrences, so no accumulated rounding). Callers pass
 * the output arrays, which double as work space, so a transform allocates nothing.
 */
public final class RealFft {

  private final int size;
  private final int half;
  private final int[] bitReverse;

  /** {@code cos/sin(2*pi*j/half)} for the complex transform of length {@code half}, {@code j < half/2}. */
  private final double[] cos;

  private final double[] sin;

  /** {@code cos/sin(2*pi*k/size)} for the real/complex split, {@code k <= half/2}. */
  private final double[] splitCos;

  private final double[] splitSin;

  /**
   * @param size transform length, a power of two {@code >= 4}
   * @throws IllegalArgumentException if {@code size} is not a power of two {@code >= 4}
   */
  public RealFft(int size) {
    if (size < 4 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 4, was " + size);
    }
    this.size = size;
    this.half = size / 2;
    int bits = Integer.numberOfTrailingZeros(half);
    bitReverse = new int[half];
    for (int i = 0; i < half; i++) {
      bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (Integer.SIZE - bits);
    }
    cos = new double[Math.max(1, half / 2)];
    sin = new double[cos.length];
    for (int j = 0; j < cos.length; j++) {
      cos[j] = unitCos(j, half);
      sin[j] = unitSin(j, half);
    }
    splitCos = new double[half / 2 + 1];
    splitSin = new double[half / 2 + 1];
    for (int k = 0; k < splitCos.length; k++) {
      splitCos[k] = unitCos(k, size);
      splitSin[k] = unitSin(k, size);
    }
  }

  /** {@code cos(2*pi*k/n)}, exact at the quarter turn so the symmetric bins stay exactly symmetric. */
  private static double unitCos(int k, int n) {
    return 4 * k == n ? 0.0 : Math.cos(2.0 * Math.PI * k / n);
  }

  private static double unitSin(int k, int n) {
    return 4 * k == n ? 1.0 : Math.sin(2.0 * Math.PI * k / n);
  }

  /** The transform length {@code n}. */
  public int size() {
    return size;
  }

  /** Number of one-sided output bins, {@code n/2 + 1}. */
  public int bins() {
    return half + 1;
  }

  /**
   * One-sided DFT {@code X[k] = sum_t x[t] exp(-2 pi i k t / n)}, {@code k = 0..n/2} (numpy's {@code rfft}).
   *
   * @param input real signal of length {@code n}; not modified
   * @param re    receives the real parts, length {@code >= n/2 + 1}
   * @param im    receives the imaginary parts, length {@code >= n/2 + 1}
   */
  public void forward(double[] input, double[] re, double[] im) {
    if (input.length != size || re.length < half + 1 || im.length < half + 1) {
      throw new IllegalArgumentException(
          "expected input of length "
              + size
              + " and outputs of length >= "
              + (half + 1)
              + ", got "
              + input.length
              + ", "
              + re.length
              + ", "
              + im.length);
    }
    for (int k = 0; k < half; k++) {
      int r = bitReverse[k];
      re[r] = input[2 * k];
      im[r] = input[2 * k + 1];
    }
    butterflies(re, im);
    split(re, im);
  }

  /** Iterative decimation-in-time radix-2 transform of length {@code half}, in place, bit-reversed input. */
  private void butterflies(double[] re, double[] im) {
    for (int len = 2; len <= half; len <<= 1) {
      int halfLen = len >> 1;
      int step = half / len;
      for (int start = 0; start < half; start += len) {
        for (int j = 0; j < halfLen; j++) {
          double wr = cos[j * step];
          double wi = -sin[j * step];
          int a = start + j;
          int b = a + halfLen;
          double tr = re[b] * wr - im[b] * wi;
          double ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  }

  /**
   * Turns the transform {@code Z} of the packed sequence into the real signal's spectrum {@code X}:
   * {@code X[k] = E[k] + W^k O[k]} with {@code E = (Z[k] + conj Z[h-k]) / 2}, {@code O = (Z[k] - conj Z[h-k]) / 2i},
   * {@code W = exp(-2 pi i / n)}; bins {@code k} and {@code h-k} are computed together so this works in place.
   */
  private void split(double[] re, double[] im) {
    double z0r = re[0];
    double z0i = im[0];
    re[0] = z0r + z0i;
    im[0] = 0.0;
    re[half] = z0r - z0i;
    im[half] = 0.0;
    for (int k = 1; k <= half / 2; k++) {
      int mk = half - k;
      double ar = re[k];
      double ai = im[k];
      double br = re[mk];
      double bi = im[mk];
      double er = 0.5 * (ar + br);
      double ei = 0.5 * (ai - bi);
      double or = 0.5 * (ai + bi);
      double oi = -0.5 * (ar - br);
      double wr = splitCos[k];
      double wi = -splitSin[k];
      double tr = wr * or - wi * oi;
      double ti = wr * oi + wi * or;
      re[k] = er + tr;
      im[k] = ei + ti;
      re[mk] = er - tr;
      im[mk] = ti - ei;
    }
  }

  /**
   * Power spectrum {@code |X[k]|^2}, {@code k = 0..n/2}.
   *
   * @param input real signal of length {@code n}; not modified
   * @param re    work space, length {@code >= n/2 + 1}
   * @param im    work space, length {@code >= n/2 + 1}
   * @param power receives the power, length {@code >= n/2 + 1}
   */
  public void power(double[] input, double[] re, double[] im, double[] power) {
    forward(input, re, im);
    for (int k = 0; k <= half; k++) {
      power[k] = re[k] * re[k] + im[k] * im[k];
    }
  }
}
