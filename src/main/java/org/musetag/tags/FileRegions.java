package org.musetag.tags;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Copies a byte range of one file into another, for the writers that rebuild a file around a new tag block. */
final class FileRegions {
  private FileRegions() {}

  /** Appends bytes [{@code from}, {@code to}) of {@code in} at {@code out}'s position. */
  static void transfer(FileChannel in, long from, long to, FileChannel out) throws IOException {
    long pos = from;
    while (pos < to) {
      pos += in.transferTo(pos, to - pos, out);
    }
  }
}
