package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * How much of an MP3 stream is really there. FFmpeg takes an MP3's length from its Xing/Info header's frame count
 * when there is one, so a file cut short still reports its full length. The same header records the stream's size
 * in bytes; the bytes present (less the tags around the stream) against that size say how much of it is left.
 * Without such a header FFmpeg estimates the length from the file size, which is already what is there.
 */
final class Mp3Extent {
  private static final int SCAN = 4096;
  private static final int ID3V1 = 128;

  private Mp3Extent() {}

  /** Fraction (0..1] of the declared stream that the file holds, or NaN when its header records no byte count. */
  static double presentFraction(FileChannel ch) throws IOException {
    long start = Id3v2.length(ch);
    ByteBuffer buf = ByteBuffer.allocate(SCAN);
    ch.read(buf, start);
    byte[] b = buf.array();
    int limit = buf.position() - 16;
    for (int i = 0; i < Math.min(limit, 64); i++) {
      if (isTag(b, i, "Xing") || isTag(b, i, "Info")) {
        int flags = b[i + 7] & 0x0f;
        if ((flags & 2) == 0) {
          return Double.NaN;
        }
        int at = i + 8 + ((flags & 1) != 0 ? 4 : 0);
        long declared = Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt(at));
        if (declared <= 0 || ch.size() >= declared) {
          // Some encoders count the whole file, tags included: a file at least that long is whole
          // either way.
          return declared <= 0 ? Double.NaN : 1.0;
        }
        long present = ch.size() - start - trailingTags(ch);
        return Math.min(1.0, present / (double) declared);
      }
    }
    return Double.NaN;
  }

  /** Bytes of ID3v1 and APEv2 tags at the end of the file, which are not part of the MP3 stream. */
  private static long trailingTags(FileChannel ch) throws IOException {
    long size = ch.size();
    long tags = 0;
    if (size >= ID3V1 && isTag(read(ch, size - ID3V1, 3), 0, "TAG")) {
      tags += ID3V1;
    }
    if (size - tags >= 32) {
      byte[] ape = read(ch, size - tags - 32, 32);
      if (isTag(ape, 0, "APET") && isTag(ape, 4, "AGEX")) {
        long length =
            Integer.toUnsignedLong(ByteBuffer.wrap(ape).order(ByteOrder.LITTLE_ENDIAN).getInt(12));
        boolean header = (ape[23] & 0x80) != 0;
        tags += length + (header ? 32 : 0);
      }
    }
    return tags;
  }

  private static byte[] read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    ch.read(buf, at);
    return buf.array();
  }

  private static boolean isTag(byte[] b, int i, String tag) {
    for (int k = 0; k < tag.length(); k++) {
      if (b[i + k] != tag.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
