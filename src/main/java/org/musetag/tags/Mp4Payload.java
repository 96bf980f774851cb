package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * The MP4 part of {@link AudioPayload}: the audio samples ({@code mdat} payloads) and the track boxes that say where
 * they are and how to play them. A tag write may grow {@code moov} and so move {@code mdat}, shifting every chunk
 * offset by the same amount; offsets are therefore digested relative to the {@code mdat} that holds them, which also
 * catches a writer that forgot to shift them.
 */
final class Mp4Payload {
  private static final Set<String> CONTAINERS =
      Set.of("trak", "mdia", "minf", "stbl", "edts", "dinf", "mvex");

  /** Boxes a tag write may rewrite or resize: the metadata and the padding around it. */
  private static final Set<String> TAG_BOXES = Set.of("udta", "meta", "free", "skip");

  private Mp4Payload() {}

  static void digest(FileChannel ch, MessageDigest md) throws IOException {
    List<Mp4Boxes.Box> top = Mp4Boxes.children(ch, 0, ch.size());
    List<Mp4Boxes.Box> mdats = top.stream().filter(b -> b.type().equals("mdat")).toList();
    if (mdats.isEmpty()) {
      throw new IOException("no mdat box");
    }
    for (Mp4Boxes.Box mdat : mdats) {
      AudioPayload.copy(ch, mdat.dataStart(), mdat.end(), md);
    }
    for (Mp4Boxes.Box box : top) {
      if (box.type().equals("moov")) {
        walk(ch, box, mdats, md);
      }
    }
  }

  private static void walk(
      FileChannel ch, Mp4Boxes.Box parent, List<Mp4Boxes.Box> mdats, MessageDigest md)
      throws IOException {
    for (Mp4Boxes.Box box : Mp4Boxes.children(ch, parent.dataStart(), parent.end())) {
      if (TAG_BOXES.contains(box.type())) {
        continue;
      }
      md.update(box.type().getBytes(StandardCharsets.ISO_8859_1));
      if (CONTAINERS.contains(box.type())) {
        walk(ch, box, mdats, md);
      } else if (box.type().equals("stco") || box.type().equals("co64")) {
        offsets(ch, box, box.type().equals("co64"), mdats, md);
      } else {
        AudioPayload.copy(ch, box.dataStart(), box.end(), md);
      }
    }
  }

  private static void offsets(
      FileChannel ch, Mp4Boxes.Box box, boolean wide, List<Mp4Boxes.Box> mdats, MessageDigest md)
      throws IOException {
    if (box.dataSize() > Integer.MAX_VALUE || box.dataSize() < 8) {
      throw new IOException("implausible chunk offset box");
    }
    ByteBuffer b = Mp4Boxes.read(ch, box.dataStart(), (int) box.dataSize());
    b.getInt(); // version and flags
    long count = Integer.toUnsignedLong(b.getInt());
    ByteBuffer out = ByteBuffer.allocate(12);
    for (long i = 0; i < count && b.remaining() >= (wide ? 8 : 4); i++) {
      long offset = wide ? b.getLong() : Integer.toUnsignedLong(b.getInt());
      int which = -1;
      long relative = offset;
      for (int m = 0; m < mdats.size(); m++) {
        Mp4Boxes.Box mdat = mdats.get(m);
        if (offset >= mdat.dataStart() && offset < mdat.end()) {
          which = m;
          relative = offset - mdat.dataStart();
          break;
        }
      }
      md.update(out.clear().putInt(which).putLong(relative).array());
    }
  }
}
