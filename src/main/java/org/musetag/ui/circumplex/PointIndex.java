package org.musetag.ui.circumplex;

import java.util.Arrays;

/**
 * A uniform grid over the circumplex for hit-testing many points: each cell lists the points in it (compressed, two
 * int arrays), so the point under the mouse and the points in a rubber band are found by looking at a few cells
 * rather than every point. Immutable; built once per data set.
 */
public final class PointIndex {
  static final double MIN = -1.0;
  static final double MAX = 1.0;

  private final float[] xs;
  private final float[] ys;
  private final int cells;
  private final int[] start;
  private final int[] members;

  /** Points (valence, arousal); values outside [-1, 1] are filed in the edge cells. */
  public PointIndex(float[] xs, float[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("xs and ys differ in length");
    }
    this.xs = xs;
    this.ys = ys;
    this.cells = Math.max(8, Math.min(512, (int) Math.sqrt(xs.length / 4.0)));
    int[] counts = new int[cells * cells + 1];
    for (int i = 0; i < xs.length; i++) {
      counts[cell(xs[i], ys[i]) + 1]++;
    }
    for (int c = 1; c < counts.length; c++) {
      counts[c] += counts[c - 1];
    }
    this.start = counts.clone();
    this.members = new int[xs.length];
    int[] fill = Arrays.copyOf(counts, counts.length - 1);
    for (int i = 0; i < xs.length; i++) {
      members[fill[cell(xs[i], ys[i])]++] = i;
    }
  }

  public int size() {
    return xs.length;
  }

  /** The point nearest to (x, y) within {@code radius} data units, or -1. */
  public int nearest(double x, double y, double radius) {
    int best = -1;
    double bestD2 = radius * radius;
    int c0 = column(x - radius);
    int c1 = column(x + radius);
    int r0 = column(y - radius);
    int r1 = column(y + radius);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cell = r * cells + c;
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          int i = members[k];
          double dx = xs[i] - x;
          double dy = ys[i] - y;
          double d2 = dx * dx + dy * dy;
          if (d2 <= bestD2) {
            bestD2 = d2;
            best = i;
          }
        }
      }
    }
    return best;
  }

  /** Every point inside the rectangle with corners (x0, y0) and (x1, y1), in index order. */
  public int[] within(double x0, double y0, double x1, double y1) {
    double minX = Math.min(x0, x1);
    double maxX = Math.max(x0, x1);
    double minY = Math.min(y0, y1);
    double maxY = Math.max(y0, y1);
    int[] out = new int[16];
    int n = 0;
    for (int r = column(minY); r <= column(maxY); r++) {
      for (int c = column(minX); c <= column(maxX); c++) {
        int cell = r * cells + c;
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          int i = members[k];
          if (xs[i] >= minX && xs[i] <= maxX && ys[i] >= minY && ys[i] <= maxY) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = i;
          }
        }
      }
    }
    int[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  private int cell(double x, double y) {
    return column(y) * cells + column(x);
  }

  private int column(double v) {
    int c = (int) Math.floor((v - MIN) / (MAX - MIN) * cells);
    return Math.max(0, Math.min(cells - 1, c));
  }
}
