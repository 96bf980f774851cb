package org.musetag.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import org.musetag.dsp.KeyEstimator.Key;
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
  /** Above this many tracks a query scans in parallel, one slice per core. */
  private static final int PARALLEL_FROM = 200_000;

  private final String model;
  private final int dim;
  private final float[] data;
  private final int size;
  // what a result shows, one array per field (a record per track would double the memory of a large
  // index)
  private final long[] trackIds;
  private final String[] paths;
  private final String[] titles;
  private final int[] artist; // id into artistNames; 0 = unknown
  private final String[] artistNames;
  private final byte[] genre;
  private final String[] genreNames;
  private final byte[] quadrant;
  private final float[] valence;
  private final float[] arousal;
  private final float[] seconds;
  private final float[] bpm; // NaN: not heard
  private final byte[] key; // 0: not heard, else 1 + tonic + 12 for minor
  private final long[] sortedIds; // trackIds sorted, with the row of each
  private final int[] rowOfSorted;

  private SoundIndex(String model, int dim, float[] data, List<Placed> placed) {
    this.model = model;
    this.dim = dim;
    this.data = data;
    this.size = placed.size();
    trackIds = new long[size];
    paths = new String[size];
    titles = new String[size];
    artist = new int[size];
    genre = new byte[size];
    quadrant = new byte[size];
    valence = new float[size];
    arousal = new float[size];
    seconds = new float[size];
    bpm = new float[size];
    key = new byte[size];
    Map<String, Integer> artistIds = new HashMap<>();
    List<String> artists = new ArrayList<>(List.of(""));
    Map<String, Integer> genreIds = new HashMap<>();
    List<String> genres = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      Placed p = placed.get(r);
      trackIds[r] = p.trackId();
      paths[r] = p.path().toString();
      titles[r] = p.title();
      String artistKey = p.artistKey();
      if (!artistKey.isEmpty()) {
        artist[r] =
            artistIds.computeIfAbsent(
                artistKey,
                k -> {
                  artists.add(p.artist());
                  return artists.size() - 1;
                });
      }
      genre[r] =
          (byte)
              (int)
                  genreIds.computeIfAbsent(
                      p.genre(),
                      g -> {
                        genres.add(g);
                        return genres.size() - 1;
                      });
      quadrant[r] = (byte) (p.quadrant().charAt(1) - '0');
      valence[r] = (float) p.valence();
      arousal[r] = (float) p.arousal();
      seconds[r] = (float) p.durationSeconds();
      bpm[r] = p.bpm() == null ? Float.NaN : p.bpm().floatValue();
      key[r] = p.key() == null ? 0 : (byte) (1 + p.key().tonic() + (p.key().minor() ? 12 : 0));
    }
    if (genres.size() > 127) {
      throw new IllegalArgumentException("more than 127 genres: " + genres.size());
    }
    artistNames = artists.toArray(String[]::new);
    genreNames = genres.toArray(String[]::new);
    Integer[] order = new Integer[size];
    for (int r = 0; r < size; r++) {
      order[r] = r;
    }
    Arrays.sort(order, Comparator.comparingLong(r -> trackIds[r]));
    sortedIds = new long[size];
    rowOfSorted = new int[size];
    for (int i = 0; i < size; i++) {
      sortedIds[i] = trackIds[order[i]];
      rowOfSorted[i] = order[i];
    }
  }

  /** The index of the tracks {@code model} heard in the library, as the library has them now. */
  public static SoundIndex load(Library library, String model) throws LibraryException {
    return load(library, model, () -> false, n -> {});
  }

  /**
   * As {@link #load(Library, String)}, stopping with a {@link java.util.concurrent.CancellationException} once
   * {@code cancelled} turns true, and telling {@code read} every 5,000 tracks how many it has read.
   */
  public static SoundIndex load(
      Library library,
      String model,
      java.util.function.BooleanSupplier cancelled,
      java.util.function.IntConsumer read)
      throws LibraryException {
    Builder b = new Builder(model);
    int[] n = {0};
    library
        .analyses()
        .forEach(
            model,
            a -> {
              if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("cancelled");
              }
              b.add(a);
              if (++n[0] % 5000 == 0) {
                read.accept(n[0]);
              }
            });
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
    return size;
  }

  /** How many numbers each track's vector has (0 for an empty index). */
  public int dimensions() {
    return dim;
  }

  /** What the index keeps of a row's track. */
  public Placed placed(int row) {
    return new Placed(
        trackIds[row],
        Path.of(paths[row]),
        artistNames[artist[row]].isEmpty() ? null : artistNames[artist[row]],
        titles[row],
        genreNames[genre[row]],
        "Q" + quadrant[row],
        valence[row],
        arousal[row],
        seconds[row],
        Float.isNaN(bpm[row]) ? null : (double) bpm[row],
        key(row));
  }

  /** The key of a row, null when not heard. */
  Key key(int row) {
    int k = key[row];
    return k == 0 ? null : new Key((k - 1) % 12, k > 12, 1);
  }

  /** Whether the filter keeps a row. */
  boolean keeps(int row, TempoKeyFilter f) {
    return f.isAny() || f.keeps(Float.isNaN(bpm[row]) ? null : (double) bpm[row], key(row));
  }

  /** The file of a row, as the library has it. */
  String path(int row) {
    return paths[row];
  }

  /** The most likely genre of a row. */
  String genre(int row) {
    return genreNames[genre[row]];
  }

  /** The quadrant of a row, 1..4. */
  int quadrant(int row) {
    return quadrant[row];
  }

  /** The row of a library track, if this model heard it. */
  public OptionalInt rowOf(long trackId) {
    int i = Arrays.binarySearch(sortedIds, trackId);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(rowOfSorted[i]);
  }

  /** The artist id of the first row whose artist is {@code name} (trimmed, any case); 0 when none is. */
  int artistId(String name) {
    String key = Placed.artistKey(name);
    for (int id = 1; id < artistNames.length && !key.isEmpty(); id++) {
      if (Placed.artistKey(artistNames[id]).equals(key)) {
        return id;
      }
    }
    return 0;
  }

  /** A copy of a row's vector. */
  public float[] vector(int row) {
    return Arrays.copyOfRange(data, row * dim, (row + 1) * dim);
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
    if (size < PARALLEL_FROM) {
      return sorted(scan(q, n, allowed, 0, size));
    }
    int slices = Runtime.getRuntime().availableProcessors();
    PriorityQueue<Hit> all = new PriorityQueue<>(WORST_FIRST);
    java.util.stream.IntStream.range(0, slices)
        .parallel()
        .mapToObj(
            i ->
                scan(
                    q,
                    n,
                    allowed,
                    (int) ((long) size * i / slices),
                    (int) ((long) size * (i + 1) / slices)))
        .toList()
        .forEach(
            h -> {
              all.addAll(h);
              while (all.size() > n) {
                all.poll();
              }
            });
    return sorted(all);
  }

  private static final Comparator<Hit> WORST_FIRST =
      Comparator.comparingDouble(Hit::distance).thenComparingInt(Hit::row).reversed();

  /** The best n of rows [from, to) in a bounded heap, worst on top. */
  private PriorityQueue<Hit> scan(float[] q, int n, IntPredicate allowed, int from, int to) {
    PriorityQueue<Hit> best = new PriorityQueue<>(Math.max(1, n + 1), WORST_FIRST);
    for (int r = from; r < to; r++) {
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
    return best;
  }

  private static List<Hit> sorted(PriorityQueue<Hit> heap) {
    List<Hit> out = new ArrayList<>(heap);
    out.sort(WORST_FIRST.reversed());
    return out;
  }

  /** Bytes the index holds for its vectors (what grows with the library; the per-track records come on top). */
  public long vectorBytes() {
    return (long) data.length * Float.BYTES;
  }
}
