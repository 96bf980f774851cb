package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal reader of MP4 box headers, enough to find the metadata list and the audio data. Musetag reads these
 * itself because JAudioTagger 3.0.1 sees only the first value of a multi-valued atom, and because the audio bytes
 * must be compared before and after a write without trusting the library that wrote them.
 */
final class Mp4Boxes {

  /** One box: its four-character type (ISO-8859-1, so {@code ©gen} keeps its 0xA9), where it starts and ends. */
  record Box(String type, long start, long dataStart, long end) {
    long dataSize() {
      return end - dataStart;
    }
  }

  private Mp4Boxes() {}

  /** The boxes directly inside [{@code from}, {@code to}); stops quietly at a header that does not fit. */
  static List<Box> children(FileChannel ch, long from, long to) throws IOException {
    List<Box> boxes = new ArrayList<>();
    long pos = from;
    while (pos + 8 <= to) {
      ByteBuffer h = read(ch, pos, 8);
      long size = Integer.toUnsignedLong(h.getInt());
      String type = new String(h.array(), 4, 4, StandardCharsets.ISO_8859_1);
      long header = 8;
      if (size == 1) {
        if (pos + 16 > to) {
          break;
        }
        size = read(ch, pos + 8, 8).getLong();
        header = 16;
      } else if (size == 0) {
        size = to - pos;
      }
      if (size < header || pos + size > to) {
        break;
      }
      boxes.add(new Box(type, pos, pos + header, pos + size));
      pos += size;
    }
    return boxes;
  }

  /** The first child of {@code parent} (or of the whole file when null) with this type. */
  static Optional<Box> child(FileChannel ch, Box parent, String type) throws IOException {
    long from = parent == null ? 0 : parent.dataStart();
    long to = parent == null ? ch.size() : parent.end();
    return children(ch, from, to).stream().filter(b -> b.type().equals(type)).findFirst();
  }

  /** Follows a path of box types from the top of the file, e.g. moov, udta, meta. */
  static Optional<Box> path(FileChannel ch, String... types) throws IOException {
    Box box = null;
    for (String type : types) {
      Optional<Box> next = child(ch, box, type);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      box = next.get();
    }
    return Optional.ofNullable(box);
  }

  /**
   * Where the children of a {@code meta} box start: ISO files give it a 4-byte version and flags first, QuickTime
   * files do not; the first child is always {@code hdlr}.
   */
  static long metaChildrenStart(FileChannel ch, Box meta) throws IOException {
    if (meta.dataSize() >= 8) {
      ByteBuffer b = read(ch, meta.dataStart(), 8);
      if (new String(b.array(), 4, 4, StandardCharsets.ISO_8859_1).equals("hdlr")) {
        return meta.dataStart();
      }
    }
    return meta.dataStart() + 4;
  }

  /** {@code length} bytes at {@code pos}; refused before allocating when the file does not hold them. */
  static ByteBuffer read(FileChannel ch, long pos, int length) throws IOException {
    if (length < 0 || pos < 0 || pos + length > ch.size()) {
      throw new IOException(
          "unexpected end of file: "
              + length
              + " bytes wanted at byte "
              + pos
              + " of "
              + ch.size());
    }
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, pos + buf.position()) < 0) {
        throw new IOException("unexpected end of file at byte " + (pos + buf.position()));
      }
    }
    return buf.flip();
  }
}
