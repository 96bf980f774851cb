package org.musetag.tags;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The one written form of valence and arousal: -1.000..1.000, a dot, three decimals, whatever the user's locale. A
 * fixed form lets other tools sort and filter on it and lets a re-run see that a value did not change.
 */
public final class TagNumbers {

  private TagNumbers() {}

  /**
   * Formats {@code v} as {@code -1.000..1.000}. Values within half a step of the range are rounded into it; a value
   * that rounds to zero is written {@code 0.000}, never {@code -0.000}.
   *
   * @throws IllegalArgumentException for NaN or a value outside -1..1
   */
  public static String format(double v) {
    if (Double.isNaN(v) || v < -1.0005 || v > 1.0005) {
      throw new IllegalArgumentException("valence and arousal must lie in -1..1, got " + v);
    }
    double rounded = Math.round(Math.max(-1, Math.min(1, v)) * 1000) / 1000.0;
    return String.format(Locale.ROOT, "%.3f", rounded == 0 ? 0.0 : rounded);
  }

  /** Reads a value written by {@link #format} (or by a person, in the same range); empty if it is not a number. */
  public static OptionalDouble parse(String text) {
    if (text == null) {
      return OptionalDouble.empty();
    }
    try {
      double v = Double.parseDouble(text.strip());
      return Double.isFinite(v) && v >= -1 && v <= 1
          ? OptionalDouble.of(v)
          : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
