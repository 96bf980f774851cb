package org.musetag.cli;

import org.musetag.MusetagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns an exception that escaped a command into one readable line; unexpected ones get a code to find in the log. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof MusetagException) {
      cli.getErr().println("musetag: " + e.getMessage());
      return 2;
    }
    String code = Integer.toHexString(System.identityHashCode(e));
    LOG.error("unexpected failure [E-{}]", code, e);
    cli.getErr()
        .println(
            "musetag: something went wrong ("
                + e.getClass().getSimpleName()
                + "). Error code E-"
                + code);
    return 70;
  }
}
