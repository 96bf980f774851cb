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

  /** "path: why" for an unreadable file, as scan reports it and the app lists it; null for a readable one. */
  public String problemLine() {
    return problem == null ? null : problemLine(path, problem);
  }

  /** "path: why": how a file's scan problem is told, wherever it is told. */
  public static String problemLine(Path file, String problem) {
    return file + ": " + problem;
  }

  /** "Artist – Title", or the file name when the tags say nothing. */
  public String displayName() {
    return displayName(artist, title, path);
  }

  /** "Artist – Title", or the file name when the tags say nothing: how every list names a track. */
  public static String displayName(String artist, String title, Path path) {
    boolean hasArtist = artist != null && !artist.isBlank();
    boolean hasTitle = title != null && !title.isBlank();
    if (hasArtist && hasTitle) {
      return artist + " – " + title;
    }
    return hasTitle ? title : path.getFileName().toString();
  }
}
