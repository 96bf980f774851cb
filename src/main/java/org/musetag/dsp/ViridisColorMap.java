package org.musetag.dsp;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib's default), as ARGB ints.
 *
 * <p>Why viridis: it is perceptually uniform (equal steps in level look like equal steps in colour), keeps its order
 * in greyscale and for common colour-vision deficiencies, so quiet and loud regions of a spectrogram read correctly.
 * Why a compact table: 17 anchors (every 16th entry of matplotlib's 256-entry table, plus the last) with linear
 * interpolation in sRGB stay within about one 8-bit step of the full table, with no resource file to load.
 *
 * <p>Stateless; shared by the PNG renderer and the live view so both show the same colours.
 */
public final class ViridisColorMap {

  /** matplotlib {@code _viridis_data} entries 0, 16, ..., 240, 255 (sRGB in [0, 1]). */
  private static final double[][] ANCHORS = {
    {0.267004, 0.004874, 0.329415},
    {0.282327, 0.094955, 0.417331},
    {0.278826, 0.175490, 0.483397},
    {0.258965, 0.251537, 0.524736},
    {0.229739, 0.322361, 0.545706},
    {0.199430, 0.387607, 0.554642},
    {0.172719, 0.448791, 0.557885},
    {0.149039, 0.508051, 0.557250},
    {0.127568, 0.566949, 0.550556},
    {0.120638, 0.625828, 0.533488},
    {0.157851, 0.683765, 0.501686},
    {0.246070, 0.738910, 0.452024},
    {0.369214, 0.788888, 0.382914},
    {0.515992, 0.831158, 0.294279},
    {0.678489, 0.863742, 0.189503},
    {0.845561, 0.887322, 0.099702},
    {0.993248, 0.906157, 0.143936},
  };

  /** Position in [0, 1] of each anchor: its index in the 256-entry table divided by 255. */
  private static final double[] POSITIONS = new double[ANCHORS.length];

  static {
    for (int i = 0; i < ANCHORS.length; i++) {
      POSITIONS[i] = Math.min(255, 16 * i) / 255.0;
    }
  }

  private ViridisColorMap() {}

  /**
   * Opaque ARGB colour for a normalised level.
   *
   * @param t level in [0, 1] (0 = dark violet, 1 = yellow); values outside are clamped, NaN maps to 0
   * @return {@code 0xFFRRGGBB}
   */
  public static int argb(double t) {
    double x = Double.isNaN(t) ? 0.0 : Math.max(0.0, Math.min(1.0, t));
    int i = 0;
    while (i < POSITIONS.length - 2 && x > POSITIONS[i + 1]) {
      i++;
    }
    double f = (x - POSITIONS[i]) / (POSITIONS[i + 1] - POSITIONS[i]);
    int r = channel(ANCHORS[i][0], ANCHORS[i + 1][0], f);
    int g = channel(ANCHORS[i][1], ANCHORS[i + 1][1], f);
    int b = channel(ANCHORS[i][2], ANCHORS[i + 1][2], f);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static int channel(double from, double to, double f) {
    return (int) Math.round(255.0 * (from + (to - from) * f));
  }
}
