package org.musetag.tags;

import java.util.Objects;

/**
 * How tags are written where formats leave a choice.
 *
 * @param id3Version the ID3v2 version for MP3, WAV and AIFF files that have no ID3v2 tag yet (and for old v2.2 tags,
 *     which are upgraded). A file that already has a v2.3 or v2.4 tag keeps its version, because the user or another
 *     tool chose it, unless {@code convertExistingId3} says otherwise.
 * @param id3v23Separator what joins several genres or moods into the one string ID3v2.3 allows, and what splits them
 *     again when reading v2.3
 * @param convertExistingId3 whether an existing v2.3/v2.4 tag is converted to {@code id3Version} when written
 */
public record TagOptions(
    Id3Version id3Version, String id3v23Separator, boolean convertExistingId3) {

  public static final String DEFAULT_SEPARATOR = "; ";

  public TagOptions {
    Objects.requireNonNull(id3Version, "id3Version");
    if (id3v23Separator == null || id3v23Separator.isEmpty()) {
      throw new IllegalArgumentException("the ID3v2.3 separator must not be empty");
    }
  }

  /** Options that keep existing ID3 versions. */
  public TagOptions(Id3Version id3Version, String id3v23Separator) {
    this(id3Version, id3v23Separator, false);
  }

  /** ID3v2.4 for new tags, {@code "; "} between v2.3 values, existing versions kept. */
  public static TagOptions defaults() {
    return new TagOptions(Id3Version.V24, DEFAULT_SEPARATOR);
  }
}
