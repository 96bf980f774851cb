package org.musetag.tags;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JAudioTagger's java.util.logging output to SLF4J at DEBUG, so it neither floods the terminal nor escapes the
 * one log. JAudioTagger reports ordinary progress at INFO and even SEVERE ("Writing tag to file: Done"); its real
 * failures arrive as exceptions, which {@link JaudiotaggerTagStore} turns into {@link TagException}s. So everything
 * it logs is demoted to DEBUG, and records below WARNING are not even created.
 *
 * <p>This is the one class in Musetag that touches java.util.logging; it configures a library's logger and logs
 * nothing itself. The JUL logger is held in a static field because JUL keeps only weak references to loggers and a
 * collected logger would forget its settings.
 */
final class JaudiotaggerLogBridge extends Handler {
  private static final java.util.logging.Logger ROOT =
      java.util.logging.Logger.getLogger("org.jaudiotagger");
  private static boolean installed;

  private JaudiotaggerLogBridge() {}

  static synchronized void install() {
    if (!installed) {
      ROOT.setUseParentHandlers(false);
      ROOT.setLevel(Level.WARNING);
      ROOT.addHandler(new JaudiotaggerLogBridge());
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
            record.getLoggerName() == null ? "org.jaudiotagger" : record.getLoggerName());
    if (log.isDebugEnabled()) {
      log.debug("{}", record.getMessage(), record.getThrown());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
