package org.musetag.settings;

import java.util.Locale;
import org.musetag.dsp.KeyEstimator.Key;

/**
 * How a key is written into files, as the user chose in Settings (docs/tempo-and-key-tags.md). ID3's TKEY frame
 * specifies the standard notation; DJ software shows and sorts by Camelot codes or by Open Key, and Mixed In Key,
 * Rekordbox and Traktor users often keep those in the field instead. The library and {@code classify} always keep
 * all three; only what goes into the file changes.
 */
public enum KeyNotation {
  /** "Am", "C#", "F#m": the ID3 specification's notation, sharps only. */
  STANDARD,
  /** "8A" (A minor), "8B" (C major): Mixed In Key's wheel. */
  CAMELOT,
  /** "1m" (A minor), "1d" (C major): Traktor's Open Key. */
  OPEN_KEY;

  /** The key as this notation writes it. */
  public String write(Key key) {
    return switch (this) {
      case STANDARD -> key.id3();
      case CAMELOT -> key.camelot();
      case OPEN_KEY -> key.openKey();
    };
  }

  /** "standard", "camelot", "open-key" (what the command line and settings.properties take), case ignored. */
  public static KeyNotation parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
