package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Finds files cut short, or whose header claims more audio than they hold, where FFmpeg cannot tell: it takes an
 * Ogg file's duration from its last page and a WAV file's from its size, so a truncated file looks like a shorter,
 * valid one; and it takes a FLAC, AIFF or MP3 file's duration from its header, so a truncated file still reports its
 * full length. The container's own bookkeeping (the Ogg end-of-stream page, the RIFF size field, FLAC frame headers,
 * the AIFF sound-data size, the MP3 Xing byte count) tells the truth. MP4 is measured from FFmpeg's sample index
 * ({@link MovExtent}).
 */
final class TruncationCheck {
  /** Largest possible Ogg page: 27-byte header, 255 lacing values, 255 segments of 255 bytes. */
  private static final int MAX_OGG_PAGE = 27 + 255 + 255 * 255;

  private static final String CUT = "is truncated: ";

  /**
   * How much audio is there: {@code presentSeconds} (what can be decoded; the declared length when nothing says
   * otherwise) and, when the file is incomplete, the reason (null when it looks whole).
   */
  record Extent(double presentSeconds, String problem) {
    boolean complete() {
      return problem == null;
    }
  }

  private TruncationCheck() {}

  /** Measures {@code file}, whose container FFmpeg opened as {@code ffmpegFormat} and says is {@code declared} s. */
  static Extent check(Path file, String ffmpegFormat, double declared) throws IOException {
    if ("ogg".equals(ffmpegFormat)) {
      return new Extent(declared, oggProblem(file));
    }
    if ("wav".equals(ffmpegFormat)) {
      return new Extent(declared, riffProblem(file));
    }
    double present;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      present =
          switch (ffmpegFormat == null ? "" : ffmpegFormat) {
            case "flac" -> FlacExtent.presentSeconds(ch, Id3v2.length(ch));
            case "aiff" -> declared * AiffExtent.presentFraction(ch);
            case "mp3" -> declared * Mp3Extent.presentFraction(ch);
            default -> Double.NaN;
          };
    }
    return shorterThanDeclared(FfmpegAudioDecoder.formatName(ffmpegFormat), declared, present);
  }

  /** The verdict for a measured length: incomplete when clearly less than declared. */
  static Extent shorterThanDeclared(String format, double declared, double present) {
    double tolerance = FfmpegAudioDecoder.lengthTolerance(format, declared);
    if (Double.isNaN(present) || declared <= 0 || present >= declared - tolerance) {
      return new Extent(declared, null);
    }
    return new Extent(
        present,
        String.format(
            Locale.ROOT,
            CUT + "its header declares %.1f s of audio but only %.1f s is there",
            declared,
            present));
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
