package org.musetag.tags;

/**
 * The ID3v2 version to write. v2.4 stores several genres as separate values; v2.3 is still what some players and car
 * stereos need, so it stays available (several values are then joined into one string).
 */
public enum Id3Version {
  V23,
  V24
}
