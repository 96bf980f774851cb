package org.musetag.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a file keeps the length fields a hostile or damaged file lies in: ID3v2 tag and frame sizes, FLAC block
 * lengths and the Vorbis comment's vendor length and count, the Ogg comment header's, RIFF/AIFF chunk sizes and MP4
 * box sizes. Found by walking the structure the way a reader would, so a mutation hits a field a reader trusts.
 */
final class LengthFields {

  /** A length field: where it is, how wide, its byte order, and whether ID3's syncsafe encoding applies. */
  record Field(int offset, int width, ByteOrder order, boolean syncsafe, String what) {}

  private static final Set<String> MP4_CONTAINERS =
      Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "ilst", "edts", "dinf");

  private LengthFields() {}

  static List<Field> of(byte[] file) {
    List<Field> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file);
    int pos = id3(b, 0, out);
    if (ascii(file, pos, 4).equals("fLaC")) {
      flac(b, pos + 4, out);
    } else if (ascii(file, 0, 4).equals("OggS")) {
      ogg(file, out);
    } else if (ascii(file, 0, 4).equals("RIFF")) {
      iff(b.order(ByteOrder.LITTLE_ENDIAN), out, ByteOrder.LITTLE_ENDIAN);
    } else if (ascii(file, 0, 4).equals("FORM")) {
      iff(b.order(ByteOrder.BIG_ENDIAN), out, ByteOrder.BIG_ENDIAN);
    } else if (ascii(file, 4, 4).equals("ftyp")) {
      mp4(b.order(ByteOrder.BIG_ENDIAN), 0, file.length, out);
    }
    return out;
  }

  /** The ID3v2 tag at {@code pos}, if any: its size and each frame's; returns where the tag ends. */
  private static int id3(ByteBuffer b, int pos, List<Field> out) {
    byte[] f = b.array();
    if (!ascii(f, pos, 3).equals("ID3") || pos + 10 > f.length) {
      return pos;
    }
    int version = f[pos + 3];
    int size = syncsafe(f, pos + 6);
    out.add(new Field(pos + 6, 4, ByteOrder.BIG_ENDIAN, true, "ID3v2 tag size"));
    int end = Math.min(f.length, pos + 10 + size);
    int p = pos + 10;
    while (p + 10 <= end && Character.isLetterOrDigit(f[p]) && f[p] != 0) {
      int frameSize =
          version == 4 ? syncsafe(f, p + 4) : b.order(ByteOrder.BIG_ENDIAN).getInt(p + 4);
      out.add(
          new Field(
              p + 4,
              4,
              ByteOrder.BIG_ENDIAN,
              version == 4,
              "ID3v2 frame " + ascii(f, p, 4) + " size"));
      if (frameSize <= 0) {
        break;
      }
      p += 10 + frameSize;
    }
    return end;
  }

  private static void flac(ByteBuffer b, int pos, List<Field> out) {
    byte[] f = b.array();
    boolean last = false;
    while (!last && pos + 4 <= f.length) {
      last = (f[pos] & 0x80) != 0;
      int type = f[pos] & 0x7F;
      int length = (f[pos + 1] & 0xFF) << 16 | (f[pos + 2] & 0xFF) << 8 | (f[pos + 3] & 0xFF);
      out.add(new Field(pos + 1, 3, ByteOrder.BIG_ENDIAN, false, "FLAC block " + type + " length"));
      if (type == 4) {
        vorbisComment(f, pos + 4, pos + 4 + length, out);
      } else if (type == 6 && pos + 12 <= f.length) {
        out.add(new Field(pos + 8, 4, ByteOrder.BIG_ENDIAN, false, "FLAC picture MIME length"));
      }
      pos += 4 + length;
    }
  }

  /** The vendor length, the count and the first comments' lengths of a Vorbis comment starting at {@code pos}. */
  private static void vorbisComment(byte[] f, int pos, int end, List<Field> out) {
    ByteBuffer le = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    if (pos + 8 > Math.min(end, f.length)) {
      return;
    }
    out.add(new Field(pos, 4, ByteOrder.LITTLE_ENDIAN, false, "Vorbis comment vendor length"));
    int vendor = le.getInt(pos);
    int p = pos + 4 + vendor;
    if (vendor < 0 || p + 4 > f.length) {
      return;
    }
    out.add(new Field(p, 4, ByteOrder.LITTLE_ENDIAN, false, "Vorbis comment count"));
    int count = le.getInt(p);
    p += 4;
    for (int i = 0; i < count && i < 4 && p + 4 <= f.length; i++) {
      out.add(new Field(p, 4, ByteOrder.LITTLE_ENDIAN, false, "Vorbis comment " + i + " length"));
      int length = le.getInt(p);
      if (length < 0) {
        return;
      }
      p += 4 + length;
    }
  }

  /** The comment header of the first Ogg stream, found by its magic ({@code \3vorbis}, {@code OpusTags}). */
  private static void ogg(byte[] f, List<Field> out) {
    int limit = Math.min(f.length, 1 << 16);
    for (int i = 0; i + 8 < limit; i++) {
      if (ascii(f, i, 7).equals("\u0003vorbis")) {
        vorbisComment(f, i + 7, f.length, out);
        return;
      }
      if (ascii(f, i, 8).equals("OpusTags")) {
        vorbisComment(f, i + 8, f.length, out);
        return;
      }
    }
  }

  private static void iff(ByteBuffer b, List<Field> out, ByteOrder order) {
    byte[] f = b.array();
    out.add(new Field(4, 4, order, false, "container size"));
    int pos = 12;
    while (pos + 8 <= f.length) {
      String id = ascii(f, pos, 4);
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      out.add(new Field(pos + 4, 4, order, false, "chunk '" + id + "' size"));
      if (id.equalsIgnoreCase("id3 ")) {
        id3(b, pos + 8, out);
      }
      pos += 8 + size + (size & 1);
    }
  }

  private static void mp4(ByteBuffer b, int from, int to, List<Field> out) {
    byte[] f = b.array();
    int pos = from;
    while (pos + 8 <= to) {
      long size = Integer.toUnsignedLong(b.getInt(pos));
      String type = ascii(f, pos + 4, 4);
      if (size < 8 || pos + size > to) {
        return;
      }
      out.add(new Field(pos, 4, ByteOrder.BIG_ENDIAN, false, "MP4 box '" + type + "' size"));
      if (MP4_CONTAINERS.contains(type)
          || (pos > 0 && f[pos - 4] == 'i' && ascii(f, pos - 4, 4).equals("ilst"))) {
        mp4(b, pos + 8, (int) (pos + size), out);
      } else if (type.equals("meta")) {
        mp4(b, pos + 12, (int) (pos + size), out);
      } else if (type.length() == 4
          && (type.charAt(0) == '\u00a9'
              || type.equals("----")
              || type.equals("covr")
              || type.equals("trkn"))) {
        mp4(b, pos + 8, (int) (pos + size), out); // an ilst item: its data, mean and name atoms
      }
      pos += (int) size;
    }
  }

  private static int syncsafe(byte[] f, int pos) {
    return (f[pos] & 0x7F) << 21
        | (f[pos + 1] & 0x7F) << 14
        | (f[pos + 2] & 0x7F) << 7
        | (f[pos + 3] & 0x7F);
  }

  private static String ascii(byte[] f, int pos, int n) {
    if (pos < 0 || pos + n > f.length) {
      return "";
    }
    return new String(f, pos, n, StandardCharsets.ISO_8859_1);
  }
}
