package org.musetag.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress report on standard error: count, rate and time left, redrawn at most a few times a second so
 * a long run shows it is alive without flooding a log.
 */
final class TerminalProgress {
  private final PrintWriter err;
  private final String what;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  TerminalProgress(PrintWriter err, String what) {
    this.err = err;
    this.what = what;
  }

  void update(int done, int total) {
    long now = System.nanoTime();
    if (now - lastDraw < 250_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta =
        rate > 0 && total > done
            ? String.format(Locale.ROOT, ", %s left", duration((total - done) / rate))
            : "";
    err.printf(Locale.ROOT, "\r%s %d/%d (%.1f/s%s)   ", what, done, total, rate, eta);
    err.flush();
    drawn = true;
  }

  /** Ends the progress line, once; later calls do nothing, so an error printed after it starts a line of its own. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
