package org.musetag.tags;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.audio.exceptions.CannotWriteException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.exceptions.ReadOnlyFileException;

/**
 * Turns whatever JAudioTagger or the file system threw into a {@link TagException} whose message a user can act on.
 * JAudioTagger's own messages mix byte offsets and class names; they stay in the cause, for the log.
 */
final class TagErrors {

  private TagErrors() {}

  static TagException vanished(Path file) {
    return new TagException(file, "the file no longer exists");
  }

  static final String READ_ONLY = "cannot write tags: the file is read-only";

  static TagException readOnly(Path file) {
    return new TagException(file, READ_ONLY);
  }

  static final String UNSUPPORTED =
      "is not a file Musetag can tag (it reads MP3, FLAC, Ogg Vorbis, Opus, M4A, WAV and AIFF files)";

  static TagException unsupported(Path file) {
    return new TagException(file, UNSUPPORTED);
  }

  static TagException notWritable(Path file, TagFormat format) {
    return new TagException(file, notWritableReason(format));
  }

  static String notWritableReason(TagFormat format) {
    return "cannot write tags: Musetag does not write " + format.displayName + " tags";
  }

  /** A file whose content is another format than its name says (see {@link FormatSniffer}). */
  static TagException misnamed(Path file, TagFormat real) {
    return new TagException(file, misnamedReason(file, real));
  }

  static String misnamedReason(Path file, TagFormat real) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
    return "cannot write tags: it is really "
        + real.withArticle()
        + " file named "
        + ext
        + "; rename it to ."
        + real.jaudiotaggerExtension
        + " to tag it";
  }

  /** Wraps a failure while reading ({@code writing} false) or writing tags. */
  static TagException wrap(Path file, TagFormat format, boolean writing, Throwable e) {
    if (e instanceof TagException t) {
      return t;
    }
    String doing = writing ? "cannot write tags: " : "cannot read tags: ";
    if (e instanceof NoSuchFileException
        || (e instanceof FileNotFoundException && !Files.exists(file))) {
      return new TagException(file, "the file no longer exists", e);
    }
    if (e instanceof ReadOnlyFileException) {
      return new TagException(file, doing + "the file is read-only", e);
    }
    if (e instanceof AccessDeniedException || e instanceof FileNotFoundException) {
      return new TagException(file, doing + "permission denied", e);
    }
    if (e instanceof InvalidAudioFrameException || e instanceof CannotReadException) {
      return new TagException(
          file,
          doing
              + "it does not contain valid "
              + format.displayName
              + " audio (damaged, or not an audio file)",
          e);
    }
    if (e instanceof org.jaudiotagger.tag.TagException) {
      return new TagException(file, doing + "its existing tags are damaged", e);
    }
    if (e instanceof CannotWriteException) {
      return new TagException(file, doing + "the tag library failed (" + e.getMessage() + ")", e);
    }
    if (e instanceof IOException) {
      return new TagException(file, doing + "input/output error (" + e.getMessage() + ")", e);
    }
    return new TagException(
        file,
        doing + "the file looks damaged or is not really a " + format.displayName + " file",
        e);
  }
}
