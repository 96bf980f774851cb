package org.musetag.ui.display;

import java.util.Locale;

/**
 * Rate and time left of a running job, from how much is done since it started: "12 of 50 · 3.4 tracks/s · about
 * 11 s left". Pure arithmetic over the times it is given.
 */
public final class ProgressRate {
  private final long startNanos;
  private final String unit;

  /** @param unit plural noun of what is counted, e.g. "tracks" */
  public ProgressRate(long startNanos, String unit) {
    this.startNanos = startNanos;
    this.unit = unit;
  }

  /** Units per second so far; 0 before anything is done. */
  public double rate(int done, long nowNanos) {
    double seconds = (nowNanos - startNanos) / 1e9;
    return done <= 0 || seconds <= 0 ? 0 : done / seconds;
  }

  /** Seconds left at the rate so far; NaN while unknown. */
  public double secondsLeft(int done, int total, long nowNanos) {
    double r = rate(done, nowNanos);
    return r <= 0 ? Double.NaN : (total - done) / r;
  }

  public String describe(int done, int total, long nowNanos) {
    double r = rate(done, nowNanos);
    double left = secondsLeft(done, total, nowNanos);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d", done, total));
    if (r > 0) {
      s.append(String.format(Locale.ROOT, " · %.1f %s/s", r, unit));
    }
    if (!Double.isNaN(left) && done < total) {
      s.append(" · about ")
          .append(left < 60 ? Math.round(Math.ceil(left)) + " s" : Formats.duration(left))
          .append(" left");
    }
    return s.toString();
  }
}
