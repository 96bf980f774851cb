package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A fingerprint (SHA-256) of everything in an audio file that a tag write must not change: the encoded audio and the
 * stream headers, but not the tag blocks or their padding, and not where things sit in the file. Comparing it before
 * and after a write proves the audio is bit-for-bit the same, without decoding (which would cost far more than the
 * write itself).
 *
 * <p>Per container: MP3, everything between the leading ID3v2 tag(s) and a trailing ID3v1 tag; FLAC, all metadata
 * blocks except the comment and padding (so cover art and seek tables count) plus the frames; Ogg, every packet but
 * the comment header, with page granule positions; MP4, the {@code mdat} payloads and the track boxes, with chunk
 * offsets taken relative to their {@code mdat}; WAV and AIFF, every chunk but the tag chunks.
 */
final class AudioPayload {
  private static final Set<String> IFF_TAG_CHUNKS = Set.of("id3 ", "ID3 ");

  private AudioPayload() {}

  static String digest(Path file, TagFormat format) throws IOException {
    MessageDigest md = sha256();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      switch (format) {
        case MP3 -> mp3(ch, md);
        case FLAC -> flac(ch, md);
        case OGG_VORBIS, OPUS, OGG_FLAC -> ogg(file, md);
        case MP4 -> Mp4Payload.digest(ch, md);
        case WAV -> iff(ch, md, ByteOrder.LITTLE_ENDIAN);
        case AIFF -> iff(ch, md, ByteOrder.BIG_ENDIAN);
        default -> throw new IllegalArgumentException(format.toString());
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void mp3(FileChannel ch, MessageDigest md) throws IOException {
    long start = skipId3v2(ch, 0);
    long end = ch.size();
    if (end - start >= 128 && ascii(ch, end - 128, 3).equals("TAG")) {
      end -= 128;
    }
    while (start < end && Mp4Boxes.read(ch, start, 1).get() == 0) {
      start++; // padding written after a tag rather than inside it
    }
    copy(ch, start, end, md);
  }

  private static void flac(FileChannel ch, MessageDigest md) throws IOException {
    long pos = skipId3v2(ch, 0);
    if (!ascii(ch, pos, 4).equals("fLaC")) {
      throw new IOException("no FLAC stream marker");
    }
    pos += 4;
    List<String> blocks = new ArrayList<>();
    boolean last = false;
    while (!last && pos + 4 <= ch.size()) {
      int head = Mp4Boxes.read(ch, pos, 4).getInt();
      last = (head & 0x8000_0000) != 0;
      int type = (head >>> 24) & 0x7F;
      int length = head & 0xFF_FFFF;
      if (type != 1 && type != 4) { // padding and the Vorbis comment may change
        MessageDigest block = sha256();
        block.update((byte) type);
        copy(ch, pos + 4, pos + 4 + length, block);
        blocks.add(HexFormat.of().formatHex(block.digest()));
      }
      pos += 4 + length;
    }
    blocks.sort(null); // a writer may reorder metadata blocks
    blocks.forEach(b -> md.update(b.getBytes(StandardCharsets.US_ASCII)));
    copy(ch, pos, ch.size(), md);
  }

  private static void ogg(Path file, MessageDigest md) throws IOException {
    int[] headers = {-1};
    int[] firstSerial = {0};
    OggPackets.read(
        file,
        new OggPackets.Listener() {
          @Override
          public boolean packet(int serial, int index, byte[] data) {
            if (headers[0] < 0) {
              firstSerial[0] = serial;
              headers[0] =
                  startsWith(data, "\u0001vorbis") ? 3 : startsWith(data, "OpusHead") ? 2 : 1;
            }
            if (serial != firstSerial[0] || index != 1) {
              md.update(
                  ByteBuffer.allocate(12).putInt(serial).putInt(index).putInt(data.length).array());
              md.update(data);
            }
            return true;
          }

          @Override
          public void pageEnd(int serial, long granule, int packetsCompleted) {
            if (serial != firstSerial[0] || packetsCompleted > headers[0]) {
              md.update(ByteBuffer.allocate(12).putInt(serial).putLong(granule).array());
            }
          }
        });
  }

  private static void iff(FileChannel ch, MessageDigest md, ByteOrder order) throws IOException {
    long pos = 12;
    while (pos + 8 <= ch.size()) {
      ByteBuffer h = Mp4Boxes.read(ch, pos, 8).order(order);
      String id = new String(h.array(), 0, 4, StandardCharsets.ISO_8859_1);
      long size = Integer.toUnsignedLong(h.getInt(4));
      long end = Math.min(ch.size(), pos + 8 + size);
      boolean infoList = id.equals("LIST") && size >= 4 && ascii(ch, pos + 8, 4).equals("INFO");
      if (!IFF_TAG_CHUNKS.contains(id) && !infoList) {
        md.update(h.array(), 0, 8);
        copy(ch, pos + 8, end, md);
      }
      pos = end + (size & 1);
    }
  }

  private static long skipId3v2(FileChannel ch, long pos) throws IOException {
    while (pos + 10 <= ch.size() && ascii(ch, pos, 3).equals("ID3")) {
      ByteBuffer h = Mp4Boxes.read(ch, pos, 10);
      int size =
          (h.get(6) & 0x7F) << 21
              | (h.get(7) & 0x7F) << 14
              | (h.get(8) & 0x7F) << 7
              | (h.get(9) & 0x7F);
      boolean footer = (h.get(5) & 0x10) != 0;
      pos += 10 + size + (footer ? 10 : 0);
    }
    return pos;
  }

  static void copy(FileChannel ch, long from, long to, MessageDigest md) throws IOException {
    if (to <= from) {
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long pos = from;
    while (pos < to) {
      buf.clear().limit((int) Math.min(buf.capacity(), to - pos));
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      md.update(buf.array(), 0, n);
      pos += n;
    }
  }

  private static String ascii(FileChannel ch, long pos, int n) throws IOException {
    if (pos + n > ch.size()) {
      return "";
    }
    return new String(Mp4Boxes.read(ch, pos, n).array(), StandardCharsets.ISO_8859_1);
  }

  private static boolean startsWith(byte[] data, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    return data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
