package org.musetag.similar;

import org.musetag.dsp.KeyEstimator.Key;
import org.musetag.dsp.TempoKey;

/**
 * Tempo and key filters users ask of playlists and neighbours: a BPM range, one key, or the keys that mix with one
 * (harmonic mixing: same Camelot number or ±1). A track whose tempo or key was not heard fails a filter on it.
 *
 * @param bpmMin lowest BPM kept (NaN: no limit)
 * @param bpmMax highest BPM kept (NaN: no limit)
 * @param key only this key (null: any)
 * @param mixesWith only keys that mix with this one (null: any)
 */
public record TempoKeyFilter(double bpmMin, double bpmMax, Key key, Key mixesWith) {
  public static final TempoKeyFilter ANY = new TempoKeyFilter(Double.NaN, Double.NaN, null, null);

  /** Whether the filter keeps a track of this tempo and key (either null when not heard). */
  public boolean keeps(Double bpm, Key k) {
    if (!Double.isNaN(bpmMin) || !Double.isNaN(bpmMax)) {
      if (bpm == null || bpm.isNaN()) {
        return false;
      }
      if (!Double.isNaN(bpmMin) && bpm < bpmMin || !Double.isNaN(bpmMax) && bpm > bpmMax) {
        return false;
      }
    }
    if (key != null && (k == null || k.tonic() != key.tonic() || k.minor() != key.minor())) {
      return false;
    }
    return mixesWith == null || k != null && k.mixesWith(mixesWith);
  }

  public boolean keeps(TempoKey tk) {
    return keeps(tk.tempo() == null ? null : tk.tempo().bpm(), tk.key());
  }

  public boolean isAny() {
    return Double.isNaN(bpmMin) && Double.isNaN(bpmMax) && key == null && mixesWith == null;
  }

  /** "120-130", "120-" or "-130": a BPM range as the command line takes it. */
  public static double[] range(String text) {
    String[] p = text.strip().split("-", -1);
    if (p.length != 2 || p[0].isBlank() && p[1].isBlank()) {
      throw new IllegalArgumentException("a BPM range is MIN-MAX, MIN- or -MAX, not " + text);
    }
    double lo = p[0].isBlank() ? Double.NaN : Double.parseDouble(p[0]);
    double hi = p[1].isBlank() ? Double.NaN : Double.parseDouble(p[1]);
    if (lo > hi) {
      throw new IllegalArgumentException("the BPM range " + text + " is empty");
    }
    return new double[] {lo, hi};
  }
}
