package org.musetag.ui.player;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.musetag.ui.display.MelPicture;

/**
 * The scrolling live spectrogram: the last {@link #COLUMNS} mel frames (16 ms each, about 16 s) in a ring image, one
 * column written per new frame, drawn in two pieces so the newest frame is at the right edge. Per screen frame the
 * work is a few pixel columns and two image copies, whatever the canvas size. Counts its redraws per second.
 */
final class SpectrogramCanvas {
  static final int COLUMNS = 1024;
  static final int BANDS = 64;
  static final double FRAMES_PER_SECOND = 16_000 / 256.0;
  private static final int AXIS = 18;
  private static final int EMPTY = 0xFF10101A;

  private final Canvas canvas = new Canvas(800, 300);
  private final WritableImage ring = new WritableImage(COLUMNS, BANDS);
  private final int[] column = new int[BANDS];

  /** The newest frame drawn; starts a full width before the track so the first draw fills the ring. */
  private long lastFrame = -COLUMNS - 1L;

  private double maxDb = -30;
  private int redraws;
  private long windowStart;
  private double framesPerSecond;

  SpectrogramCanvas() {
    canvas.setId("spectrogram");
    clear();
  }

  Canvas canvas() {
    return canvas;
  }

  /** Redraws for the moment {@code positionSeconds} of the track; call once per screen frame. */
  void draw(double positionSeconds, SpectrogramFeed feed, long nowNanos) {
    long current = (long) Math.floor(positionSeconds * FRAMES_PER_SECOND);
    if (current < lastFrame || current > lastFrame + COLUMNS) {
      clear();
      lastFrame = current - COLUMNS;
    }
    for (long f = lastFrame + 1; f <= current; f++) {
      writeColumn(f, f < 0 ? null : feed.get(f));
    }
    lastFrame = current;
    paint(current);
    count(nowNanos);
  }

  private void writeColumn(long frame, float[] mel) {
    if (mel == null) {
      Arrays.fill(column, EMPTY);
    } else {
      double frameMax = Double.NEGATIVE_INFINITY;
      for (float v : mel) {
        frameMax = Math.max(frameMax, v);
      }
      maxDb = Math.max(maxDb - 0.01, frameMax);
      for (int b = 0; b < BANDS; b++) {
        column[BANDS - 1 - b] = MelPicture.colour(mel[b], maxDb);
      }
    }
    int x = (int) Math.floorMod(frame, (long) COLUMNS);
    ring.getPixelWriter().setPixels(x, 0, 1, BANDS, PixelFormat.getIntArgbInstance(), column, 0, 1);
  }

  private void paint(long current) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight() - AXIS;
    int head = (int) Math.floorMod(current + 1, (long) COLUMNS);
    double scale = w / COLUMNS;
    g.setImageSmoothing(false);
    g.drawImage(ring, head, 0, COLUMNS - head, BANDS, 0, 0, (COLUMNS - head) * scale, h);
    if (head > 0) {
      g.drawImage(ring, 0, 0, head, BANDS, (COLUMNS - head) * scale, 0, head * scale, h);
    }
    g.setFill(Color.web("#f4f5f7"));
    g.fillRect(0, h, w, AXIS);
    g.setFill(Color.web("#5e6673"));
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.CENTER);
    double secondsShown = COLUMNS / FRAMES_PER_SECOND;
    for (int s = 0; s <= (int) secondsShown; s += 2) {
      double x = w - s / secondsShown * w;
      g.fillRect(x - 0.5, h, 1, 4);
      g.fillText(s == 0 ? "now" : "-" + s + " s", Math.max(12, Math.min(w - 14, x)), h + 4);
    }
  }

  private void clear() {
    int[] dark = new int[COLUMNS * BANDS];
    Arrays.fill(dark, EMPTY);
    ring.getPixelWriter()
        .setPixels(0, 0, COLUMNS, BANDS, PixelFormat.getIntArgbInstance(), dark, 0, COLUMNS);
  }

  private void count(long nowNanos) {
    if (windowStart == 0) {
      windowStart = nowNanos;
    }
    redraws++;
    if (nowNanos - windowStart >= 1_000_000_000L) {
      framesPerSecond = redraws * 1e9 / (nowNanos - windowStart);
      redraws = 0;
      windowStart = nowNanos;
    }
  }

  /** Redraws in the last whole second. */
  double framesPerSecond() {
    return framesPerSecond;
  }
}
