package org.musetag.audio;

/**
 * Where to start resampling so that a window's output samples are exactly the whole-file decode's samples.
 *
 * <p>A whole decode at rate {@code out} puts output sample {@code o} at time {@code o / out}. Native and output
 * samples coincide every {@code native / g} native samples ({@code g = gcd(native, out)}; 441 at 44.1 kHz to
 * 16 kHz). Starting the resampler on such a coinciding sample, {@link #LEAD_NATIVE} samples or more before the
 * window so its filter has filled, and dropping the outputs before the window, reproduces the whole decode.
 */
final class ResampleGrid {
  /** Native samples of lead-in, comfortably longer than swresample's default filter (32 taps, scaled). */
  static final int LEAD_NATIVE = 512;

  /** Feed the resampler from native sample {@code nativeIndex} and drop the first {@code dropOutput} outputs. */
  record Start(long nativeIndex, long dropOutput) {}

  private ResampleGrid() {}

  static Start start(double seconds, int nativeRate, int outRate) {
    long g = gcd(nativeRate, outRate);
    long stepNative = nativeRate / g;
    long stepOut = outRate / g;
    long targetOut = Math.round(seconds * outRate);
    long leadOut = (long) Math.ceil(LEAD_NATIVE * (double) outRate / nativeRate);
    long k = Math.floorDiv(Math.max(0, targetOut - leadOut), stepOut);
    return new Start(k * stepNative, targetOut - k * stepOut);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
