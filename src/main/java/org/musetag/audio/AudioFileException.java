package org.musetag.audio;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.musetag.MusetagException;

/** A particular file could not be read as audio. The message names the file and says why in plain words. */
public final class AudioFileException extends MusetagException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final String reason;
  private final double audioEndsAt;

  public AudioFileException(Path file, String reason) {
    this(file, reason, null);
  }

  public AudioFileException(Path file, String reason, Throwable cause) {
    this(file, reason, cause, Double.NaN);
  }

  private AudioFileException(Path file, String reason, Throwable cause, double audioEndsAt) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
    this.audioEndsAt = audioEndsAt;
  }

  /**
   * The file holds less audio than it declares and the part asked for lies beyond its end, at {@code seconds}:
   * callers that can make do with the audio there (the classifier) ask again within it.
   */
  static AudioFileException endsEarly(Path file, String reason, double seconds) {
    return new AudioFileException(file, reason, null, seconds);
  }

  public Path file() {
    return file;
  }

  /** The reason without the file name, e.g. "the file is empty". */
  public String reason() {
    return reason;
  }

  /** Where the file's audio really ends, when this exception says it ends before what was asked for. */
  public OptionalDouble audioEndsAt() {
    return Double.isNaN(audioEndsAt) ? OptionalDouble.empty() : OptionalDouble.of(audioEndsAt);
  }
}
