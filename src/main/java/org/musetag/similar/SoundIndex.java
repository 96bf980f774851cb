package org.musetag.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import org.musetag.ml.Analysis;

/**
 * The exact nearest-neighbour index of one model's analyses in a library: every track's {@link SoundVector} in one
 * contiguous array, scanned in full for each query (decision 0014: 100,000 tracks of 148 numbers are 59 MB and one
 * scan is a few milliseconds). Immutable and safe to share between threads.
 */
public final class SoundIndex {
  private final String model;
  private final int dim;
  private final float[] data;
  private final List<Placed> placed;
  private final int[] artist; // artist key id per row; 0 = unknown artist
  private final Map<Long, Integer> rowOfTrack;

  private SoundIndex(String model, int dim, float[] data, List<Placed> placed) {
    this.model = model;
    this.dim = dim;
    this.data = data;
    this.placed = List.copyOf(placed);
    this.artist = new int[placed.size()];
    this.rowOfTrack = new HashMap<>();
    Map<String, Integer> artistIds = new HashMap<>();
    for (int r = 0; r < placed.size(); r++) {
      String key = placed.get(r).artistKey();
      artist[r] = key.isEmpty() ? 0 : artistIds.computeIfAbsent(key, k -> artistIds.size() + 1);
      rowOfTrack.put(placed.get(r).trackId(), r);
    }
  }

  /** The index of the tracks {@code model} heard in the library, as the library has them now. */
  public static SoundIndex load(Library library, String model) throws LibraryException {
    Builder b = new Builder(model);
    library.analyses().forEach(model, b::add);
    return b.build();
  }

  /** Collects analysed tracks of one model; those without an embedding are left out. */
  public static final class Builder {
    private final String model;
    private float[] data = new float[0];
    private final List<Placed> placed = new ArrayList<>();
    private int dim = -1;

    public Builder(String model) {
      this.model = model;
    }

    /** Adds a track; an analysis of another model, or one that cannot be placed, is refused. */
    public boolean add(Analysed a) {
      Analysis an = a.analysis();
      if (!model.equals(an.model()) || !SoundVector.placeable(an)) {
        return false;
      }
      float[] v = SoundVector.of(an);
      if (dim < 0) {
        dim = v.length;
      } else if (v.length != dim) {
        return false; // not laid out like the others: cannot be compared
      }
      int n = placed.size();
      if ((n + 1) * dim > data.length) {
        data = Arrays.copyOf(data, Math.max(dim * 64, data.length * 2));
      }
      System.arraycopy(v, 0, data, n * dim, dim);
      placed.add(Placed.of(a));
      return true;
    }

    public SoundIndex build() {
      int d = Math.max(dim, 0);
      return new SoundIndex(model, d, Arrays.copyOf(data, placed.size() * d), placed);
    }
  }

  public String model() {
    return model;
  }

  public int size() {
    return placed.size();
  }

  /** How many numbers each track's vector has (0 for an empty index). */
  public int dimensions() {
    return dim;
  }

  public Placed placed(int row) {
    return placed.get(row);
  }

  /** The row of a library track, if this model heard it. */
  public OptionalInt rowOf(long trackId) {
    Integer r = rowOfTrack.get(trackId);
    return r == null ? OptionalInt.empty() : OptionalInt.of(r);
  }

  /** A copy of a row's vector. */
  public float[] vector(int row) {
    return Arrays.copyOfRange(data, row * dim, (row + 1) * dim);
  }

  /** Whether two rows name the same artist (an unknown artist is nobody's). */
  boolean sameArtist(int a, int b) {
    return artist[a] != 0 && artist[a] == artist[b];
  }

  /** The artist id of a row, 0 for unknown. */
  int artistOf(int row) {
    return artist[row];
  }

  /** The distance of row r's vector to q (both unit length): {@code 1 - cosine}. */
  public double distance(int row, float[] q) {
    return 1.0 - SoundVector.dot(data, row * dim, q);
  }

  /** A row and its distance to a query. */
  public record Hit(int row, double distance) {}

  /**
   * The {@code n} rows nearest to {@code q} among those {@code allowed} accepts, nearest first (ties by row). One
   * pass over every vector, a bounded heap of the best so far.
   */
  public List<Hit> nearest(float[] q, int n, IntPredicate allowed) {
    if (q.length != dim) {
      throw new IllegalArgumentException(
          "a vector of " + q.length + " numbers cannot be compared with this index's " + dim);
    }
    Comparator<Hit> worstFirst =
        Comparator.comparingDouble(Hit::distance).thenComparingInt(Hit::row).reversed();
    PriorityQueue<Hit> best = new PriorityQueue<>(Math.max(1, n + 1), worstFirst);
    int rows = placed.size();
    for (int r = 0; r < rows; r++) {
      double d = 1.0 - SoundVector.dot(data, r * dim, q);
      if (best.size() == n && d >= best.peek().distance()) {
        continue;
      }
      if (!allowed.test(r)) {
        continue;
      }
      best.add(new Hit(r, d));
      if (best.size() > n) {
        best.poll();
      }
    }
    List<Hit> out = new ArrayList<>(best);
    out.sort(worstFirst.reversed());
    return out;
  }

  /** Bytes the index holds for its vectors (what grows with the library; the per-track records come on top). */
  public long vectorBytes() {
    return (long) data.length * Float.BYTES;
  }
}
