package org.musetag.dsp;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Draws a log-mel spectrogram as an image: time runs left to right, low mel bands are at the bottom, levels are
 * coloured with {@link ViridisColorMap} over the top {@code dynamicRangeDb} (80 dB by default) below the loudest
 * value, with a dB colour bar, seconds along x and band centre frequencies in Hz along y.
 *
 * <p>Why AWT and not JavaFX: the renderer serves the command line and tests, which run with
 * {@code java.awt.headless=true} and no toolkit. The live JavaFX view reuses the colours via {@link #colour(double)}.
 * Immutable; each call draws into a new image.
 */
public final class MelImageRenderer {

  /** Default dynamic range: levels more than 80 dB below the maximum are drawn in the darkest colour. */
  public static final double DEFAULT_DYNAMIC_RANGE_DB = 80.0;

  private static final int LEFT = 64;
  private static final int TOP = 12;
  private static final int BOTTOM = 36;
  private static final int BAR_GAP = 12;
  private static final int BAR_WIDTH = 14;
  private static final int RIGHT = BAR_GAP + BAR_WIDTH + 56;
  private static final double[] NICE_SECONDS = {
    0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800
  };
  private static final Color BACKGROUND = new Color(0x1E1E1E);
  private static final Color INK = new Color(0xDDDDDD);

  private final int pixelsPerFrame;
  private final int pixelsPerBand;
  private final double dynamicRangeDb;

  /** One pixel per frame, three pixels per mel band, 80 dB range. */
  public MelImageRenderer() {
    this(1, 3, DEFAULT_DYNAMIC_RANGE_DB);
  }

  /**
   * @param pixelsPerFrame width of one frame in pixels, {@code >= 1}
   * @param pixelsPerBand  height of one mel band in pixels, {@code >= 1}
   * @param dynamicRangeDb dB range below the maximum that is spread over the colour map, {@code > 0}
   */
  public MelImageRenderer(int pixelsPerFrame, int pixelsPerBand, double dynamicRangeDb) {
    if (pixelsPerFrame < 1
        || pixelsPerBand < 1
        || !(dynamicRangeDb > 0)
        || Double.isInfinite(dynamicRangeDb)) {
      throw new IllegalArgumentException(
          "need pixelsPerFrame >= 1, pixelsPerBand >= 1 and a finite "
              + "dynamicRangeDb > 0, got "
              + pixelsPerFrame
              + ", "
              + pixelsPerBand
              + ", "
              + dynamicRangeDb);
    }
    this.pixelsPerFrame = pixelsPerFrame;
    this.pixelsPerBand = pixelsPerBand;
    this.dynamicRangeDb = dynamicRangeDb;
  }

  /** Colour map shared with the live view: opaque ARGB for a level normalised to [0, 1] (clamped). */
  public static int colour(double normalised) {
    return ViridisColorMap.argb(normalised);
  }

  /** Where the spectrogram pixels lie in an image of {@code frames x bands}; the rest is axes and colour bar. */
  public Rectangle plotArea(int frames, int bands) {
    return new Rectangle(LEFT, TOP, frames * pixelsPerFrame, bands * pixelsPerBand);
  }

  /** Image width for {@code frames} frames. */
  public int imageWidth(int frames) {
    return LEFT + frames * pixelsPerFrame + RIGHT;
  }

  /** Image height for {@code bands} mel bands. */
  public int imageHeight(int bands) {
    return TOP + bands * pixelsPerBand + BOTTOM;
  }

  /**
   * Renders {@code melDb} ({@code [frames][params.melBands()]} dB, as from {@link MelSpectrogram}).
   *
   * @throws IllegalArgumentException if a row does not have {@code params.melBands()} values
   */
  public BufferedImage render(float[][] melDb, MelParameters params) {
    int bands = params.melBands();
    double maxDb = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < melDb.length; i++) {
      if (melDb[i].length != bands) {
        throw new IllegalArgumentException(
            "frame " + i + " has " + melDb[i].length + " bands, expected " + bands);
      }
      for (float v : melDb[i]) {
        maxDb = Float.isFinite(v) ? Math.max(maxDb, v) : maxDb;
      }
    }
    maxDb = Double.isInfinite(maxDb) ? 0.0 : maxDb;
    Rectangle plot = plotArea(melDb.length, bands);
    BufferedImage image =
        new BufferedImage(imageWidth(melDb.length), imageHeight(bands), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      paintPlot(image, plot, melDb, maxDb);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.setStroke(new BasicStroke(1f));
      g.setColor(INK);
      g.drawRect(plot.x - 1, plot.y - 1, plot.width + 1, plot.height + 1);
      drawTimeAxis(g, plot, params, melDb.length);
      drawFrequencyAxis(g, plot, MelSpectrogram.of(params).filterbank());
      drawColourBar(g, image, plot, maxDb);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void paintPlot(BufferedImage image, Rectangle plot, float[][] melDb, double maxDb) {
    if (plot.width == 0 || plot.height == 0) {
      return;
    }
    int[] pixels = new int[plot.width * plot.height];
    int bands = plot.height / pixelsPerBand;
    for (int f = 0; f < melDb.length; f++) {
      for (int m = 0; m < bands; m++) {
        int rgb = colour((melDb[f][m] - (maxDb - dynamicRangeDb)) / dynamicRangeDb);
        int top = (bands - 1 - m) * pixelsPerBand;
        for (int y = top; y < top + pixelsPerBand; y++) {
          int row = y * plot.width + f * pixelsPerFrame;
          Arrays.fill(pixels, row, row + pixelsPerFrame, rgb);
        }
      }
    }
    image.setRGB(plot.x, plot.y, plot.width, plot.height, pixels, 0, plot.width);
  }

  private void drawTimeAxis(Graphics2D g, Rectangle plot, MelParameters params, int frames) {
    FontMetrics fm = g.getFontMetrics();
    double secondsPerPixel = params.frameStartSeconds(1) / pixelsPerFrame;
    double step = NICE_SECONDS[NICE_SECONDS.length - 1];
    for (double candidate : NICE_SECONDS) {
      if (candidate / secondsPerPixel >= 60) {
        step = candidate;
        break;
      }
    }
    int baseline = plot.y + plot.height + 4 + fm.getAscent();
    double duration = params.frameStartSeconds(frames);
    for (int i = 0; i * step <= duration + 1e-9; i++) {
      double t = i * step;
      int x = plot.x + (int) Math.round(t / secondsPerPixel);
      g.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 3);
      String label =
          step < 1 ? String.format(Locale.ROOT, "%.1f", t) : String.format(Locale.ROOT, "%.0f", t);
      g.drawString(label, x - fm.stringWidth(label) / 2, baseline);
    }
    String title = "time (s)";
    g.drawString(
        title, plot.x + (plot.width - fm.stringWidth(title)) / 2, baseline + fm.getHeight());
  }

  private void drawFrequencyAxis(Graphics2D g, Rectangle plot, MelFilterbank filterbank) {
    FontMetrics fm = g.getFontMetrics();
    int bands = filterbank.bands();
    TreeSet<Integer> ticks = new TreeSet<>();
    for (int q = 0; q < 4; q++) {
      ticks.add(q * bands / 4);
    }
    ticks.add(bands - 1);
    for (int m : ticks) {
      int y = plot.y + (bands - 1 - m) * pixelsPerBand + pixelsPerBand / 2;
      g.drawLine(plot.x - 4, y, plot.x - 1, y);
      String label = formatHz(filterbank.centreHz(m));
      g.drawString(label, plot.x - 6 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
    }
  }

  static String formatHz(double hz) {
    return hz < 1000
        ? String.format(Locale.ROOT, "%.0f Hz", hz)
        : String.format(Locale.ROOT, "%.1f kHz", hz / 1000);
  }

  private void drawColourBar(Graphics2D g, BufferedImage image, Rectangle plot, double maxDb) {
    int x0 = plot.x + plot.width + BAR_GAP;
    for (int y = 0; y < plot.height; y++) {
      int rgb = colour(1.0 - (y + 0.5) / plot.height);
      for (int x = x0; x < x0 + BAR_WIDTH; x++) {
        image.setRGB(x, plot.y + y, rgb);
      }
    }
    g.drawRect(x0 - 1, plot.y - 1, BAR_WIDTH + 1, plot.height + 1);
    FontMetrics fm = g.getFontMetrics();
    double tickStep = dynamicRangeDb >= 40 ? 20 : 10;
    double lowDb = maxDb - dynamicRangeDb;
    for (double db = Math.ceil(lowDb / tickStep) * tickStep; db <= maxDb; db += tickStep) {
      int y = plot.y + (int) Math.round((maxDb - db) / dynamicRangeDb * plot.height);
      g.drawLine(x0 + BAR_WIDTH, y, x0 + BAR_WIDTH + 3, y);
      g.drawString(
          String.format(Locale.ROOT, "%.0f dB", db),
          x0 + BAR_WIDTH + 6,
          y + fm.getAscent() / 2 - 1);
    }
  }

  /** Encodes {@link #render} as PNG into {@code out} (flushed, not closed). */
  public void writePng(float[][] melDb, MelParameters params, OutputStream out) throws IOException {
    if (!ImageIO.write(render(melDb, params), "png", out)) {
      throw new IOException("no PNG writer available");
    }
    out.flush();
  }

  /** {@link #render} as PNG bytes. */
  public byte[] toPng(float[][] melDb, MelParameters params) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writePng(melDb, params, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory PNG encoding failed", e);
    }
    return bytes.toByteArray();
  }
}
