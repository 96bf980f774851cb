package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds files cut short where FFmpeg cannot tell: it takes an Ogg file's duration from its last page and a WAV
 * file's from its size, so a truncated file looks like a shorter, valid one. The container's own bookkeeping (the
 * Ogg end-of-stream page, the RIFF size field) still tells the truth.
 */
final class TruncationCheck {
  /** Largest possible Ogg page: 27-byte header, 255 lacing values, 255 segments of 255 bytes. */
  private static final int MAX_OGG_PAGE = 27 + 255 + 255 * 255;

  private static final String CUT = "is truncated: ";

  private TruncationCheck() {}

  /** Returns null when the file's container looks complete, or the reason it does not. */
  static String problem(Path file, String ffmpegFormat) throws IOException {
    if ("ogg".equals(ffmpegFormat)) {
      return oggProblem(file);
    }
    if ("wav".equals(ffmpegFormat)) {
      return riffProblem(file);
    }
    return null;
  }

  private static String riffProblem(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(head, 0);
      if (head.position() < 12 || head.getInt(0) != 0x46464952) { // "RIFF"
        return null;
      }
      long declared = Integer.toUnsignedLong(head.getInt(4)) + 8;
      boolean streaming = declared == 8 || declared >= 0xFFFFFFFFL;
      return !streaming && declared > ch.size()
          ? CUT + "its header declares " + declared + " bytes but it has " + ch.size()
          : null;
    }
  }

  private static String oggProblem(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, MAX_OGG_PAGE * 2L);
      ByteBuffer buf = ByteBuffer.allocate(tail);
      ch.read(buf, size - tail);
      byte[] b = buf.array();
      for (int i = tail - 4; i >= 0; i--) {
        if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S') {
          return lastPageProblem(b, i, tail);
        }
      }
      return CUT + "no Ogg page found at its end";
    }
  }

  private static String lastPageProblem(byte[] b, int start, int end) {
    String cutOff = CUT + "its last Ogg page is cut off";
    if (start + 27 > end) {
      return cutOff;
    }
    int segments = b[start + 26] & 0xff;
    if (start + 27 + segments > end) {
      return cutOff;
    }
    long bodyLength = 0;
    for (int s = 0; s < segments; s++) {
      bodyLength += b[start + 27 + s] & 0xff;
    }
    if (start + 27 + segments + bodyLength > end) {
      return cutOff;
    }
    boolean endOfStream = (b[start + 5] & 0x04) != 0;
    return endOfStream ? null : CUT + "its Ogg stream has no end-of-stream page";
  }
}
