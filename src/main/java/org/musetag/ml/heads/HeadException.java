package org.musetag.ml.heads;

import org.musetag.MusetagException;

/**
 * Training data that cannot make a head, or a head that cannot be trained, exported, registered or loaded. The
 * message is a sentence for the user, naming the folder, file or line concerned.
 */
public final class HeadException extends MusetagException {
  private static final long serialVersionUID = 1L;

  public HeadException(String message) {
    super(message);
  }

  public HeadException(String message, Throwable cause) {
    super(message, cause);
  }
}
