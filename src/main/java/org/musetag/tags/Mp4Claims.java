package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The MP4 part of {@link HeaderClaims}: every box down through the boxes a tag reader opens (the track boxes and
 * the metadata list with its items) must fit inside its parent, and they may not nest deeper than any real file
 * does. JAudioTagger loads {@code moov} whole and walks these boxes recursively, so a box claiming more than its
 * parent holds, or a few thousand nested ones, would cost it a huge buffer or its stack.
 */
final class Mp4Claims {
  private static final Set<String> CONTAINERS =
      Set.of(
          "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "mvex", "udta", "meta", "ilst");

  /** Real files nest about six deep (moov, udta, meta, ilst, item, data). */
  static final int MAX_DEPTH = 16;

  private final HeaderClaims claims;

  Mp4Claims(HeaderClaims claims) {
    this.claims = claims;
  }

  void boxes() throws IOException, TagException {
    children(0, claims.size(), null, 0);
  }

  /** The boxes in [{@code from}, {@code to}) of {@code parent} (null: the file). */
  private void children(long from, long to, String parent, int depth)
      throws IOException, TagException {
    if (depth > MAX_DEPTH) {
      throw new TagException(
          claims.file(),
          "cannot read tags: its boxes are nested more than "
              + MAX_DEPTH
              + " deep, which no real MP4 file does (the file is damaged)");
    }
    long pos = from;
    while (pos + 8 <= to) {
      ByteBuffer h = claims.read(pos, 8);
      long size = Integer.toUnsignedLong(h.getInt());
      String type = new String(h.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long header = 8;
      if (size == 1 && pos + 16 <= to) {
        size = claims.read(pos + 8, 8).getLong();
        header = 16;
      } else if (size == 0) {
        size = to - pos;
      }
      if (size < header) {
        return; // not a box header: JAudioTagger reports the damage in its own words
      }
      if (size > to - pos) {
        if (parent == null && type.equals("mdat")) {
          return;
        }
        throw parent == null
            ? claims.claim("'" + type + "' box", size)
            : claims.claim(
                "'" + type + "' box", size, "the '" + parent + "' box around it", to - from);
      }
      long end = pos + size;
      if (CONTAINERS.contains(type) || "ilst".equals(parent)) {
        long start =
            type.equals("meta")
                ? Mp4Boxes.metaChildrenStart(
                    claims.channel(), new Mp4Boxes.Box(type, pos, pos + header, end))
                : pos + header;
        children(start, end, type, depth + 1);
      }
      pos = end;
    }
  }
}
