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
 * Puts a FLAC's own Vorbis comments back exactly as they were after JAudioTagger has written the managed ones.
 * JAudioTagger groups comments by name, writes names in capitals ({@code artist=} becomes {@code ARTIST=}) and drops
 * a comment without {@code =}; when anything of the kind happened, the copy's comment block is rebuilt from the
 * original's comments, in their order and bytes, followed by the managed comments as JAudioTagger wrote them. The
 * audio frames move only if the block changes size (nothing in a FLAC points at them by absolute offset).
 */
final class FlacCommentSplice {
  private FlacCommentSplice() {}

  /** Rebuilds the copy's comment block if JAudioTagger changed another comment; returns whether it did. */
  static boolean restoreOthers(Path copy, TagIntegrity.Snapshot before, Set<TagField> userFields)
      throws IOException, TagDamage {
    VorbisStructure.Comments after = VorbisStructure.read(copy, TagFormat.FLAC);
    if (after == null || !before.present()) {
      return false;
    }
    List<RawItem> wanted = new ArrayList<>();
    for (RawItem c : before.items()) {
      if (!VorbisStructure.isManaged(c, userFields)) {
        wanted.add(c);
      }
    }
    for (RawItem c : after.comments()) {
      if (VorbisStructure.isManaged(c, userFields)) {
        wanted.add(c);
      }
    }
    if (wanted.equals(after.comments()) && before.vendor().equals(after.vendor())) {
      return false;
    }
    replaceBlock(copy, after.block(), body(before.vendor(), wanted));
    return true;
  }

  private static byte[] body(String vendor, List<RawItem> comments) throws IOException {
    byte[] v = vendor.getBytes(StandardCharsets.UTF_8);
    long length = 8L + v.length;
    for (RawItem c : comments) {
      length += 4 + c.bytes().length;
    }
    if (length >= 1 << 24) {
      throw new IOException("the comments would not fit in a FLAC metadata block");
    }
    ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(v.length).put(v).putInt(comments.size());
    for (RawItem c : comments) {
      b.putInt(c.bytes().length).put(c.bytes());
    }
    return b.array();
  }

  private static void replaceBlock(Path copy, long block, byte[] body) throws IOException {
    Path rebuilt = TagTemporaries.named(copy.getParent());
    try {
      try (FileChannel in = FileChannel.open(copy, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(
                  rebuilt, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        int head = Mp4Boxes.read(in, block, 4).getInt();
        long oldEnd = block + 4 + (head & 0xFF_FFFF);
        FileRegions.transfer(in, 0, block, out);
        out.write(ByteBuffer.allocate(4).putInt((head & 0xFF00_0000) | body.length).flip());
        out.write(ByteBuffer.wrap(body));
        FileRegions.transfer(in, oldEnd, in.size(), out);
      }
      Files.move(rebuilt, copy, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(rebuilt);
    }
  }
}
