package org.musetag.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.musetag.similar.SoundIndex.Hit;

/**
 * The neighbours a user asks for: never the query itself (nor another entry of its file), by default tracks by
 * other artists first (the query's artist only fills what is left), optionally only one top genre or one quadrant,
 * a BPM range or the keys that mix with one.
 */
public final class SimilarSongs {
  private final SoundIndex index;

  public SimilarSongs(SoundIndex index) {
    this.index = index;
  }

  /**
   * What to list.
   *
   * @param count how many neighbours
   * @param sameArtist rank the query's artist like anyone else (off: other artists first)
   * @param genre only tracks whose most likely genre is this (null: any)
   * @param quadrant only tracks in this quadrant, "Q1".."Q4" (null: any)
   * @param tempoKey tempo and key filters ({@link TempoKeyFilter#ANY}: none)
   */
  public record Options(
      int count, boolean sameArtist, String genre, String quadrant, TempoKeyFilter tempoKey) {
    public Options(int count, boolean sameArtist, String genre, String quadrant) {
      this(count, sameArtist, genre, quadrant, TempoKeyFilter.ANY);
    }

    public Options {
      tempoKey = tempoKey == null ? TempoKeyFilter.ANY : tempoKey;
      if (count < 1) {
        throw new IllegalArgumentException("ask for at least one neighbour, not " + count);
      }
      genre = genre == null ? null : genre.toLowerCase(Locale.ROOT);
      quadrant = quadrant == null ? null : quadrant.toUpperCase(Locale.ROOT);
    }

    public static Options nearest(int count) {
      return new Options(count, false, null, null);
    }
  }

  /** One neighbour: its place in the list (1 = nearest), the track, and its distance (1 - cosine, 0..2). */
  public record Neighbour(int rank, Placed track, double distance) {}

  /** The neighbours of a library track of this index. */
  public List<Neighbour> of(int row, Options o) {
    return list(index.vector(row), index.placed(row).path(), index.artistOf(row), o);
  }

  /**
   * The neighbours of a vector from outside the index (a file heard for the query and not added): rows of its file
   * are never listed, and rows by {@code artist} (may be null) come after the others unless {@code sameArtist}.
   */
  public List<Neighbour> of(float[] vector, Path file, String artist, Options o) {
    return list(vector, file, index.artistId(artist), o);
  }

  private List<Neighbour> list(float[] q, Path file, int artistId, Options o) {
    String own = file == null ? null : file.toString();
    int quadrant = o.quadrant() == null ? 0 : o.quadrant().charAt(1) - '0';
    IntPredicate wanted =
        r ->
            !index.path(r).equals(own)
                && (o.genre() == null || o.genre().equals(index.genre(r)))
                && (quadrant == 0 || index.quadrant(r) == quadrant)
                && index.keeps(r, o.tempoKey());
    List<Hit> hits;
    if (o.sameArtist() || artistId == 0) {
      hits = index.nearest(q, o.count(), wanted);
    } else {
      hits =
          new ArrayList<>(
              index.nearest(q, o.count(), wanted.and(r -> index.artistOf(r) != artistId)));
      if (hits.size() < o.count()) {
        hits.addAll(
            index.nearest(
                q, o.count() - hits.size(), wanted.and(r -> index.artistOf(r) == artistId)));
      }
    }
    List<Neighbour> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      out.add(new Neighbour(out.size() + 1, index.placed(h.row()), h.distance()));
    }
    return out;
  }
}
