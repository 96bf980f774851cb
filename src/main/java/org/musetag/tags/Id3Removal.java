package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Takes an empty ID3v2 tag out of a file again, so undoing a batch on a file that had no tag at all gives back the
 * file as it was, not one with an empty tag header (JAudioTagger only empties the tag). Only a tag with no frames
 * is removed: one that holds anything, even a frame another program added since, stays. Written like every other
 * change: a copy in the same folder, checked (no tag, the audio bit for bit the same), then one atomic rename.
 */
final class Id3Removal {
  private static final ReplaceWithCopy REPLACER = new ReplaceWithCopy();

  private Id3Removal() {}

  /** Removes the file's ID3v2 tag if it holds no frames; returns whether it did. */
  static boolean removeIfEmpty(Path file, TagFormat format) throws TagException {
    try {
      Path real = file.toRealPath();
      BasicFileAttributes before = Files.readAttributes(real, BasicFileAttributes.class);
      Id3Structure.Tag tag = Id3Structure.read(real, format);
      if (tag == null || !tag.frames().isEmpty()) {
        return false;
      }
      String audio = AudioPayload.digest(real, format);
      REPLACER.replace(
          file,
          real,
          before,
          "cannot remove the empty tag: the file changed meanwhile",
          temp -> {
            withoutTag(real, temp, format, tag);
            if (Id3Structure.read(temp, format) != null
                || !AudioPayload.digest(temp, format).equals(audio)) {
              throw new TagException(
                  file,
                  "cannot remove the empty tag: the result did not check out, nothing was changed");
            }
          });
      return true;
    } catch (TagDamage d) {
      return false; // not a tag Musetag wrote; leave it be
    } catch (TagException e) {
      throw e;
    } catch (Exception e) {
      throw TagErrors.wrap(file, format, true, e);
    }
  }

  private static void withoutTag(Path real, Path temp, TagFormat format, Id3Structure.Tag tag)
      throws IOException {
    ByteOrder order = format == TagFormat.WAV ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    try (FileChannel in = FileChannel.open(real, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      if (tag.chunk() < 0) {
        FileRegions.transfer(in, tag.start() + tag.length(), in.size(), out);
        return;
      }
      long size =
          Integer.toUnsignedLong(Mp4Boxes.read(in, tag.chunk() + 4, 4).order(order).getInt());
      FileRegions.transfer(in, 0, tag.chunk(), out);
      FileRegions.transfer(
          in, Math.min(in.size(), tag.chunk() + 8 + size + (size & 1)), in.size(), out);
      ByteBuffer container =
          ByteBuffer.allocate(4).order(order).putInt((int) (out.size() - 8)).flip();
      while (container.hasRemaining()) {
        out.write(container, 4 + container.position());
      }
    }
  }
}
