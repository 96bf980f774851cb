package org.musetag.ui.display;

import org.musetag.dsp.MelImageRenderer;

/**
 * A log-mel spectrogram as pixels, computed in the background so the FX thread only copies them into an image:
 * one column per frame, low bands at the bottom, levels over the top 80 dB in the viridis colours the command line
 * uses ({@link MelImageRenderer#colour}).
 */
public record MelPicture(int width, int height, int[] argb) {
  public static final double RANGE_DB = MelImageRenderer.DEFAULT_DYNAMIC_RANGE_DB;

  /** @param melDb {@code [frames][bands]} in dB, as {@code MelSpectrogram} returns them */
  public static MelPicture of(float[][] melDb) {
    int frames = melDb.length;
    int bands = frames == 0 ? 0 : melDb[0].length;
    double max = Double.NEGATIVE_INFINITY;
    for (float[] frame : melDb) {
      for (float v : frame) {
        max = Math.max(max, v);
      }
    }
    int[] px = new int[frames * bands];
    for (int f = 0; f < frames; f++) {
      for (int b = 0; b < bands; b++) {
        px[(bands - 1 - b) * frames + f] = colour(melDb[f][b], max);
      }
    }
    return new MelPicture(frames, bands, px);
  }

  /** The colour of a level {@code db} when the loudest level is {@code maxDb}. */
  public static int colour(double db, double maxDb) {
    return MelImageRenderer.colour((db - (maxDb - RANGE_DB)) / RANGE_DB);
  }
}
