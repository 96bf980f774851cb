package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Which container a file really is, from its first bytes, and which one its name says. Opening a file as the
 * format its extension names is fast (FFmpeg skips its content probe), but a misnamed file then opens "cleanly" as
 * the wrong thing: the MP3 demuxer accepts almost anything and finds no audio, or finds frame-sync bytes inside
 * AAC and plays seconds of garbage. The signatures read here (a few bytes) settle it before FFmpeg is asked.
 */
final class ContainerSniffer {
  private static final int HEAD = 16;

  private ContainerSniffer() {}

  /** The FFmpeg demuxer the extension names, or null for an extension Musetag does not know. */
  static String byName(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "ogg", "oga", "opus" -> "ogg";
      case "mp3" -> "mp3";
      case "flac" -> "flac";
      case "m4a", "m4b", "mp4" -> "mov";
      case "wav" -> "wav";
      case "aif", "aiff", "aifc" -> "aiff";
      default -> null;
    };
  }

  /**
   * The FFmpeg demuxer to open {@code file} with: the one its content's signature names when that differs from the
   * extension's, else the extension's, or null to let FFmpeg's own probe decide (no extension Musetag knows, or a
   * signature the named container should have and does not). MP3 alone is trusted without a signature.
   */
  static String choose(Path file) throws IOException {
    String named = byName(file);
    String content = byContent(file);
    if (content != null) {
      return content;
    }
    return "mp3".equals(named) ? named : null;
  }

  /** Null when the name fits what FFmpeg opened ({@code ffmpegFormat}), else how it misleads. */
  static String misnamed(Path file, String ffmpegFormat) {
    String named = byName(file);
    if (named == null || ffmpegFormat == null || named.equals(ffmpegFormat.split(",")[0])) {
      return null;
    }
    String name = file.getFileName().toString();
    String real = FfmpegAudioDecoder.formatName(ffmpegFormat).toUpperCase(Locale.ROOT);
    return "is named " + name.substring(name.lastIndexOf('.')) + " but its content is " + real;
  }

  /**
   * The FFmpeg demuxer the content calls for, read from its signature (after an ID3v2 tag, which some FLAC and WAV
   * files carry in front), or null when the first bytes name no container Musetag knows (MP3 has no signature of
   * its own and may start with junk; FFmpeg's own probe decides then).
   */
  static String byContent(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] b = read(ch, 0);
      long skip = Id3v2.length(b);
      return signature(skip > 0 ? read(ch, skip) : b);
    }
  }

  private static String signature(byte[] b) {
    if (is(b, 0, "fLaC")) {
      return "flac";
    }
    if (is(b, 0, "OggS")) {
      return "ogg";
    }
    if ((is(b, 0, "RIFF") || is(b, 0, "RF64")) && is(b, 8, "WAVE")) {
      return "wav";
    }
    if (is(b, 0, "FORM") && (is(b, 8, "AIFF") || is(b, 8, "AIFC"))) {
      return "aiff";
    }
    if (is(b, 4, "ftyp")) {
      return "mov";
    }
    if (mpegAudioFrame(b)) {
      return "mp3";
    }
    return null;
  }

  /** An MPEG audio frame header at offset 0: 11 sync bits, a real version and layer, a valid bit rate and rate. */
  private static boolean mpegAudioFrame(byte[] b) {
    int h = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    boolean sync = (h >>> 21) == 0x7ff;
    int version = (h >>> 19) & 3;
    int layer = (h >>> 17) & 3;
    int bitrate = (h >>> 12) & 0xf;
    int rate = (h >>> 10) & 3;
    return sync && version != 1 && layer != 0 && bitrate != 0xf && rate != 3;
  }

  private static byte[] read(FileChannel ch, long at) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(HEAD);
    while (buf.hasRemaining() && ch.read(buf, at + buf.position()) > 0) {
      // keep reading: a channel may return fewer bytes than asked
    }
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
