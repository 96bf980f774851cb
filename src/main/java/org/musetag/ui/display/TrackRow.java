package org.musetag.ui.display;

import java.nio.file.Path;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.Quadrant;

/**
 * One track as the library table, the circumplex and the player show it: its tags and, when analysed, what the
 * model heard. Immutable; {@code quadrant} is null and the numbers are NaN for a track not analysed yet.
 *
 * @param tagGenre the genre the file's own tags hold
 * @param topGenre the model's most likely genre (model label, e.g. "hiphop"), null when not analysed
 * @param bpm the tempo heard, NaN when not heard
 * @param key the key heard and its Camelot code ("A minor · 8A"), null when not heard
 */
public record TrackRow(
    long id,
    Path path,
    String artist,
    String title,
    String album,
    String tagGenre,
    double durationSeconds,
    String topGenre,
    double topGenreP,
    Quadrant quadrant,
    double confidence,
    double valence,
    double arousal,
    double bpm,
    String key) {

  /** A row without tempo and key (NaN and null). */
  public TrackRow(
      long id,
      Path path,
      String artist,
      String title,
      String album,
      String tagGenre,
      double durationSeconds,
      String topGenre,
      double topGenreP,
      Quadrant quadrant,
      double confidence,
      double valence,
      double arousal) {
    this(
        id,
        path,
        artist,
        title,
        album,
        tagGenre,
        durationSeconds,
        topGenre,
        topGenreP,
        quadrant,
        confidence,
        valence,
        arousal,
        Double.NaN,
        null);
  }

  public static TrackRow of(Track t, Analysis a) {
    String artist = t.artist() == null ? "" : t.artist();
    String title =
        t.title() == null || t.title().isBlank() ? t.path().getFileName().toString() : t.title();
    String album = t.album() == null ? "" : t.album();
    String genre = t.genre() == null ? "" : t.genre();
    if (a == null) {
      return new TrackRow(
          t.id(),
          t.path(),
          artist,
          title,
          album,
          genre,
          t.durationSeconds(),
          null,
          Double.NaN,
          null,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
    return new TrackRow(
        t.id(),
        t.path(),
        artist,
        title,
        album,
        genre,
        t.durationSeconds(),
        a.genres().get(0).label(),
        a.genres().get(0).p(),
        Quadrant.valueOf(a.quadrant()),
        a.confidence(),
        a.valence(),
        a.arousal(),
        a.tempoKey().tempo() == null ? Double.NaN : a.tempoKey().tempo().bpm(),
        a.tempoKey().key() == null
            ? null
            : a.tempoKey().key().name() + " · " + a.tempoKey().key().camelot());
  }

  /** "128.0 BPM · A minor · 8A", what of it was heard, or "" when neither was (the player shows it). */
  public String tempoKeyText() {
    String bpmText = Double.isNaN(bpm) ? "" : String.format(java.util.Locale.ROOT, "%.1f BPM", bpm);
    if (key == null) {
      return bpmText;
    }
    return bpmText.isEmpty() ? key : bpmText + " · " + key;
  }

  public boolean analysed() {
    return quadrant != null;
  }

  /** "Artist – Title", or the title alone. */
  public String displayName() {
    return artist.isBlank() ? title : artist + " – " + title;
  }

  /** "Q1 happy, energetic", or "" when not analysed. */
  public String moodText() {
    return quadrant == null ? "" : quadrant.name() + " " + String.join(", ", quadrant.words());
  }
}
