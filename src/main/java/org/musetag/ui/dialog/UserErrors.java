package org.musetag.ui.dialog;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.musetag.MusetagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into what a user reads: the sentence of Musetag's own exceptions, or for anything unexpected a
 * short error code to search the log for. Never a stack trace; the stack goes to the log, once, here.
 */
public final class UserErrors {
  private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);

  private UserErrors() {}

  public static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof MusetagException) {
      LOG.warn("{}", t.getMessage());
      return sentence(t.getMessage());
    }
    if (t instanceof IOException && t.getMessage() != null) {
      LOG.warn("file problem", t);
      return sentence("A file could not be read or written: " + t.getMessage());
    }
    String code =
        "E-" + Integer.toHexString(System.identityHashCode(t)).toUpperCase(java.util.Locale.ROOT);
    LOG.error("unexpected failure [{}]", code, t);
    return "Something went wrong unexpectedly. Error code " + code + " (the log has the details).";
  }

  /** Capital first letter and a full stop: "cannot open x" becomes "Cannot open x." */
  public static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "Something went wrong.";
    }
    String s = text.strip();
    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    char last = s.charAt(s.length() - 1);
    return last == '.' || last == '!' || last == '?' || last == ')' ? s : s + ".";
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof ExecutionException || cur instanceof CompletionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
