package org.musetag.library;

import org.musetag.MusetagException;

/** The library database could not be opened, migrated, read or written. */
public final class LibraryException extends MusetagException {
  private static final long serialVersionUID = 1L;

  public LibraryException(String message, Throwable cause) {
    super(message, cause);
  }

  public LibraryException(String message) {
    super(message);
  }
}
