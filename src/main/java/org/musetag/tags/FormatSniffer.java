package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file really is, from its first bytes (magic numbers), for files whose name says something else: a FLAC
 * named {@code .mp3}, an M4A named {@code .mp3}. The extension stays the first guess ({@link TagFormat#of}); the
 * content decides when it clearly names another format, and says nothing (empty) when it is unreadable, too short
 * or unknown, so that damaged files keep their own, more precise error messages.
 */
final class FormatSniffer {
  private static final int HEAD = 64;

  private FormatSniffer() {}

  /** The format the content shows, if it shows one. */
  static Optional<TagFormat> sniff(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = 0;
      byte[] head = read(ch, 0);
      while (head.length >= 10 && ascii(head, 0, 3).equals("ID3")) {
        int size =
            (head[6] & 0x7F) << 21
                | (head[7] & 0x7F) << 14
                | (head[8] & 0x7F) << 7
                | (head[9] & 0x7F);
        pos += 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
        head = read(ch, pos);
        if (head.length < 4
            || !ascii(head, 0, 4).equals("fLaC") && !ascii(head, 0, 3).equals("ID3")) {
          return Optional.of(
              TagFormat.MP3); // an ID3v2 tag starts MP3s; other formats keep theirs elsewhere
        }
      }
      return Optional.ofNullable(byMagic(head));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The format to read {@code file} as: the content's when it clearly shows another one than the name, else the
   * name's.
   */
  static TagFormat realFormat(Path file, TagFormat named) {
    return sniff(file).orElse(named);
  }

  /**
   * Whether a file named as {@code named} but holding {@code real} is misnamed in a way that matters: Ogg's
   * extensions are used for any codec in it (Opus in {@code .ogg} is common), so only a change of container counts.
   */
  static boolean misnamed(TagFormat named, TagFormat real) {
    return named != real && !(isOgg(named) && isOgg(real));
  }

  private static boolean isOgg(TagFormat f) {
    return f == TagFormat.OGG_VORBIS || f == TagFormat.OPUS || f == TagFormat.OGG_FLAC;
  }

  private static TagFormat byMagic(byte[] h) {
    if (h.length >= 4 && ascii(h, 0, 4).equals("fLaC")) {
      return TagFormat.FLAC;
    }
    if (h.length >= 12 && ascii(h, 0, 4).equals("RIFF") && ascii(h, 8, 4).equals("WAVE")) {
      return TagFormat.WAV;
    }
    if (h.length >= 12
        && ascii(h, 0, 4).equals("FORM")
        && (ascii(h, 8, 4).equals("AIFF") || ascii(h, 8, 4).equals("AIFC"))) {
      return TagFormat.AIFF;
    }
    if (h.length >= 8 && ascii(h, 4, 4).equals("ftyp")) {
      return TagFormat.MP4;
    }
    if (h.length >= 27 + 8 && ascii(h, 0, 4).equals("OggS")) {
      int body = 27 + (h[26] & 0xFF);
      if (startsWith(h, body, "OpusHead")) {
        return TagFormat.OPUS;
      }
      if (startsWith(h, body, "\u0001vorbis")) {
        return TagFormat.OGG_VORBIS;
      }
      if (startsWith(h, body, "\u007fFLAC")) {
        return TagFormat.OGG_FLAC;
      }
      return null;
    }
    if (isMpegAudioFrame(h)) {
      return TagFormat.MP3;
    }
    return null;
  }

  /** An MPEG audio frame header (layer I-III; not AAC's ADTS, whose layer bits are 0) with valid rate fields. */
  private static boolean isMpegAudioFrame(byte[] h) {
    if (h.length < 4 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0) {
      return false;
    }
    int version = (h[1] >> 3) & 3;
    int layer = (h[1] >> 1) & 3;
    int bitrate = (h[2] >> 4) & 0xF;
    int rate = (h[2] >> 2) & 3;
    return version != 1 && layer != 0 && bitrate != 15 && rate != 3;
  }

  private static byte[] read(FileChannel ch, long pos) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(HEAD);
    while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
      // keep reading until the head is full or the file ends
    }
    return Arrays.copyOf(buf.array(), buf.position());
  }

  private static boolean startsWith(byte[] h, int at, String magic) {
    return h.length >= at + magic.length() && ascii(h, at, magic.length()).equals(magic);
  }

  private static String ascii(byte[] h, int at, int n) {
    return new String(h, at, Math.min(n, Math.max(0, h.length - at)), StandardCharsets.ISO_8859_1);
  }
}
