package org.musetag.similar;

import java.util.Comparator;
import java.util.Map;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

/**
 * A track's sound as one unit vector, from what the library stores of its analysis: the first {@value
 * #EMBEDDING_NUMBERS} numbers of the model's embedding (the leading principal components of the pretrained networks'
 * pooled features), its genre probabilities, its quadrant probabilities and its valence/arousal point. Each part is
 * scaled to unit length and weighted, then the whole to unit length, so the distance of two tracks is {@code 1 -
 * cosine} (0 the same, 2 opposite). Parts and weights were chosen by precision@10 on train-v1 with out-of-fold
 * outputs ({@code models/training/similarity.py}, {@code docs/similarity.json}, decision 0014): the smallest vector
 * within 1 % of the best.
 */
public final class SoundVector {
  /** How many of the embedding's numbers are used: the first, the components that vary most. */
  static final int EMBEDDING_NUMBERS = 64;

  /** Weight of the embedding part. */
  static final float EMBEDDING = 1.0f;

  /** Weight of the genre probabilities. */
  static final float GENRE = 0.5f;

  /** Weight of the quadrant probabilities. */
  static final float QUADRANT = 0.5f;

  /** Weight of the valence/arousal point. */
  static final float POINT = 0.5f;

  private SoundVector() {}

  /** How many numbers the vector of an analysis has: its embedding, its genres, four quadrants and two axes. */
  public static int length(Analysis a) {
    return embeddingNumbers(a) + a.genres().size() + a.quadrants().size() + 2;
  }

  /**
   * The unit vector of an analysis; genres and quadrants in label order, so every analysis of one model lays its
   * numbers out the same way.
   */
  public static float[] of(Analysis a) {
    float[] v = new float[length(a)];
    int at = 0;
    at = put(v, at, java.util.Arrays.copyOf(a.embedding(), embeddingNumbers(a)), EMBEDDING);
    at =
        put(
            v,
            at,
            toArray(
                a.genres().stream()
                    .sorted(Comparator.comparing(LabelScore::label))
                    .mapToDouble(LabelScore::p)
                    .toArray()),
            GENRE);
    at =
        put(
            v,
            at,
            toArray(
                a.quadrants().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .mapToDouble(Map.Entry::getValue)
                    .toArray()),
            QUADRANT);
    put(v, at, new float[] {(float) a.valence(), (float) a.arousal()}, POINT);
    scale(v, 0, v.length, 1.0f);
    return v;
  }

  private static int embeddingNumbers(Analysis a) {
    return Math.min(EMBEDDING_NUMBERS, a.embedding().length);
  }

  /** Whether an analysis can be placed: it has an embedding, genres and quadrants. */
  public static boolean placeable(Analysis a) {
    return a.embedding() != null
        && a.embedding().length > 0
        && !a.genres().isEmpty()
        && !a.quadrants().isEmpty();
  }

  /** The distance of two unit vectors: {@code 1 - cosine}. */
  public static double distance(float[] a, float[] b) {
    return 1.0 - dot(a, 0, b);
  }

  /** The dot product of data[offset, offset + q.length) and q; four sums, so the loop pipelines. */
  static double dot(float[] data, int offset, float[] q) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = q.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += data[offset + i] * q[i];
      s1 += data[offset + i + 1] * q[i + 1];
      s2 += data[offset + i + 2] * q[i + 2];
      s3 += data[offset + i + 3] * q[i + 3];
    }
    for (; i < n; i++) {
      s0 += data[offset + i] * q[i];
    }
    return (double) s0 + s1 + s2 + s3;
  }

  private static float[] toArray(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static int put(float[] v, int at, float[] part, float weight) {
    System.arraycopy(part, 0, v, at, part.length);
    scale(v, at, part.length, weight);
    return at + part.length;
  }

  /** Scales v[at, at+n) to length {@code to}; an all-zero part stays zero. */
  private static void scale(float[] v, int at, int n, float to) {
    double s = 0;
    for (int i = at; i < at + n; i++) {
      s += (double) v[i] * v[i];
    }
    if (s == 0) {
      return;
    }
    float f = (float) (to / Math.sqrt(s));
    for (int i = at; i < at + n; i++) {
      v[i] *= f;
    }
  }
}
