package org.musetag.similar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A journey from one song to another whose steps change gradually. Step i aims at the point i/(n-1) of the way
 * from A's vector to B's (normalised: on the sphere the vectors live on) and at (1 - i/(n-1)) of A's distance from B; of
 * the tracks not used yet that are closer to B than the previous step, the one that misses both least (distance to
 * the point plus the error in distance from B) is taken: a track near B but far from the step's point would end the
 * journey early. So every step is nearer B than the last, each is
 * near its aim (and so near the previous one), and no song comes twice. When no track is left that gets closer to B,
 * the journey goes straight to B and is shorter than asked.
 */
public final class Journey {
  private Journey() {}

  /** The rows of a journey from row {@code from} to row {@code to}, both included, at most {@code steps} long. */
  public static List<Integer> plan(SoundIndex index, int from, int to, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("a journey has at least its two ends, not " + steps);
    }
    if (from == to) {
      throw new IllegalArgumentException("a journey goes from one song to another, not to itself");
    }
    float[] a = index.vector(from);
    float[] b = index.vector(to);
    List<Integer> path = new ArrayList<>();
    path.add(from);
    Set<Integer> used = new HashSet<>(Set.of(from, to));
    double leap = index.distance(from, b);
    double prevToB = leap;
    for (int i = 1; i < steps - 1; i++) {
      double t = (double) i / (steps - 1);
      float[] aim = towards(a, b, t);
      double due = (1 - t) * leap; // how far from B this step should be
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int r = 0; r < index.size(); r++) {
        double toB = index.distance(r, b);
        if (used.contains(r) || toB >= prevToB) {
          continue;
        }
        double d = index.distance(r, aim) + Math.abs(toB - due);
        if (d < bestD) {
          bestD = d;
          best = r;
        }
      }
      if (best < 0) {
        break;
      }
      path.add(best);
      used.add(best);
      prevToB = index.distance(best, b);
    }
    path.add(to);
    return path;
  }

  /** The unit vector t of the way from a to b. */
  static float[] towards(float[] a, float[] b, double t) {
    float[] v = new float[a.length];
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((1 - t) * a[i] + t * b[i]);
      s += (double) v[i] * v[i];
    }
    if (s > 0) {
      float f = (float) (1 / Math.sqrt(s));
      for (int i = 0; i < v.length; i++) {
        v[i] *= f;
      }
    }
    return v;
  }
}
