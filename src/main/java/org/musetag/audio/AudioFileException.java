package org.musetag.audio;

import java.nio.file.Path;
import org.musetag.MusetagException;

/** A particular file could not be read as audio. The message names the file and says why in plain words. */
public final class AudioFileException extends MusetagException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final String reason;

  public AudioFileException(Path file, String reason) {
    this(file, reason, null);
  }

  public AudioFileException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  /** The reason without the file name, e.g. "the file is empty". */
  public String reason() {
    return reason;
  }
}
