package org.musetag.dsp;

/**
 * What Musetag hears of a track's rhythm and harmony: its tempo and its key, each null when it could not be heard
 * (too short, silent, or stored before Musetag heard them), and the version of the method that heard them.
 *
 * @param method the {@link #METHOD} that heard them; 0 when unknown (stored before schema 6, or not heard), so the
 *     next analysis hears them again
 */
public record TempoKey(TempoEstimator.Tempo tempo, KeyEstimator.Key key, int method) {
  /**
   * The version of how tempo and key are heard, stored with each analysis; a library's analyses from an older one are
   * heard again by the next {@code analyze}. Bump it whenever {@link TempoEstimator} or {@link KeyEstimator} changes
   * what it hears. 1: constant-Q key; 2: tuned STFT chroma; 3: whitened, harmonics weighted, profile shrunk towards
   * Krumhansl–Kessler (decision 0015); 4: no tempo where nothing starts (a steady tone or drone).
   */
  public static final int METHOD = 4;

  /** Nothing heard. */
  public static final TempoKey NONE = new TempoKey(null, null, 0);

  /** Both, from the same windows of 16 kHz (or any rate's) mono PCM, by this version's method. */
  public static TempoKey of(float[][] windows, TempoEstimator tempo, KeyEstimator key) {
    return new TempoKey(tempo.estimate(windows), key.estimate(windows), METHOD);
  }
}
