package org.musetag.tags;

import java.nio.file.Path;
import org.musetag.MusetagException;

/**
 * A tag could not be read or written. The message names the file and says why in words a user understands; the
 * tag library's own exception, if any, is kept as the cause for the log.
 */
public class TagException extends MusetagException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public TagException(Path file, String reason) {
    this(file, reason, null);
  }

  public TagException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  /** The file the problem concerns. */
  public Path file() {
    return file;
  }
}
