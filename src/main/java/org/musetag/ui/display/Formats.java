package org.musetag.ui.display;

import java.util.List;
import java.util.Locale;

/** How numbers and lists read in the UI. */
public final class Formats {
  private Formats() {}

  /** 245.3 s → "4:05"; an hour or more → "1:02:05". */
  public static String duration(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      return "";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** 0.873 → "87 %". */
  public static String percent(double p) {
    return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.0f %%", p * 100);
  }

  /** -0.4215 → "-0.42". */
  public static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  /** Values of a tag field joined for one cell; "(empty)" when there are none. */
  public static String values(List<String> values) {
    return values == null || values.isEmpty() ? "(empty)" : String.join("; ", values);
  }

  /** 12 → "12 files", 1 → "1 file". */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** "Saved 12 tracks to x.m3u8", with the entries the writer left out and why: what a saved playlist reports. */
  public static String saved(org.musetag.library.PlaylistFile.Written w, java.nio.file.Path file) {
    return "Saved "
        + count(w.entries(), "track")
        + " to "
        + file.getFileName()
        + (w.skipped().isEmpty() ? "" : "; left out " + String.join("; ", w.skipped()));
  }

  /** How a tag field is named in previews: "genre", "mood model"; a head's field as it is spelled in the file. */
  public static String field(org.musetag.tags.TagField field) {
    return field.isUser()
        ? field.userName()
        : field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
