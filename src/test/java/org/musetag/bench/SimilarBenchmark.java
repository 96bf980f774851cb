package org.musetag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.ScannedFile;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.similar.SimilarSongs;
import org.musetag.similar.SoundIndex;

/**
 * Similar-songs speed and memory (docs/benchmarks.md): a real SQLite library of N tracks with analyses laid out like
 * musetag-base 2.0.0's (128-number embedding, 14 genres, 4 quadrants, valence/arousal; the numbers are random: a
 * full scan costs the same whatever they are), the index loaded from it, then warm queries (20 neighbours, other
 * artists first), median of 201; and, without SQLite, the same index in memory at 1,000,000 tracks.
 *
 * <p>Usage: {@code bench/similar.sh [TRACKS] [BIG]} (defaults 100000 and 1000000).
 */
public final class SimilarBenchmark {
  private static final String MODEL = "musetag-base@2.0.0";
  private static final List<String> GENRES =
      List.of(
          "blues",
          "classical",
          "country",
          "disco",
          "electronic",
          "folk",
          "hiphop",
          "jazz",
          "latin",
          "metal",
          "pop",
          "reggae",
          "rnb",
          "rock");

  private SimilarBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int big = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Path dir = Files.createTempDirectory("musetag-similar-bench");
    Path db = dir.resolve("library.db");
    Random rnd = new Random(42);
    long t0 = System.nanoTime();
    try (Library library = Library.open(db)) {
      int batch = 5000;
      for (int from = 0; from < n; from += batch) {
        int to = Math.min(n, from + batch);
        int start = from;
        library.inTransaction(
            () -> {
              for (int i = start; i < to; i++) {
                Path p = Path.of("/music/artist-" + (i % 5000) + "/album/track-" + i + ".ogg");
                library
                    .tracks()
                    .upsert(
                        new ScannedFile(
                            p,
                            4_000_000 + i,
                            1_700_000_000_000L + i,
                            null,
                            "ogg",
                            "vorbis",
                            200,
                            44100,
                            2,
                            Map.of("artist", "Artist " + (i % 5000), "title", "Track " + i)),
                        1);
                Track t = library.tracks().byPath(p);
                library.analyses().store(t, analysis(rnd), 1);
              }
            });
      }
    }
    System.out.printf(
        "library: %d tracks written in %.1f s (%d MB on disk)%n",
        n, (System.nanoTime() - t0) / 1e9, Files.size(db) >> 20);

    long before = usedHeap();
    t0 = System.nanoTime();
    SoundIndex index;
    try (Library library = Library.open(db)) {
      index = SoundIndex.load(library, MODEL);
    }
    double loadS = (System.nanoTime() - t0) / 1e9;
    long heap = usedHeap() - before;
    System.out.printf(
        "index: %d tracks x %d numbers loaded from SQLite in %.2f s; vectors %.1f MB, heap held %.1f MB%n",
        index.size(), index.dimensions(), loadS, index.vectorBytes() / 1e6, heap / 1e6);
    report("query, " + n + " tracks", index, rnd);
    index = null;

    before = usedHeap();
    SoundIndex.Builder b = new SoundIndex.Builder(MODEL);
    for (int i = 0; i < big; i++) {
      b.add(placed(i, rnd));
    }
    SoundIndex large = b.build();
    b = null; // what the builder collected is garbage now: only the index is held
    heap = usedHeap() - before;
    System.out.printf(
        "in memory: %d tracks, vectors %.1f MB, heap held %.1f MB%n",
        large.size(), large.vectorBytes() / 1e6, heap / 1e6);
    report("query, " + big + " tracks", large, rnd);
    for (Path f : List.of(db, dir)) {
      Files.deleteIfExists(f);
    }
  }

  private static void report(String what, SoundIndex index, Random rnd) {
    SimilarSongs songs = new SimilarSongs(index);
    for (int i = 0; i < 30; i++) { // warm up: JIT
      songs.of(rnd.nextInt(index.size()), SimilarSongs.Options.nearest(20));
    }
    double[] ms = new double[201];
    for (int i = 0; i < ms.length; i++) {
      int row = rnd.nextInt(index.size());
      long t = System.nanoTime();
      songs.of(row, SimilarSongs.Options.nearest(20));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "%s: median %.1f ms, p90 %.1f ms, max %.1f ms (201 warm queries, 20 neighbours)%n",
        what, ms[100], ms[180], ms[200]);
  }

  private static Analysed placed(int i, Random rnd) {
    Track t =
        new Track(
            i,
            Path.of("/music/artist-" + (i % 5000) + "/album/track-" + i + ".ogg"),
            1,
            1,
            Track.OK,
            null,
            "ogg",
            "vorbis",
            200,
            "Track " + i,
            "Artist " + (i % 5000),
            "Album",
            null,
            null);
    return new Analysed(t, analysis(rnd));
  }

  private static Analysis analysis(Random rnd) {
    float[] e = new float[128];
    for (int k = 0; k < e.length; k++) {
      e[k] = (float) rnd.nextGaussian();
    }
    double[] g = new double[GENRES.size()];
    double sum = 0;
    for (int k = 0; k < g.length; k++) {
      g[k] = rnd.nextDouble();
      sum += g[k];
    }
    List<LabelScore> genres = new ArrayList<>();
    for (int k = 0; k < g.length; k++) {
      genres.add(new LabelScore(GENRES.get(k), g[k] / sum));
    }
    genres.sort((x, y) -> Double.compare(y.p(), x.p()));
    Map<String, Double> quadrants = new LinkedHashMap<>();
    int q = rnd.nextInt(4);
    for (int k = 0; k < 4; k++) {
      quadrants.put("Q" + (k + 1), k == q ? 0.7 : 0.1);
    }
    return new Analysis(
        genres,
        "Q" + (q + 1),
        quadrants,
        rnd.nextDouble() * 2 - 1,
        rnd.nextDouble() * 2 - 1,
        0.7,
        e,
        MODEL,
        List.of());
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
