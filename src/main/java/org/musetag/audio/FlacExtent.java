package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * How many samples a FLAC file really holds. FFmpeg takes a FLAC file's length from STREAMINFO's total-samples
 * field, which says nothing about a file cut short, and may itself be wrong (a fuzzed or badly written header).
 * Every FLAC frame header carries its own position (frame or sample number) and is protected by a CRC-8, so the
 * last two consecutive frame headers near the end of the file say where the audio really stops.
 */
final class FlacExtent {
  private static final int MIN_TAIL = 64 * 1024;
  private static final int[] CRC8 = crc8Table();

  private FlacExtent() {}

  /** Seconds of audio the frames hold, or NaN when the file gives no answer (no STREAMINFO, too few frames). */
  static double presentSeconds(FileChannel ch, long flacStart) throws IOException {
    ByteBuffer info = ByteBuffer.allocate(42);
    ch.read(info, flacStart);
    byte[] s = info.array();
    if (info.position() < 42
        || s[0] != 'f'
        || s[1] != 'L'
        || s[2] != 'a'
        || s[3] != 'C'
        || (s[4] & 0x7f) != 0) {
      return Double.NaN;
    }
    int minBlock = u16(s, 8);
    int maxFrame = (s[15] & 0xff) << 16 | (s[16] & 0xff) << 8 | (s[17] & 0xff);
    int rate = (s[18] & 0xff) << 12 | (s[19] & 0xff) << 4 | (s[20] & 0xff) >> 4;
    if (rate <= 0 || minBlock <= 0) {
      return Double.NaN;
    }
    long size = endOfData(ch, flacStart);
    int tail = (int) Math.min(size - flacStart, Math.max(MIN_TAIL, 3L * maxFrame + 64));
    ByteBuffer buf = read(ch, size - tail, tail);
    long end = lastFrameEnd(buf.array(), buf.position(), minBlock);
    return end < 0 ? Double.NaN : end / (double) rate;
  }

  /**
   * Where the file's bytes stop being zeros: a download cut short is often left at its full size with the missing
   * part zero-filled. A sound file ends in a frame's CRC, so this reads one block.
   */
  private static long endOfData(FileChannel ch, long from) throws IOException {
    long end = ch.size();
    while (end > from) {
      int n = (int) Math.min(MIN_TAIL, end - from);
      byte[] b = read(ch, end - n, n).array();
      for (int i = n - 1; i >= 0; i--) {
        if (b[i] != 0) {
          return end - n + i + 1;
        }
      }
      end -= n;
    }
    return from;
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining() && ch.read(buf, at + buf.position()) > 0) {
      // a channel may deliver fewer bytes than asked
    }
    return buf;
  }

  /**
   * The sample just after the last frame whose header is confirmed by the header of the frame before it (that
   * frame's start plus its block size equals this one's start), or -1 when no such pair is found.
   */
  static long lastFrameEnd(byte[] b, int length, int nominalBlock) {
    List<long[]> later = new ArrayList<>();
    for (int i = length - 2; i >= 0; i--) {
      long[] frame = header(b, i, length, nominalBlock);
      if (frame == null) {
        continue;
      }
      for (long[] next : later) {
        if (frame[0] + frame[1] == next[0]) {
          return next[0] + next[1];
        }
      }
      later.add(frame);
    }
    return -1;
  }

  /** {start sample, block size} of a valid frame header at {@code i}, or null. */
  private static long[] header(byte[] b, int i, int length, int nominalBlock) {
    if ((b[i] & 0xff) != 0xff || (b[i + 1] & 0xfe) != 0xf8 || i + 6 > length) {
      return null;
    }
    boolean variable = (b[i + 1] & 1) != 0;
    int blockCode = (b[i + 2] & 0xff) >> 4;
    int rateCode = b[i + 2] & 0x0f;
    int channels = (b[i + 3] & 0xff) >> 4;
    int depth = (b[i + 3] >> 1) & 7;
    if (blockCode == 0 || rateCode == 15 || channels > 10 || depth == 3 || (b[i + 3] & 1) != 0) {
      return null;
    }
    int p = i + 4;
    int first = b[p] & 0xff;
    int extra = continuationBytes(first);
    if (extra < 0 || p + 1 + extra + 5 > length) {
      return null;
    }
    long number = extra == 0 ? first : first & (0x3f >> extra);
    for (int k = 1; k <= extra; k++) {
      int c = b[p + k] & 0xff;
      if ((c & 0xc0) != 0x80) {
        return null;
      }
      number = number << 6 | (c & 0x3f);
    }
    p += 1 + extra;
    long block =
        switch (blockCode) {
          case 1 -> 192;
          case 2, 3, 4, 5 -> 576L << (blockCode - 2);
          case 6 -> (b[p] & 0xff) + 1;
          case 7 -> u16(b, p) + 1;
          default -> 256L << (blockCode - 8);
        };
    p += blockCode == 6 ? 1 : blockCode == 7 ? 2 : 0;
    p += rateCode == 12 ? 1 : rateCode == 13 || rateCode == 14 ? 2 : 0;
    if (p >= length || crc8(b, i, p) != (b[p] & 0xff)) {
      return null;
    }
    return new long[] {variable ? number : number * nominalBlock, block};
  }

  /**
   * How many continuation bytes follow {@code first} in FLAC's UTF-8-like number coding (0xxxxxxx: none, 110xxxxx:
   * one, ... 11111110: six), or -1 when it cannot start a number.
   */
  private static int continuationBytes(int first) {
    if (first < 0x80) {
      return 0;
    }
    int ones = Integer.numberOfLeadingZeros(~first << 24);
    return ones >= 2 && ones <= 7 ? ones - 1 : -1;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static int crc8(byte[] b, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = CRC8[(crc ^ b[i]) & 0xff];
    }
    return crc;
  }

  /** CRC-8 with polynomial x^8 + x^2 + x + 1, as the FLAC format specifies for frame headers. */
  private static int[] crc8Table() {
    int[] t = new int[256];
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 0x80) != 0 ? (c << 1) ^ 0x07 : c << 1;
      }
      t[n] = c & 0xff;
    }
    return t;
  }
}
