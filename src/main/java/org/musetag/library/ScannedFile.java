package org.musetag.library;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a scan learned about one file: its size and time stamp, and either what the container holds or the problem
 * that kept it from being read.
 */
public record ScannedFile(
    Path path,
    long size,
    long mtimeMs,
    String problem,
    String format,
    String codec,
    double durationSeconds,
    int sampleRate,
    int channels,
    Map<String, String> tags) {

  public boolean readable() {
    return problem == null;
  }
}
