package org.musetag.tags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The comment header of an Ogg stream, parsed so that it can be rebuilt with only the managed comments changed: the
 * codec's prefix, the vendor string, every comment as its raw bytes in file order, and whatever follows the comments
 * (Opus may keep binary data there, Vorbis keeps its framing bit), all carried over untouched.
 */
final class CommentPacket {
  /** How the comment packet of a codec starts. */
  enum Kind {
    /** RFC 7845: "OpusTags", then a Vorbis comment without framing bit; data after it is kept. */
    OPUS("OpusTags".getBytes(StandardCharsets.US_ASCII)),
    /** Vorbis I: packet type 3, "vorbis", then a Vorbis comment and the framing bit (and any padding), kept. */
    VORBIS(new byte[] {3, 'v', 'o', 'r', 'b', 'i', 's'}),
    /** Ogg FLAC: a VORBIS_COMMENT metadata block, its 4-byte block header first (type 4, 24-bit length). */
    FLAC(new byte[0]);

    final byte[] magic;

    Kind(byte[] magic) {
      this.magic = magic;
    }
  }

  private final Kind kind;
  private final byte[] prefix;
  private final byte[] vendor;
  private final List<byte[]> comments;
  private final byte[] trailing;

  private CommentPacket(
      Kind kind, byte[] prefix, byte[] vendor, List<byte[]> comments, byte[] trailing) {
    this.kind = kind;
    this.prefix = prefix;
    this.vendor = vendor;
    this.comments = List.copyOf(comments);
    this.trailing = trailing;
  }

  /** Parses a comment packet; every length field is checked against the packet, so nothing is guessed. */
  static CommentPacket parse(Kind kind, byte[] packet) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
    byte[] prefix;
    if (kind == Kind.FLAC) {
      if (packet.length < 4 || (packet[0] & 0x7F) != 4) {
        throw new IOException("the second header packet is not a FLAC Vorbis comment block");
      }
      int length = (packet[1] & 0xFF) << 16 | (packet[2] & 0xFF) << 8 | (packet[3] & 0xFF);
      if (length != packet.length - 4) {
        throw new IOException("the FLAC Vorbis comment block's length does not match its packet");
      }
      prefix = Arrays.copyOf(packet, 4);
    } else {
      if (!Arrays.equals(
          packet,
          0,
          Math.min(packet.length, kind.magic.length),
          kind.magic,
          0,
          kind.magic.length)) {
        throw new IOException(
            kind == Kind.OPUS ? "no OpusTags header" : "no Vorbis comment header");
      }
      prefix = kind.magic.clone();
    }
    b.position(prefix.length);
    byte[] vendor = bytes(b, length(b));
    long count = Integer.toUnsignedLong(length(b, 4));
    if (count > b.remaining() / 4) {
      throw new IOException(
          "the comment header claims " + count + " comments, more than it can hold");
    }
    List<byte[]> comments = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      comments.add(bytes(b, length(b)));
    }
    byte[] trailing = bytes(b, b.remaining());
    return new CommentPacket(kind, prefix, vendor, comments, trailing);
  }

  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix);
    writeLength(out, vendor.length);
    out.writeBytes(vendor);
    writeLength(out, comments.size());
    for (byte[] c : comments) {
      writeLength(out, c.length);
      out.writeBytes(c);
    }
    out.writeBytes(trailing);
    byte[] packet = out.toByteArray();
    if (kind == Kind.FLAC) {
      int length = packet.length - 4;
      packet[1] = (byte) (length >>> 16);
      packet[2] = (byte) (length >>> 8);
      packet[3] = (byte) length;
    }
    return packet;
  }

  /**
   * A copy with the comments of each changed field replaced by one comment per new value. The new comments take the
   * place of the first old one of that field (or go at the end); every other comment keeps its bytes and its order.
   */
  CommentPacket with(Map<TagField, List<String>> changes) throws IOException {
    List<byte[]> out = new ArrayList<>(comments);
    for (Map.Entry<TagField, List<String>> e : changes.entrySet()) {
      List<String> names = FieldNames.vorbisNames(e.getKey());
      for (int n = 0; n < names.size(); n++) {
        String name = names.get(n);
        int at = -1;
        for (int i = out.size() - 1; i >= 0; i--) {
          if (name.equalsIgnoreCase(name(out.get(i)))) {
            out.remove(i);
            at = i;
          }
        }
        if (n > 0 && at < 0) {
          continue; // an alternative name is kept equal where the file has it, never added
        }
        List<byte[]> added =
            e.getValue().stream()
                .map(v -> (name + "=" + v).getBytes(StandardCharsets.UTF_8))
                .toList();
        out.addAll(at < 0 ? out.size() : at, added);
      }
    }
    CommentPacket result = new CommentPacket(kind, prefix, vendor, out, trailing);
    if (kind == Kind.FLAC && result.toBytes().length - 4 > 0xFF_FFFF) {
      throw new IOException("the comments would not fit in a FLAC metadata block (16 MiB)");
    }
    return result;
  }

  /** The managed fields: the built-ins and {@code userFields}, one value per comment, names compared ignoring case. */
  TagValues managed(Set<TagField> userFields) {
    Map<TagField, List<String>> values = new TreeMap<>();
    for (TagField field : FieldNames.withUserFields(userFields)) {
      for (String name : FieldNames.vorbisNames(field)) {
        List<String> found = valuesOf(name);
        if (!found.isEmpty()) {
          values.put(field, found);
          break;
        }
      }
    }
    return new TagValues(values);
  }

  private List<String> valuesOf(String name) {
    List<String> out = new ArrayList<>();
    for (byte[] c : comments) {
      String entry = new String(c, StandardCharsets.UTF_8);
      int eq = entry.indexOf('=');
      if (eq > 0 && entry.substring(0, eq).equalsIgnoreCase(name)) {
        String value = entry.substring(eq + 1).strip();
        if (!value.isEmpty()) {
          out.add(value);
        }
      }
    }
    return out;
  }

  /**
   * Everything a write must leave alone, as hex lines in file order: the vendor, every comment that is not a managed
   * field, and the bytes after the comments.
   */
  List<String> others(Set<TagField> userFields) {
    java.util.HexFormat hex = java.util.HexFormat.of();
    List<String> lines = new ArrayList<>();
    lines.add("vendor:" + hex.formatHex(vendor));
    for (byte[] c : comments) {
      String name = name(c);
      if (!FieldNames.isManagedVorbis(name, userFields)) {
        lines.add("comment:" + hex.formatHex(c));
      }
    }
    lines.add("after:" + hex.formatHex(trailing));
    return lines;
  }

  private static String name(byte[] comment) {
    int eq = 0;
    while (eq < comment.length && comment[eq] != '=') {
      eq++;
    }
    return new String(comment, 0, eq, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
  }

  private static int length(ByteBuffer b) throws IOException {
    int n = length(b, 4);
    if (n < 0 || n > b.remaining()) {
      throw new IOException("a comment is longer than the comment header");
    }
    return n;
  }

  private static int length(ByteBuffer b, int size) throws IOException {
    if (b.remaining() < size) {
      throw new IOException("the comment header ends early");
    }
    return b.getInt();
  }

  private static byte[] bytes(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  private static void writeLength(ByteArrayOutputStream out, int n) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array());
  }
}
