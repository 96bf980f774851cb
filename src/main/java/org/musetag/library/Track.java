package org.musetag.library;

import java.nio.file.Path;

/**
 * A file in the library as last scanned. {@code status} is {@code ok}, {@code unreadable} (with {@code problem}
 * saying why) or {@code missing} (gone since the last scan).
 */
public record Track(
    long id,
    Path path,
    long size,
    long mtimeMs,
    String status,
    String problem,
    String format,
    String codec,
    double durationSeconds,
    String title,
    String artist,
    String album,
    String genre,
    String mood) {

  public static final String OK = "ok";
  public static final String UNREADABLE = "unreadable";
  public static final String MISSING = "missing";

  /** "Artist – Title", or the file name when the tags say nothing. */
  public String displayName() {
    boolean hasArtist = artist != null && !artist.isBlank();
    boolean hasTitle = title != null && !title.isBlank();
    if (hasArtist && hasTitle) {
      return artist + " – " + title;
    }
    return hasTitle ? title : path.getFileName().toString();
  }
}
