package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the comments of Ogg Vorbis, Opus and Ogg FLAC files, with the guarantees of
 * {@link AtomicTagWriter}: the new file is written next to the original, then read back by Musetag's own reader (every
 * page's checksum and sequence number, the managed fields as asked, the vendor and every other comment byte for byte
 * and in order, the audio packets and granule positions as before) and only then renamed over it. JAudioTagger 3.0.1
 * cannot write Opus or Ogg FLAC at all, and writes Ogg Vorbis with every comment name upper-cased ({@code encoder}
 * becomes {@code ENCODER}), which changes comments Musetag was not asked to touch.
 */
final class OggTagWriter {
  private static final Logger LOG = LoggerFactory.getLogger(OggTagWriter.class);

  private final AtomicTagWriter.CopyHook hook;
  private final ReplaceWithCopy replacer = new ReplaceWithCopy();

  OggTagWriter() {
    this(copy -> {});
  }

  OggTagWriter(AtomicTagWriter.CopyHook hook) {
    this.hook = hook;
  }

  /** The managed fields of an Ogg Vorbis, Opus or Ogg FLAC file. */
  static TagValues read(Path file, Set<TagField> userFields) throws IOException {
    return OggCommentHeader.read(file).comment.managed(userFields);
  }

  /** Same contract as {@link AtomicTagWriter#write}. */
  void write(Path file, TagFormat format, Map<TagField, List<String>> changes, TagValues expected)
      throws TagException {
    try {
      Path real = file.toRealPath();
      BasicFileAttributes before = Files.readAttributes(real, BasicFileAttributes.class);
      Set<TagField> userFields = new TreeSet<>(expected.userFields());
      changes.keySet().stream().filter(TagField::isUser).forEach(userFields::add);
      try {
        OggCommentHeader.checkPages(real);
      } catch (IOException e) {
        throw new TagException(
            file, "cannot write tags: the file is damaged (" + e.getMessage() + ")", e);
      }
      OggCommentHeader header = OggCommentHeader.read(real);
      List<String> others = header.comment.others(userFields);
      String audio = AudioPayload.digest(real, format);

      replacer.replace(
          file,
          real,
          before,
          AtomicTagWriter.CHANGED_MEANWHILE,
          temp -> {
            header.rewrite(real, header.comment.with(changes), temp);
            hook.afterWrite(temp);
            verify(file, format, temp, expected, userFields, others, audio);
          });
    } catch (Exception | LinkageError e) {
      LOG.debug("writing tags to {} failed; the original is untouched", file, e);
      throw TagErrors.wrap(file, format, true, e);
    }
  }

  private static void verify(
      Path file,
      TagFormat format,
      Path temp,
      TagValues expected,
      Set<TagField> userFields,
      List<String> others,
      String audio)
      throws Exception {
    try {
      OggCommentHeader.checkPages(temp);
    } catch (IOException e) {
      throw new TagException(
          file,
          "cannot write tags: the rewritten file would have been damaged ("
              + e.getMessage()
              + "), nothing was changed",
          e);
    }
    CommentPacket written = OggCommentHeader.read(temp).comment;
    if (!written.managed(userFields).equals(expected)) {
      LOG.debug("{}: wrote {} but read back {}", file, expected, written.managed(userFields));
      throw new TagException(
          file, "cannot write tags: they did not read back as written, nothing was changed");
    }
    if (!written.others(userFields).equals(others)) {
      throw new TagException(
          file, "cannot write tags: other tags would have been altered, nothing was changed");
    }
    if (!AudioPayload.digest(temp, format).equals(audio)) {
      throw new TagException(
          file, "cannot write tags: the audio would have been altered, nothing was changed");
    }
  }
}
