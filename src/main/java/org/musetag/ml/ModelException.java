package org.musetag.ml;

import org.musetag.MusetagException;

/** A model could not be found, loaded or run. The message says which model and why. */
public final class ModelException extends MusetagException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
