package org.musetag.ml.heads.training;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Tribuo's java.util.logging warnings to SLF4J and drops the rest. Tribuo reports every training run at INFO
 * ("Training SGD model with 136 examples", the label counts), which would otherwise land on the terminal between
 * Musetag's own lines, six times per {@code musetag train}; its failures arrive as exceptions. Records below WARNING
 * are not even created. Like {@code tags.JaudiotaggerLogBridge}, it configures a library's logger and logs nothing itself; the JUL
 * logger is held in a static field because JUL keeps only weak references to loggers.
 */
final class TribuoLogBridge extends Handler {
  private static final java.util.logging.Logger ROOT =
      java.util.logging.Logger.getLogger("org.tribuo");
  private static boolean installed;

  private TribuoLogBridge() {}

  static synchronized void install() {
    if (!installed) {
      ROOT.setUseParentHandlers(false);
      ROOT.setLevel(Level.WARNING);
      ROOT.addHandler(new TribuoLogBridge());
      installed = true;
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
      return;
    }
    Logger log =
        LoggerFactory.getLogger(
            record.getLoggerName() == null ? "org.tribuo" : record.getLoggerName());
    log.warn("{}", record.getMessage(), record.getThrown());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
