package org.musetag;

/**
 * Base of the app's own exceptions. Its message is a sentence a user can read; library exceptions are wrapped into
 * a subclass at the package boundary so callers never have to know which library failed.
 */
public class MusetagException extends Exception {
  private static final long serialVersionUID = 1L;

  public MusetagException(String message) {
    super(message);
  }

  public MusetagException(String message, Throwable cause) {
    super(message, cause);
  }
}
