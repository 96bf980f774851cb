package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Musetag's own structural reader of ID3v2 tags (v2.2, v2.3, v2.4), independent of JAudioTagger. It accounts for
 * every byte of the tag: header, extended header, frames whose ids are valid and whose sizes fit, and padding that
 * is all zeros. Anything else is {@link TagDamage}: JAudioTagger stops at the first frame it cannot read and would
 * silently drop every frame after it on the next write, so Musetag must know before it writes.
 *
 * <p>Frames are kept as stored (flags and body, not de-unsynchronised per frame), so a write can be checked to have
 * left them byte for byte alone. A v2.3 tag unsynchronised as a whole is decoded first, as its frame sizes count
 * decoded bytes. A v2.4 tag whose frame sizes are plain integers rather than syncsafe (as iTunes once wrote them) is
 * accepted when read that way it accounts for every byte.
 */
final class Id3Structure {
  private static final int HEADER = 10;

  /**
   * A tag's version (2, 3 or 4), where it starts in the file and how many bytes it takes there (header, frames,
   * padding, footer), the offset of the WAV/AIFF chunk holding it (-1 in an MP3), and its frames in order.
   */
  record Tag(int major, long start, long length, long chunk, List<RawItem> frames) {}

  private Id3Structure() {}

  /** The ID3v2 tag of an MP3 (at the start), WAV or AIFF ({@code id3 } chunk) file; null when it has none. */
  static Tag read(Path file, TagFormat format) throws IOException, TagDamage {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long[] where = locate(ch, format);
      if (where == null) {
        return null;
      }
      long start = where[0];
      long room = where[1];
      if (room < HEADER) {
        throw new TagDamage("its ID3 chunk is too short to hold a tag");
      }
      ByteBuffer h = Mp4Boxes.read(ch, start, HEADER);
      if (h.get(0) != 'I' || h.get(1) != 'D' || h.get(2) != '3') {
        throw new TagDamage("its ID3 chunk does not start with an ID3v2 header");
      }
      long size = syncsafe(h, 6, "its header's tag size is not a valid ID3v2 size");
      boolean footer = h.get(3) == 4 && (h.get(5) & 0x10) != 0;
      long total = HEADER + size + (footer ? HEADER : 0);
      if (total > room) {
        throw new TagDamage(
            "its header claims "
                + total
                + " bytes but the file holds only "
                + room
                + " from where the tag starts");
      }
      ByteBuffer all = Mp4Boxes.read(ch, start, (int) (HEADER + size));
      Tag tag = parse(all.array(), start);
      return new Tag(
          tag.major(), start, total, format == TagFormat.MP3 ? -1 : start - 8, tag.frames());
    }
  }

  /** [start, bytes available to the tag] of the file's ID3v2 tag, or null. */
  private static long[] locate(FileChannel ch, TagFormat format) throws IOException, TagDamage {
    switch (format) {
      case MP3 -> {
        if (ch.size() >= 3 && ascii(ch, 0, 3).equals("ID3")) {
          return new long[] {0, ch.size()};
        }
        return null;
      }
      case WAV -> {
        return chunk(ch, ByteOrder.LITTLE_ENDIAN);
      }
      case AIFF -> {
        return chunk(ch, ByteOrder.BIG_ENDIAN);
      }
      default -> throw new IllegalArgumentException(format + " has no ID3v2 tag");
    }
  }

  private static long[] chunk(FileChannel ch, ByteOrder order) throws IOException, TagDamage {
    long pos = 12;
    while (pos + 8 <= ch.size()) {
      ByteBuffer h = Mp4Boxes.read(ch, pos, 8).order(order);
      String id = new String(h.array(), 0, 4, StandardCharsets.ISO_8859_1);
      long size = Integer.toUnsignedLong(h.getInt(4));
      boolean id3 = id.equals("id3 ") || id.equals("ID3 ");
      if (id3 && pos + 8 + size > ch.size()) {
        throw new TagDamage(
            "its ID3 chunk claims "
                + size
                + " bytes but the file holds only "
                + (ch.size() - pos - 8)
                + " after it");
      }
      if (id3) {
        return new long[] {pos + 8, size};
      }
      pos += 8 + size + (size & 1);
    }
    return null;
  }

  /** Parses a whole tag (header included); {@code base} is its offset in the file, for messages. */
  static Tag parse(byte[] tag, long base) throws TagDamage {
    int major = tag[3];
    if (major < 2 || major > 4) {
      throw new TagDamage("it is version 2." + major + ", which no reader knows");
    }
    int flags = tag[5] & 0xFF;
    byte[] body = java.util.Arrays.copyOfRange(tag, HEADER, tag.length);
    if (major < 4 && (flags & 0x80) != 0) {
      body = deUnsynchronise(body);
    }
    if (major == 2 && (flags & 0x40) != 0) {
      throw new TagDamage("it is a compressed v2.2 tag, which no reader can decode");
    }
    int pos = extendedHeader(body, major, flags);
    if (major != 4) {
      return new Tag(major, base, tag.length, -1, frames(body, pos, major, false, base));
    }
    try {
      return new Tag(major, base, tag.length, -1, frames(body, pos, major, false, base));
    } catch (TagDamage syncsafe) {
      try {
        return new Tag(major, base, tag.length, -1, frames(body, pos, major, true, base));
      } catch (TagDamage plain) {
        throw syncsafe;
      }
    }
  }

  private static int extendedHeader(byte[] body, int major, int flags) throws TagDamage {
    if (major == 2 || (flags & 0x40) == 0) {
      return 0;
    }
    if (body.length < 6) {
      throw new TagDamage("its extended header does not fit in the tag");
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    long size =
        major == 3
            ? 4 + Integer.toUnsignedLong(b.getInt(0))
            : syncsafe(b, 0, "its extended header's size is not a valid ID3v2 size");
    if (size < 6 || size > body.length) {
      throw new TagDamage(
          "its extended header claims " + size + " bytes, which do not fit in the tag");
    }
    return (int) size;
  }

  private static List<RawItem> frames(
      byte[] body, int start, int major, boolean plainSizes, long base) throws TagDamage {
    int idLength = major == 2 ? 3 : 4;
    int headerLength = major == 2 ? 6 : 10;
    List<RawItem> frames = new ArrayList<>();
    int pos = start;
    while (pos < body.length) {
      long at = base + HEADER + pos;
      if (body[pos] == 0) {
        for (int i = pos; i < body.length; i++) {
          if (body[i] != 0) {
            throw new TagDamage(
                "its padding after frame "
                    + frames.size()
                    + " holds non-zero bytes at byte "
                    + (base + HEADER + i));
          }
        }
        break;
      }
      int n = frames.size() + 1;
      if (pos + headerLength > body.length) {
        throw new TagDamage(
            (body.length - pos) + " stray bytes follow frame " + frames.size() + " at byte " + at);
      }
      String id = new String(body, pos, idLength, StandardCharsets.ISO_8859_1);
      if (!validId(id)) {
        throw new TagDamage(
            "frame " + n + " has an invalid id '" + printable(id) + "' at byte " + at);
      }
      ByteBuffer b = ByteBuffer.wrap(body, pos, headerLength);
      long size;
      if (major == 2) {
        size = (body[pos + 3] & 0xFF) << 16 | (body[pos + 4] & 0xFF) << 8 | (body[pos + 5] & 0xFF);
      } else if (major == 3 || plainSizes) {
        size = Integer.toUnsignedLong(b.getInt(pos + 4));
      } else {
        size =
            syncsafe(
                b, pos + 4, "frame " + n + " ('" + id + "') has an invalid size at byte " + at);
      }
      long left = body.length - pos - headerLength;
      if (size > left) {
        throw new TagDamage(
            "frame "
                + n
                + " ('"
                + id
                + "') at byte "
                + at
                + " claims "
                + size
                + " bytes but only "
                + left
                + " are left in the tag");
      }
      int from = pos + idLength + (major == 2 ? 3 : 4);
      int to = pos + headerLength + (int) size;
      frames.add(new RawItem(id, java.util.Arrays.copyOfRange(body, from, to)));
      pos = to;
    }
    return frames;
  }

  private static boolean validId(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String id) {
    StringBuilder s = new StringBuilder();
    for (char c : id.toCharArray()) {
      s.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return s.toString();
  }

  private static long syncsafe(ByteBuffer b, int at, String damage) throws TagDamage {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int x = b.get(at + i) & 0xFF;
      if (x >= 0x80) {
        throw new TagDamage(damage);
      }
      v = v << 7 | x;
    }
    return v;
  }

  /** Undoes unsynchronisation: every 0xFF 0x00 pair stored stands for a single 0xFF. */
  static byte[] deUnsynchronise(byte[] in) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      out.write(in[i]);
      if ((in[i] & 0xFF) == 0xFF && i + 1 < in.length && in[i + 1] == 0) {
        i++;
      }
    }
    return out.toByteArray();
  }

  private static String ascii(FileChannel ch, long pos, int n) throws IOException {
    return new String(Mp4Boxes.read(ch, pos, n).array(), StandardCharsets.ISO_8859_1);
  }
}
