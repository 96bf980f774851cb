package org.musetag;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one file threw that no reader expected: a bug (any {@link RuntimeException}), a missing native piece
 * ({@link LinkageError}), or an allocation or recursion that a damaged file drove too far ({@link OutOfMemoryError},
 * {@link StackOverflowError}). Each is that file's failure, so a batch reports it by name and goes on; the stack trace
 * goes to the log once, under a code the user can search for. Catch sites list exactly these four types; any other
 * error (an {@link InternalError}, say) still stops the process.
 */
public final class FileFailure {
  private static final Logger LOG = LoggerFactory.getLogger(FileFailure.class);

  private FileFailure() {}

  /** Logs {@code e} with a code and returns the reason for the user, without the file's name. */
  public static String reason(Path file, Throwable e) {
    String code = "E-" + Integer.toHexString(System.identityHashCode(e));
    LOG.error("unexpected failure on {} [{}]", file, code, e);
    if (e instanceof OutOfMemoryError) {
      return "ran out of memory reading it (the file is probably damaged), error code " + code;
    }
    if (e instanceof StackOverflowError) {
      return "its structure is nested too deeply to read (the file is probably damaged), error code "
          + code;
    }
    return "unexpected failure (" + e.getClass().getSimpleName() + "), error code " + code;
  }

  /** The same, as "FILE: reason". */
  public static String message(Path file, Throwable e) {
    return file + ": " + reason(file, e);
  }

  /** The same, as an exception for the callers that pass problems on as {@link MusetagException}s. */
  public static MusetagException exception(Path file, Throwable e) {
    return new MusetagException(reason(file, e), e);
  }
}
