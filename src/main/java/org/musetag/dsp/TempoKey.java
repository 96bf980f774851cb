package org.musetag.dsp;

/**
 * What Musetag hears of a track's rhythm and harmony: its tempo and its key, each null when it could not be heard
 * (too short, silent, or stored before Musetag heard them).
 */
public record TempoKey(TempoEstimator.Tempo tempo, KeyEstimator.Key key) {
  public static final TempoKey NONE = new TempoKey(null, null);

  /** Both, from the same windows of 16 kHz (or any rate's) mono PCM. */
  public static TempoKey of(float[][] windows, TempoEstimator tempo, KeyEstimator key) {
    return new TempoKey(tempo.estimate(windows), key.estimate(windows));
  }
}
