package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts the user's own ID3v2 frames back exactly as they were, after JAudioTagger has written the managed ones.
 * JAudioTagger re-encodes every frame it parsed when it writes a tag: it drops a text frame's trailing NUL, swaps the
 * byte order of UTF-16, and loses what it did not understand. Meaning may survive, bytes do not, and Musetag promises
 * bytes. So when any frame that is not a managed field differs, the copy's tag is rebuilt from the original's raw
 * frames, in their order, followed by the managed frames as JAudioTagger wrote them; the tag keeps at least the
 * length JAudioTagger gave it, so the audio does not move unless the tag must grow.
 */
final class Id3Splice {
  private Id3Splice() {}

  /** Rebuilds the copy's tag if JAudioTagger changed another frame; returns whether it did. */
  static boolean restoreOthers(
      Path copy, TagFormat format, TagIntegrity.Snapshot before, Set<TagField> userFields)
      throws IOException, TagDamage {
    Id3Structure.Tag after = Id3Structure.read(copy, format);
    if (after == null || after.major() != before.id3Major() || after.major() < 3) {
      return false; // a version change is compared by meaning; v2.2 is never written
    }
    TagIntegrity.Snapshot written =
        new TagIntegrity.Snapshot(true, after.major(), null, after.frames());
    if (before.changedIn(written, userFields) == null) {
      return false;
    }
    List<RawItem> frames = new ArrayList<>();
    for (RawItem f : before.items()) {
      if (!Id3ManagedFrames.isManaged(f, before.id3Major(), userFields)) {
        frames.add(f);
      }
    }
    for (RawItem f : after.frames()) {
      if (Id3ManagedFrames.isManaged(f, after.major(), userFields)) {
        frames.add(f);
      }
    }
    replace(copy, format, after, build(after.major(), frames, after.length()));
    return true;
  }

  /** A tag of this version holding {@code frames} as stored, padded with zeros to at least {@code minLength}. */
  static byte[] build(int major, List<RawItem> frames, long minLength) throws IOException {
    long framesLength = 0;
    for (RawItem f : frames) {
      framesLength += 8 + f.bytes().length;
    }
    long total = Math.max(minLength, 10 + framesLength);
    if (total - 10 >= 1 << 28) {
      throw new IOException("the tag would be larger than ID3v2 allows");
    }
    ByteBuffer b = ByteBuffer.allocate((int) total);
    b.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0).put((byte) 0);
    b.put(syncsafe((int) (total - 10)));
    for (RawItem f : frames) {
      int size = f.bytes().length - 2;
      b.put(f.id().getBytes(StandardCharsets.ISO_8859_1));
      if (major == 4) {
        b.put(syncsafe(size));
      } else {
        b.putInt(size);
      }
      b.put(f.bytes());
    }
    return b.array();
  }

  private static void replace(Path copy, TagFormat format, Id3Structure.Tag old, byte[] tag)
      throws IOException {
    if (tag.length == old.length()) {
      try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        write(ch, ByteBuffer.wrap(tag), old.start());
      }
      return;
    }
    ByteOrder order = format == TagFormat.WAV ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    Path grown = TagTemporaries.named(copy.getParent());
    try {
      try (FileChannel in = FileChannel.open(copy, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(
                  grown, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        long restFrom;
        if (old.chunk() < 0) {
          restFrom = old.start() + old.length();
          out.write(ByteBuffer.wrap(tag));
        } else {
          ByteBuffer header = Mp4Boxes.read(in, old.chunk(), 8).order(order);
          long oldSize = Integer.toUnsignedLong(header.getInt(4));
          restFrom = old.chunk() + 8 + oldSize + (oldSize & 1);
          FileRegions.transfer(in, 0, old.chunk(), out);
          header.putInt(4, tag.length);
          out.write(header.rewind());
          out.write(ByteBuffer.wrap(tag));
          if ((tag.length & 1) != 0) {
            out.write(ByteBuffer.allocate(1));
          }
        }
        FileRegions.transfer(in, restFrom, in.size(), out);
        if (old.chunk() >= 0) {
          ByteBuffer container = ByteBuffer.allocate(4).order(order).putInt((int) (out.size() - 8));
          write(out, container.flip(), 4);
        }
      }
      Files.move(grown, copy, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(grown);
    }
  }

  private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  private static byte[] syncsafe(int n) {
    return new byte[] {
      (byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)
    };
  }
}
