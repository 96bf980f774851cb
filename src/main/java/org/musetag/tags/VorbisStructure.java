package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Musetag's own reader of Vorbis comments (FLAC's VORBIS_COMMENT block, the comment header of an Ogg Vorbis
 * stream), independent of JAudioTagger. It accounts for every byte: the vendor string, a comment count that matches
 * the comments there are, each comment's length fitting, and nothing left over (FLAC) or only the framing bit (Ogg).
 * A FLAC with two comment blocks is damage too: players read one, JAudioTagger keeps one, and which one is not the
 * same for every program, so rewriting would change fields Musetag was not asked to touch.
 */
final class VorbisStructure {
  private static final int VORBIS_COMMENT = 4;
  private static final byte[] VORBIS_HEADER = {3, 'v', 'o', 'r', 'b', 'i', 's'};

  /**
   * The vendor string and every comment, in order (each comment's id is its name as written), and for FLAC where
   * the comment block's header starts in the file (-1 for Ogg).
   */
  record Comments(String vendor, List<RawItem> comments, long block) {
    Comments at(long blockHeader) {
      return new Comments(vendor, comments, blockHeader);
    }
  }

  private VorbisStructure() {}

  /** The comments of a FLAC or Ogg Vorbis file; null for a FLAC without a comment block. */
  static Comments read(Path file, TagFormat format) throws IOException, TagDamage {
    return switch (format) {
      case FLAC -> flac(file);
      case OGG_VORBIS -> ogg(file);
      default -> throw new IllegalArgumentException(format + " has no Vorbis comments");
    };
  }

  private static Comments flac(Path file) throws IOException, TagDamage {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = 0;
      if (ch.size() >= 10
          && new String(Mp4Boxes.read(ch, 0, 3).array(), StandardCharsets.ISO_8859_1)
              .equals("ID3")) {
        ByteBuffer h = Mp4Boxes.read(ch, 0, 10);
        pos =
            10
                + ((h.get(6) & 0x7F) << 21
                    | (h.get(7) & 0x7F) << 14
                    | (h.get(8) & 0x7F) << 7
                    | (h.get(9) & 0x7F));
      }
      if (pos + 4 > ch.size()
          || !new String(Mp4Boxes.read(ch, pos, 4).array(), StandardCharsets.ISO_8859_1)
              .equals("fLaC")) {
        throw new IOException("no FLAC stream marker");
      }
      pos += 4;
      Comments found = null;
      int blocks = 0;
      boolean last = false;
      while (!last) {
        if (pos + 4 > ch.size()) {
          throw new TagDamage("its metadata blocks end before the last one is marked as last");
        }
        int head = Mp4Boxes.read(ch, pos, 4).getInt();
        last = (head & 0x8000_0000) != 0;
        int type = (head >>> 24) & 0x7F;
        long length = head & 0xFF_FFFF;
        blocks++;
        if (pos + 4 + length > ch.size()) {
          throw new TagDamage(
              "metadata block "
                  + blocks
                  + " at byte "
                  + pos
                  + " claims "
                  + length
                  + " bytes, more than the file holds");
        }
        if (type == VORBIS_COMMENT) {
          if (found != null) {
            throw new TagDamage(
                "it has two Vorbis comment blocks (FLAC allows one), and programs disagree on"
                    + " which one holds the tags");
          }
          byte[] block = Mp4Boxes.read(ch, pos + 4, (int) length).array();
          found = parse(block, 0, block.length, pos + 4, false).at(pos);
        }
        pos += 4 + length;
      }
      return found;
    }
  }

  private static Comments ogg(Path file) throws IOException, TagDamage {
    byte[][] header = new byte[1][];
    OggPackets.read(
        file,
        (serial, index, data) -> {
          if (index == 1) {
            header[0] = data;
            return false;
          }
          return true;
        });
    byte[] p = header[0];
    if (p == null
        || p.length < VORBIS_HEADER.length
        || !Arrays.equals(p, 0, VORBIS_HEADER.length, VORBIS_HEADER, 0, VORBIS_HEADER.length)) {
      throw new TagDamage("its second packet is not a Vorbis comment header");
    }
    return parse(p, VORBIS_HEADER.length, p.length, -1, true);
  }

  /** Parses [from, to) of {@code data}; {@code base} is its offset in the file for messages, -1 if unknown. */
  static Comments parse(byte[] data, int from, int to, long base, boolean framingBit)
      throws TagDamage {
    ByteBuffer b = ByteBuffer.wrap(data, from, to - from).order(ByteOrder.LITTLE_ENDIAN);
    String where = base < 0 ? "" : " (block at byte " + base + ")";
    long vendorLength = word(b, "its vendor string's length is missing" + where);
    if (vendorLength > b.remaining()) {
      throw new TagDamage(
          "its vendor string claims " + vendorLength + " bytes, more than the comment block holds");
    }
    String vendor = new String(data, b.position(), (int) vendorLength, StandardCharsets.UTF_8);
    b.position(b.position() + (int) vendorLength);
    long count = word(b, "its comment count is missing" + where);
    List<RawItem> comments = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      if (b.remaining() < 4) {
        throw new TagDamage(
            "its comment count says "
                + count
                + " but the block holds only "
                + i
                + " comments"
                + where);
      }
      long length = Integer.toUnsignedLong(b.getInt());
      if (length > b.remaining()) {
        throw new TagDamage(
            "comment "
                + (i + 1)
                + " claims "
                + length
                + " bytes, more than are left in the block"
                + where);
      }
      byte[] raw = Arrays.copyOfRange(data, b.position(), b.position() + (int) length);
      b.position(b.position() + (int) length);
      comments.add(new RawItem(name(raw), raw));
    }
    int left = b.remaining();
    if (framingBit) {
      if (left < 1 || (data[b.position()] & 1) == 0) {
        throw new TagDamage("its comment header lacks the framing bit after the last comment");
      }
      left--;
      if (allZero(data, b.position() + 1, b.limit())) {
        left =
            0; // padding after the framing bit, as mutagen leaves room to grow; decoders ignore it
      }
    }
    if (left > 0) {
      throw new TagDamage(left + " bytes follow the last of its " + count + " comments" + where);
    }
    return new Comments(vendor, comments, -1);
  }

  /** Whether a comment holds a managed field ({@link FieldNames#isManagedVorbis}). */
  static boolean isManaged(RawItem comment, Set<TagField> userFields) {
    return FieldNames.isManagedVorbis(comment.id(), userFields);
  }

  private static String name(byte[] raw) {
    int eq = 0;
    while (eq < raw.length && raw[eq] != '=') {
      eq++;
    }
    return new String(raw, 0, eq, StandardCharsets.US_ASCII);
  }

  private static long word(ByteBuffer b, String damage) throws TagDamage {
    if (b.remaining() < 4) {
      throw new TagDamage(damage);
    }
    return Integer.toUnsignedLong(b.getInt());
  }

  private static boolean allZero(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
