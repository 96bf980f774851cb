package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hit-testing and rubber bands on 100,000 points agree with looking at every point, and are fast. */
class PointIndexTest {
  private static final int N = 100_000;
  private final float[] xs = new float[N];
  private final float[] ys = new float[N];

  PointIndexTest() {
    Random r = new Random(7);
    for (int i = 0; i < N; i++) {
      xs[i] = (float) Math.max(-1, Math.min(1, r.nextGaussian() * 0.4));
      ys[i] = (float) Math.max(-1, Math.min(1, r.nextGaussian() * 0.4));
    }
  }

  @Test
  void nearestAndRectangleMatchBruteForce() {
    PointIndex index = new PointIndex(xs, ys);
    Random r = new Random(3);
    for (int q = 0; q < 200; q++) {
      double x = r.nextDouble() * 2 - 1;
      double y = r.nextDouble() * 2 - 1;
      int found = index.nearest(x, y, 0.02);
      double best =
          IntStream.range(0, N)
              .mapToDouble(i -> Math.hypot(xs[i] - x, ys[i] - y))
              .min()
              .orElseThrow();
      if (best > 0.02) {
        assertThat(found).isEqualTo(-1);
      } else {
        assertThat(Math.hypot(xs[found] - x, ys[found] - y)).isEqualTo(best);
      }
    }
    int[] inside = index.within(0.3, -0.1, -0.2, 0.25);
    int[] expected =
        IntStream.range(0, N)
            .filter(i -> xs[i] >= -0.2 && xs[i] <= 0.3 && ys[i] >= -0.1 && ys[i] <= 0.25)
            .toArray();
    assertThat(inside).containsExactly(expected);
  }

  @Test
  @Tag("timing")
  void aHoverLookupTakesMicroseconds() {
    PointIndex index = new PointIndex(xs, ys);
    Random r = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      index.nearest(r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, 0.01); // warm up
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      index.nearest(r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, 0.01);
    }
    double microsEach = (System.nanoTime() - t0) / 1e3 / 10_000;
    assertThat(microsEach).as("µs per hover lookup among 100,000 points").isLessThan(200);
  }

  @Test
  @Tag("timing")
  void drawingHundredThousandPointsTakesFewMilliseconds() {
    Viewport view = new Viewport();
    view.resize(1000, 700);
    int[] pixels = new int[1000 * 700];
    int[] colours = new int[N];
    java.util.Arrays.fill(colours, 0xFF4E79A7);
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      PointRaster.draw(pixels, 1000, 700, view, xs, ys, colours, new int[] {1, 2, 3}, 2);
      best = Math.min(best, System.nanoTime() - t0);
    }
    assertThat(best / 1e6).as("ms to draw 100,000 points").isLessThan(30);
    assertThat(pixels[350 * 1000 + 500]).isEqualTo(0xFF4E79A7); // the dense centre is painted
  }
}
