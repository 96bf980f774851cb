package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes tags the way a user's only copy of a file deserves: a tag Musetag's own reader cannot account for in full
 * is refused before anything is written; JAudioTagger works on a copy in the same folder; the user's ID3 frames and
 * FLAC comments are put back as they were where JAudioTagger re-encoded them; the copy is read back and checked
 * (managed fields as asked, every other frame or comment byte for byte by Musetag's own reader, the audio
 * bit-for-bit as before), and only then does it replace the original, in one atomic rename. Whatever goes wrong,
 * the original is untouched and the copy is removed ({@link ReplaceWithCopy};
 * docs/decisions/0008-when-a-tag-is-safe-to-rewrite.md).
 *
 * <p>The rename keeps the original's permissions but gives the file a new inode: hard links to it keep the old
 * content, and only root can keep another user's ownership. Symbolic links are followed, so the link stays a link.
 */
final class AtomicTagWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicTagWriter.class);

  /** A step run on the written copy before it is verified; lets tests simulate a library that damages files. */
  interface CopyHook {
    void afterWrite(Path copy) throws IOException;
  }

  private final TagOptions options;
  private final CopyHook hook;

  /** Said when the original changed while its copy was being written. */
  static final String CHANGED_MEANWHILE =
      "cannot write tags: the file changed while they were being written";

  private final ReplaceWithCopy replacer = new ReplaceWithCopy();

  AtomicTagWriter(TagOptions options) {
    this(options, copy -> {});
  }

  AtomicTagWriter(TagOptions options, CopyHook hook) {
    this.options = options;
    this.hook = hook;
  }

  /**
   * Applies {@code changes} to {@code file}, which must end up holding exactly {@code expected}; the user fields in
   * either are managed by this write (a removed one is in {@code changes} only), any other user-defined field must
   * stay as it was.
   */
  void write(Path file, TagFormat format, Map<TagField, List<String>> changes, TagValues expected)
      throws TagException {
    Path real;
    BasicFileAttributes before;
    try {
      real = file.toRealPath();
      before = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (IOException e) {
      throw TagErrors.wrap(file, format, true, e);
    }
    try {
      Set<TagField> userFields = new TreeSet<>(expected.userFields());
      changes.keySet().stream().filter(TagField::isUser).forEach(userFields::add);
      TagIntegrity.Snapshot own = TagIntegrity.check(file, real, format);
      OpenTagFile original = OpenTagFile.open(real, format, options, userFields);
      boolean byMeaning = original.convertsId3();
      List<String> otherTags = original.otherTags(byMeaning);
      refuseWhatJaudiotaggerWouldDamage(file, format, real, userFields);
      String audio = AudioPayload.digest(real, format);

      replacer.replace(
          file,
          real,
          before,
          CHANGED_MEANWHILE,
          temp -> {
            Files.copy(
                real,
                temp,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
            OpenTagFile copy = OpenTagFile.open(temp, format, options, userFields);
            copy.apply(changes, expected);
            copy.commit();
            restoreOthers(file, format, temp, own, userFields, byMeaning);
            hook.afterWrite(temp);
            verify(file, format, temp, expected, userFields, otherTags, byMeaning, audio);
            verifyOwn(file, format, temp, own, userFields, byMeaning);
          });
    } catch (Exception | LinkageError e) {
      LOG.debug("writing tags to {} failed; the original is untouched", file, e);
      throw TagErrors.wrap(file, format, true, e);
    }
  }

  private void verify(
      Path file,
      TagFormat format,
      Path temp,
      TagValues expected,
      Set<TagField> userFields,
      List<String> otherTags,
      boolean byMeaning,
      String audio)
      throws Exception {
    OpenTagFile written = OpenTagFile.open(temp, format, options, userFields);
    TagValues actual = written.managed();
    if (!actual.equals(expected)) {
      LOG.debug("{}: wrote {} but read back {}", file, expected, actual);
      throw new TagException(
          file, "cannot write tags: they did not read back as written, nothing was changed");
    }
    if (!written.otherTags(byMeaning).equals(otherTags)) {
      throw new TagException(
          file,
          "cannot write tags: the tag library would have altered other tags, nothing was changed");
    }
    if (!AudioPayload.digest(temp, format).equals(audio)) {
      throw new TagException(
          file,
          "cannot write tags: the tag library would have altered the audio, nothing was changed");
    }
  }

  /** Puts back the user's frames or comments that JAudioTagger re-encoded ({@link Id3Splice}, {@link FlacCommentSplice}). */
  private static void restoreOthers(
      Path file,
      TagFormat format,
      Path temp,
      TagIntegrity.Snapshot own,
      Set<TagField> userFields,
      boolean byMeaning)
      throws Exception {
    try {
      if (own != null && own.id3Major() > 0 && !byMeaning) {
        Id3Splice.restoreOthers(temp, format, own, userFields);
      } else if (own != null && format == TagFormat.FLAC) {
        FlacCommentSplice.restoreOthers(temp, own, userFields);
      }
    } catch (TagDamage d) {
      throw new TagException(
          file,
          "cannot write tags: the tag library wrote a "
              + TagIntegrity.kind(format)
              + " Musetag cannot read back ("
              + d.getMessage()
              + "), nothing was changed",
          d);
    }
  }

  /**
   * Checks the copy with Musetag's own reader: its tag must read in full, and every frame or comment that is not a
   * managed field must be there byte for byte as before (by meaning only when the ID3 version is converted, which
   * {@link #verify} covers). This is what catches a library that drops or re-encodes what it did not understand.
   */
  private static void verifyOwn(
      Path file,
      TagFormat format,
      Path temp,
      TagIntegrity.Snapshot before,
      Set<TagField> userFields,
      boolean byMeaning)
      throws Exception {
    if (before == null) {
      return;
    }
    TagIntegrity.Snapshot after;
    try {
      after = TagIntegrity.read(temp, format);
    } catch (TagDamage d) {
      throw new TagException(
          file,
          "cannot write tags: the tag library wrote a "
              + TagIntegrity.kind(format)
              + " Musetag cannot read back ("
              + d.getMessage()
              + "), nothing was changed",
          d);
    }
    String changed = byMeaning ? null : before.changedIn(after, userFields);
    if (changed != null) {
      LOG.debug(
          "{}: before {}, after {}", file, before.others(userFields), after.others(userFields));
      throw new TagException(
          file,
          "cannot write tags: the tag library would have altered other tags ("
              + changed
              + "), nothing was changed");
    }
  }

  /**
   * MP4 items with several values that JAudioTagger 3.0.1 would cut down to their first value and Musetag cannot
   * write back itself (see {@link Mp4Codec#keptList}).
   */
  private static void refuseWhatJaudiotaggerWouldDamage(
      Path file, TagFormat format, Path real, Set<TagField> userFields) throws Exception {
    if (format != TagFormat.MP4) {
      return;
    }
    for (Mp4Ilst.Item item : Mp4Ilst.read(real)) {
      if (!Mp4Codec.isManaged(item.name(), userFields)
          && !Mp4Codec.keptList(item, userFields)
          && !item.name().equals("covr")
          && item.data().size() > 1) {
        throw new TagException(
            file,
            "cannot write tags without losing data: its '"
                + item.name()
                + "' tag holds "
                + item.data().size()
                + " values and the tag library would keep only the first");
      }
    }
  }
}
