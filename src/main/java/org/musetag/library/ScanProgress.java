package org.musetag.library;

/** Receives progress from a scan: files examined so far out of those found. Called from the scanning thread. */
@FunctionalInterface
public interface ScanProgress {
  void update(int done, int total);
}
