package org.musetag.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

/** Analysed tracks made up for the index's own tests: their vectors are random, their layout is the model's. */
final class Analyses {
  static final String MODEL = "musetag-base@2.0.0";
  static final List<String> GENRES = List.of("blues", "classical", "jazz", "rock");

  private Analyses() {}

  static Analysed track(long id, String artist, String genre, String quadrant, float[] embedding) {
    return track(id, artist, genre, quadrant, embedding, MODEL);
  }

  static Analysed track(
      long id, String artist, String genre, String quadrant, float[] embedding, String model) {
    List<LabelScore> genres = new ArrayList<>();
    genres.add(new LabelScore(genre, 0.7));
    GENRES.stream().filter(g -> !g.equals(genre)).forEach(g -> genres.add(new LabelScore(g, 0.1)));
    Map<String, Double> quadrants = new LinkedHashMap<>();
    for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
      quadrants.put(q, q.equals(quadrant) ? 0.7 : 0.1);
    }
    double v = quadrant.equals("Q1") || quadrant.equals("Q4") ? 0.5 : -0.5;
    double a = quadrant.equals("Q1") || quadrant.equals("Q2") ? 0.5 : -0.5;
    Track t =
        new Track(
            id,
            Path.of("/music/" + id + ".ogg"),
            1000 + id,
            1,
            Track.OK,
            null,
            "ogg",
            "vorbis",
            60,
            "Song " + id,
            artist,
            "Album",
            null,
            null);
    return new Analysed(
        t, new Analysis(genres, quadrant, quadrants, v, a, 0.7, embedding, model, List.of()));
  }

  static float[] random(Random rnd, int n) {
    float[] e = new float[n];
    for (int i = 0; i < n; i++) {
      e[i] = (float) rnd.nextGaussian();
    }
    return e;
  }

  /** n tracks of random embeddings, artists a0..a9, genres and quadrants in turn. */
  static SoundIndex index(int n, long seed) {
    Random rnd = new Random(seed);
    SoundIndex.Builder b = new SoundIndex.Builder(MODEL);
    for (int i = 0; i < n; i++) {
      b.add(
          track(
              i,
              "a" + (i % 10),
              GENRES.get(i % GENRES.size()),
              "Q" + (1 + i % 4),
              random(rnd, 16)));
    }
    return b.build();
  }

  /**
   * n tracks whose 16-number embeddings lie near a plane (two hidden coordinates, mapped linearly, plus a little
   * noise), and whose genre and quadrant follow the same coordinates, as music's outputs follow its sound: there
   * are gradual paths between any two.
   */
  static SoundIndex structured(int n, long seed) {
    Random rnd = new Random(seed);
    float[][] map = {random(rnd, 16), random(rnd, 16)};
    SoundIndex.Builder b = new SoundIndex.Builder(MODEL);
    for (int i = 0; i < n; i++) {
      double x = rnd.nextGaussian();
      double y = rnd.nextGaussian();
      float[] e = new float[16];
      for (int k = 0; k < 16; k++) {
        e[k] = (float) (x * map[0][k] + y * map[1][k] + 0.05 * rnd.nextGaussian());
      }
      String quadrant = x >= 0 ? (y >= 0 ? "Q1" : "Q4") : (y >= 0 ? "Q2" : "Q3");
      b.add(track(i, "a" + (i % 10), GENRES.get(x + y >= 0 ? 0 : 1), quadrant, e));
    }
    return b.build();
  }
}
