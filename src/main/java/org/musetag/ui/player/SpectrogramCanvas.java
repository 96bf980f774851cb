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
import org.musetag.dsp.BeatGrid;
import org.musetag.ui.display.MelPicture;

/**
 * The scrolling live spectrogram: the last {@link #COLUMNS} mel frames (16 ms each, about 16 s) in a ring image, one
 * column written per new frame, drawn in two pieces so the newest frame is at the right edge. Per screen frame the
 * work is a few pixel columns and two image copies, whatever the canvas size. Counts its redraws per second. When
 * the track's tempo is known, marks its beats: the {@link BeatGrid} at that tempo that lines up with the onsets
 * (the dB rise between frames) of what is shown, placed again every quarter of a second.
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
  private final double[] onsets = new double[COLUMNS]; // by frame, in the ring's slots
  private float[] previousMel;

  /** The first frame of the track in view since the last clear (earlier slots are empty). */
  private long firstFrame = Long.MAX_VALUE;

  private long gridFrame = Long.MIN_VALUE;
  private double gridBpm = Double.NaN;
  private double[] beats = new double[0]; // frames, absolute

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

  /**
   * Redraws for the moment {@code positionSeconds} of the track, marking the beats at {@code bpm} (NaN: unknown, no
   * marks); call once per screen frame.
   */
  void draw(double positionSeconds, SpectrogramFeed feed, long nowNanos, double bpm) {
    long current = (long) Math.floor(positionSeconds * FRAMES_PER_SECOND);
    if (current < lastFrame || current > lastFrame + COLUMNS) {
      clear();
      lastFrame = current - COLUMNS;
    }
    for (long f = lastFrame + 1; f <= current; f++) {
      writeColumn(f, f < 0 ? null : feed.get(f));
    }
    lastFrame = current;
    placeBeats(current, bpm);
    paint(current);
    count(nowNanos);
  }

  /** The beat grid of the frames in view, placed again when a quarter second has passed or the tempo changed. */
  private void placeBeats(long current, double bpm) {
    if (Double.compare(bpm, gridBpm) == 0
        && Math.abs(current - gridFrame) < FRAMES_PER_SECOND / 4) {
      return;
    }
    gridBpm = bpm;
    gridFrame = current;
    long from = Math.max(current - COLUMNS + 1, firstFrame);
    if (Double.isNaN(bpm) || from > current) {
      beats = new double[0];
      return;
    }
    double[] inView = new double[(int) (current - from + 1)];
    for (int i = 0; i < inView.length; i++) {
      inView[i] = onsets[(int) Math.floorMod(from + i, (long) COLUMNS)];
    }
    beats = BeatGrid.beats(inView, FRAMES_PER_SECOND, bpm);
    for (int i = 0; i < beats.length; i++) {
      beats[i] += from;
    }
  }

  /** How many beats the last redraw marked. */
  int beatsShown() {
    return beats.length;
  }

  private void writeColumn(long frame, float[] mel) {
    int x = (int) Math.floorMod(frame, (long) COLUMNS);
    onsets[x] = BeatGrid.flux(previousMel, mel);
    previousMel = mel;
    if (mel == null) {
      Arrays.fill(column, EMPTY);
    } else {
      firstFrame = Math.min(firstFrame, frame);
      double frameMax = Double.NEGATIVE_INFINITY;
      for (float v : mel) {
        frameMax = Math.max(frameMax, v);
      }
      maxDb = Math.max(maxDb - 0.01, frameMax);
      for (int b = 0; b < BANDS; b++) {
        column[BANDS - 1 - b] = MelPicture.colour(mel[b], maxDb);
      }
    }
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
    g.setFill(Color.rgb(255, 255, 255, 0.22));
    for (double b : beats) {
      double x =
          w - (current - b + 0.5) * scale; // the newest frame's column ends at the right edge
      g.fillRect(x - 0.5, 0, 1, h);
      g.fillRect(x - 2, 0, 4, 6);
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
    Arrays.fill(onsets, 0);
    previousMel = null;
    firstFrame = Long.MAX_VALUE;
    gridFrame = Long.MIN_VALUE;
    beats = new double[0];
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
