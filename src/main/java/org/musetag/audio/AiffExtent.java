package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * How many sample frames an AIFF file really holds. FFmpeg takes the length from the COMM chunk's frame count, so
 * a file cut short still reports its full length; the SSND chunk's bytes present, over the bytes one frame takes,
 * tell the truth. Only uncompressed AIFF/AIFC is measured (compressed frames have no fixed size).
 */
final class AiffExtent {
  private AiffExtent() {}

  /** Fraction (0..1] of the declared frames that the file holds, or NaN when it cannot be told. */
  static double presentFraction(FileChannel ch) throws IOException {
    long size = ch.size();
    byte[] form = read(ch, 0, 12);
    if (!is(form, 0, "FORM") || !(is(form, 8, "AIFF") || is(form, 8, "AIFC"))) {
      return Double.NaN;
    }
    long frames = -1;
    int bytesPerFrame = -1;
    long pos = 12;
    while (pos + 8 <= size) {
      byte[] head = read(ch, pos, 8);
      long length = Integer.toUnsignedLong(ByteBuffer.wrap(head, 4, 4).getInt());
      if (is(head, 0, "COMM")) {
        byte[] comm = read(ch, pos + 8, 22);
        int channels = ByteBuffer.wrap(comm, 0, 2).getShort();
        frames = Integer.toUnsignedLong(ByteBuffer.wrap(comm, 2, 4).getInt());
        int bits = ByteBuffer.wrap(comm, 6, 2).getShort();
        boolean pcm = !is(form, 8, "AIFC") || length < 22 || uncompressed(comm);
        bytesPerFrame = pcm && channels > 0 && bits > 0 ? channels * ((bits + 7) / 8) : -1;
      } else if (is(head, 0, "SSND")) {
        if (frames <= 0 || bytesPerFrame <= 0) {
          return Double.NaN;
        }
        long offset = Integer.toUnsignedLong(ByteBuffer.wrap(read(ch, pos + 8, 4)).getInt());
        long data = Math.max(0, size - (pos + 16 + offset));
        return Math.min(1.0, data / bytesPerFrame / (double) frames);
      }
      pos += 8 + length + (length & 1);
    }
    return Double.NaN;
  }

  private static boolean uncompressed(byte[] comm) {
    return is(comm, 18, "NONE")
        || is(comm, 18, "none")
        || is(comm, 18, "sowt")
        || is(comm, 18, "twos")
        || is(comm, 18, "raw ")
        || is(comm, 18, "fl32")
        || is(comm, 18, "fl64");
  }

  private static byte[] read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    ch.read(buf, at);
    return buf.array();
  }

  private static boolean is(byte[] b, int at, String tag) {
    for (int k = 0; k < tag.length(); k++) {
      if (b[at + k] != tag.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
