package org.musetag.ui.circumplex;

import java.util.Arrays;

/**
 * Draws many points into an ARGB pixel buffer, a small square each: for 100,000 points this is a few milliseconds,
 * where one Canvas call per point would not stay fluid. The view copies the buffer into an image once per redraw.
 */
public final class PointRaster {
  private PointRaster() {}

  /**
   * @param pixels {@code width * height} ARGB pixels, drawn over (the background is left as it is)
   * @param colours ARGB colour per point
   * @param highlight points drawn larger and last (selection); may be empty
   * @param size side of a point's square in pixels
   */
  public static void draw(
      int[] pixels,
      int width,
      int height,
      Viewport view,
      float[] xs,
      float[] ys,
      int[] colours,
      int[] highlight,
      int size) {
    for (int i = 0; i < xs.length; i++) {
      square(pixels, width, height, view.toScreenX(xs[i]), view.toScreenY(ys[i]), size, colours[i]);
    }
    for (int i : highlight) {
      int x = (int) Math.round(view.toScreenX(xs[i]));
      int y = (int) Math.round(view.toScreenY(ys[i]));
      square(pixels, width, height, x, y, size + 4, 0xFF000000);
      square(pixels, width, height, x, y, size + 2, colours[i]);
    }
  }

  private static void square(
      int[] pixels, int width, int height, double cx, double cy, int size, int argb) {
    int x0 = (int) Math.round(cx) - size / 2;
    int y0 = (int) Math.round(cy) - size / 2;
    int x1 = Math.min(width, x0 + size);
    int y1 = Math.min(height, y0 + size);
    x0 = Math.max(0, x0);
    for (int y = Math.max(0, y0); y < y1; y++) {
      if (x0 < x1) {
        Arrays.fill(pixels, y * width + x0, y * width + x1, argb);
      }
    }
  }
}
