package org.musetag.similar;

import java.nio.file.Path;
import org.musetag.dsp.KeyEstimator.Key;
import org.musetag.dsp.TempoKey;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Track;

/**
 * A track as the similar-songs index keeps it: what a result shows and what its filters test, without the rest of
 * the analysis (the index of a large library holds only these and the vectors).
 */
public record Placed(
    long trackId,
    Path path,
    String artist,
    String title,
    String genre,
    String quadrant,
    double valence,
    double arousal,
    double durationSeconds,
    Double bpm,
    Key key) {

  static Placed of(Analysed a) {
    TempoKey tk = a.analysis().tempoKey();
    return new Placed(
        a.track().id(),
        a.track().path(),
        a.track().artist(),
        a.track().title(),
        a.analysis().genres().get(0).label(),
        a.analysis().quadrant(),
        a.analysis().valence(),
        a.analysis().arousal(),
        a.track().durationSeconds(),
        tk.tempo() == null ? null : tk.tempo().bpm(),
        tk.key());
  }

  /** The artist as the same-artist rule compares it: trimmed, lower case; empty when the tags name none. */
  String artistKey() {
    return artistKey(artist);
  }

  /** An artist's name as the same-artist rule compares it: trimmed, lower case; "" for none. */
  static String artistKey(String artist) {
    return artist == null ? "" : artist.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** "Artist – Title", or the file name when the tags say nothing. */
  public String displayName() {
    return Track.displayName(artist, title, path);
  }
}
