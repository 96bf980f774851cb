package org.musetag.ui.circumplex;

import javafx.scene.paint.Color;
import org.musetag.ml.Quadrant;

/** Colours of the circumplex: a tint per quadrant and a distinct colour per genre (Tableau-like palette). */
public final class Palette {
  private static final Color[] GENRES = {
    Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"),
    Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"),
        Color.web("#bab0ac"),
    Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#9467bd"),
        Color.web("#8c564b"),
    Color.web("#17becf")
  };

  private Palette() {}

  /** The colour of the {@code index}-th genre of a legend. */
  public static Color genre(int index) {
    return GENRES[Math.floorMod(index, GENRES.length)];
  }

  /** A light background tint for a quadrant. */
  public static Color quadrant(Quadrant q) {
    return switch (q) {
      case Q1 -> Color.web("#fff3c4");
      case Q2 -> Color.web("#fde0dc");
      case Q3 -> Color.web("#dde7f7");
      case Q4 -> Color.web("#dff3e4");
    };
  }

  /** 0xAARRGGBB of a colour, for drawing into pixel buffers. */
  public static int argb(Color c) {
    return 0xFF000000
        | (int) Math.round(c.getRed() * 255) << 16
        | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }
}
