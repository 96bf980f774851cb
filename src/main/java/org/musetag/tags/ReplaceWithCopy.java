package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step every change to a user's file ends with, whoever writes it (JAudioTagger, Musetag's Ogg writer, the
 * removal of an empty ID3 tag): a copy next to the original, named for this process ({@link TagTemporaries}), filled
 * and checked by the writer, given the original's permissions, then renamed over the original in one atomic step,
 * unless the original changed in the meantime. Whatever fails, the original is untouched and the copy removed.
 */
final class ReplaceWithCopy {
  /** Writes the new version into {@code copy} and checks it; throws to leave the original as it is. */
  interface Fill {
    void into(Path copy) throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReplaceWithCopy.class);

  private final TagTemporaries temporaries = new TagTemporaries();

  /**
   * Replaces {@code real} (the file {@code file} names, links followed) by what {@code fill} writes, if its size and
   * time stamp are still those of {@code before}; otherwise fails with {@code changedMeanwhile} for {@code file}.
   */
  void replace(Path file, Path real, BasicFileAttributes before, String changedMeanwhile, Fill fill)
      throws Exception {
    Path temp = temporaries.create(real.getParent());
    try {
      fill.into(temp);
      keepPermissions(real, temp);
      BasicFileAttributes now = Files.readAttributes(real, BasicFileAttributes.class);
      if (now.size() != before.size()
          || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
        throw new TagException(file, changedMeanwhile);
      }
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.warn("could not remove the temporary file {}", temp, e);
        }
      }
    }
  }

  private static void keepPermissions(Path real, Path temp) {
    PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    try {
      PosixFileAttributes attrs = view.readAttributes();
      Files.setPosixFilePermissions(temp, attrs.permissions());
      PosixFileAttributeView target =
          Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (!attrs.group().equals(target.readAttributes().group())) {
        target.setGroup(attrs.group());
      }
    } catch (IOException | SecurityException e) {
      LOG.debug("could not copy the permissions of {} to its new version", real, e);
    }
  }
}
