package org.musetag.library;

import java.util.List;

/**
 * What a scan did. {@code problems} lists "path: reason" for every file or folder that could not be read;
 * {@code failedRoots} those of them that were folders given to scan (missing, a loop, not audio), which make the scan
 * an error rather than an empty result.
 */
public record ScanReport(
    int files,
    int added,
    int updated,
    int unchanged,
    int unreadable,
    int missing,
    int moved,
    boolean cancelled,
    List<String> problems,
    List<String> failedRoots) {

  public ScanReport(
      int files,
      int added,
      int updated,
      int unchanged,
      int unreadable,
      int missing,
      int moved,
      boolean cancelled,
      List<String> problems) {
    this(
        files,
        added,
        updated,
        unchanged,
        unreadable,
        missing,
        moved,
        cancelled,
        problems,
        List.of());
  }
}
