package org.musetag.tags;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats Musetag tags, recognised by extension (as players and JAudioTagger do), with the tag family each
 * one carries. Every Ogg format (Vorbis, Opus, FLAC) is read and written by Musetag itself ({@link OggTagWriter}):
 * JAudioTagger 3.0.1 cannot write Opus or Ogg FLAC, and re-spells the names of Ogg Vorbis comments it does not manage.
 * What the content really is can differ from the name; see {@link FormatSniffer}.
 */
enum TagFormat {
  MP3("MP3", "mp3", Family.ID3, true, "mp3"),
  FLAC("FLAC", "flac", Family.VORBIS, true, "flac"),
  OGG_VORBIS("Ogg Vorbis", "ogg", Family.VORBIS, true, "ogg", "oga"),
  OPUS("Opus", "opus", Family.VORBIS, true, "opus"),
  /** FLAC in Ogg: no extension of its own (it is named .oga or .ogg), recognised by {@link FormatSniffer}. */
  OGG_FLAC("Ogg FLAC", "oga", Family.VORBIS, true),
  MP4("MP4 (M4A)", "m4a", Family.MP4, true, "m4a", "m4b", "mp4"),
  WAV("WAV", "wav", Family.ID3, true, "wav"),
  AIFF("AIFF", "aif", Family.ID3, true, "aif", "aiff", "aifc");

  /** How the managed fields are spelled (shared/guide/tags.md has one column per family). */
  enum Family {
    ID3,
    VORBIS,
    MP4
  }

  /** The name users know the format by, for messages. */
  final String displayName;

  /** The extension JAudioTagger is told to read the file as (temporary copies have none of their own). */
  final String jaudiotaggerExtension;

  final Family family;
  final boolean writable;
  private final String[] extensions;

  TagFormat(
      String displayName,
      String jaudiotaggerExtension,
      Family family,
      boolean writable,
      String... extensions) {
    this.displayName = displayName;
    this.jaudiotaggerExtension = jaudiotaggerExtension;
    this.family = family;
    this.writable = writable;
    this.extensions = extensions;
  }

  /** Whether Musetag, not JAudioTagger, reads and writes this format's tags. */
  boolean ownOgg() {
    return this == OPUS || this == OGG_VORBIS || this == OGG_FLAC;
  }

  /** The format with its article, for sentences: "a FLAC file", "an MP3 file". */
  String withArticle() {
    return (this == FLAC || this == WAV ? "a " : "an ") + displayName;
  }

  static Optional<TagFormat> of(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    int dot = s.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (TagFormat f : values()) {
      for (String e : f.extensions) {
        if (e.equals(ext)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }
}
