package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the encoder delay from an MP3's LAME/Info header. FFmpeg drops these priming samples when decoding from the
 * start but not after a seek, so without this correction a window of an MP3 would start about 25 ms early.
 * Mirrors FFmpeg's own rule (mp3dec.c): skip = encoder delay + 529 decoder-delay samples, only when the tag exists.
 */
final class Mp3Priming {
  private static final int DECODER_DELAY = 528 + 1;
  private static final int SCAN_BYTES = 4096;

  private Mp3Priming() {}

  /** Priming samples at the file's own rate, or 0 when the file has no LAME/Info tag. */
  static int samples(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = id3v2Size(ch);
      ByteBuffer buf = ByteBuffer.allocate(SCAN_BYTES);
      ch.read(buf, start);
      byte[] b = buf.array();
      int limit = buf.position() - 4;
      for (int i = 0; i < Math.min(limit, 64); i++) {
        if (isTag(b, i, "Xing") || isTag(b, i, "Info")) {
          return delayAfterXing(b, i, limit);
        }
      }
      return 0;
    }
  }

  private static int delayAfterXing(byte[] b, int xing, int limit) {
    int flags = b[xing + 7] & 0x0f;
    int pos = xing + 8;
    pos += (flags & 1) != 0 ? 4 : 0;
    pos += (flags & 2) != 0 ? 4 : 0;
    pos += (flags & 4) != 0 ? 100 : 0;
    pos += (flags & 8) != 0 ? 4 : 0;
    if (pos + 24 > limit
        || !(isTag(b, pos, "LAME") || isTag(b, pos, "Lavf") || isTag(b, pos, "Lavc"))) {
      return 0;
    }
    int delay = ((b[pos + 21] & 0xff) << 4) | ((b[pos + 22] & 0xff) >> 4);
    return delay + DECODER_DELAY;
  }

  private static long id3v2Size(FileChannel ch) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(10);
    ch.read(h, 0);
    byte[] b = h.array();
    if (h.position() < 10 || !(b[0] == 'I' && b[1] == 'D' && b[2] == '3')) {
      return 0;
    }
    int size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
    boolean footer = (b[5] & 0x10) != 0;
    return 10L + size + (footer ? 10 : 0);
  }

  private static boolean isTag(byte[] b, int i, String tag) {
    for (int k = 0; k < 4; k++) {
      if (b[i + k] != tag.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
