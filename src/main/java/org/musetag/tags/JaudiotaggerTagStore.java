package org.musetag.tags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.musetag.PathProblems;

/**
 * {@link TagStore} on JAudioTagger 3.0.1, with the field mapping of shared/guide/tags.md:
 *
 * <ul>
 *   <li>MP3, WAV, AIFF (ID3v2): genre TCON, mood TMOO (v2.4) or TXXX:MOOD (v2.3), TXXX:VALENCE, TXXX:AROUSAL,
 *       TXXX:MOODMODEL. Several values are NUL-separated in v2.4 and joined with the configured separator in v2.3. An
 *       existing v2.3 or v2.4 tag keeps its version (players that need v2.3 keep working); a file without an ID3v2
 *       tag gets {@link TagOptions#id3Version()}; {@link TagOptions#convertExistingId3()} converts existing ones.
 *   <li>FLAC, Ogg Vorbis: GENRE, MOOD, VALENCE, AROUSAL, MOODMODEL comments, one per value.
 *   <li>M4A: {@code ©gen} and {@code ----:com.apple.iTunes:MOOD}/{@code VALENCE}/{@code AROUSAL}/{@code MOODMODEL},
 *       one data atom per value.
 *   <li>Opus: GENRE, MOOD, VALENCE, AROUSAL, MOODMODEL comments like FLAC, in the OpusTags header, which Musetag
 *       reads and writes itself ({@link OggTagWriter}; JAudioTagger 3.0.1 has no Opus support).
 * </ul>
 *
 * A head's user field ({@link TagField#user}) is written like MOOD in v2.3: {@code TXXX:NAME}, Vorbis {@code NAME},
 * MP4 {@code ----:com.apple.iTunes:NAME}, several values each. It is managed only by the calls that name it; for
 * every other call it is one of the user's other tags, kept bit for bit.
 *
 * A file whose content is another format than its name says (a FLAC named .mp3) is read as what it is, and
 * refused for writing with a message saying what it is: writing its real tags would leave it misnamed, and tools
 * that trust the name would then add a second, foreign tag (docs/decisions/0004).
 *
 * Writes go through {@link AtomicTagWriter} ({@link OggTagWriter} for every Ogg format: Vorbis, Opus, FLAC); a
 * write that would change nothing does not touch the file.
 * Thread-safe: every call opens the file afresh.
 */
public final class JaudiotaggerTagStore implements TagStore {
  private final TagOptions options;
  private final AtomicTagWriter writer;
  private final OggTagWriter oggWriter = new OggTagWriter();

  public JaudiotaggerTagStore(TagOptions options) {
    this(options, new AtomicTagWriter(options));
  }

  JaudiotaggerTagStore(TagOptions options, AtomicTagWriter writer) {
    this.options = Objects.requireNonNull(options, "options");
    this.writer = writer;
    JaudiotaggerSetup.ensure();
  }

  @Override
  public TagValues read(Path file, Set<TagField> userFields) throws TagException {
    TagFormat format = checkedFormat(file);
    try {
      HeaderClaims.check(file, format);
      if (format.ownOgg()) {
        return OggTagWriter.read(file, userFields);
      }
      return OpenTagFile.open(file, format, options, userFields).managed();
    } catch (Exception | LinkageError e) {
      throw TagErrors.wrap(file, format, false, e);
    }
  }

  @Override
  public boolean write(Path file, Map<TagField, List<String>> newValues) throws TagException {
    Map<TagField, List<String>> changes = normalise(newValues);
    TagValues current = read(file, changes.keySet());
    TagValues expected = current.withAll(changes);
    Map<TagField, List<String>> needed = new TreeMap<>();
    changes.forEach(
        (field, values) -> {
          if (!current.get(field).equals(expected.get(field))) {
            needed.put(field, expected.get(field));
          }
        });
    if (needed.isEmpty()) {
      return false;
    }
    TagFormat format = checkedFormat(file);
    if (FormatSniffer.misnamed(TagFormat.of(file).orElseThrow(), format)) {
      throw TagErrors.misnamed(file, format);
    }
    if (!format.writable) {
      throw TagErrors.notWritable(file, format);
    }
    if (isReadOnly(file)) {
      throw TagErrors.readOnly(file);
    }
    if (format.ownOgg()) {
      oggWriter.write(file, format, needed, expected);
    } else {
      writer.write(file, format, needed, expected);
    }
    return true;
  }

  @Override
  public void checkSafeToRewrite(Path file) throws TagException {
    TagFormat format = checkedFormat(file);
    if (!format.writable) {
      return;
    }
    try {
      TagIntegrity.check(file, file.toRealPath(), format);
    } catch (java.io.IOException e) {
      throw TagErrors.wrap(file, format, true, e);
    }
  }

  @Override
  public boolean hasTag(Path file) throws TagException {
    TagFormat format = checkedFormat(file);
    if (format.family != TagFormat.Family.ID3) {
      return true;
    }
    try {
      return Id3Structure.read(file, format) != null;
    } catch (TagDamage d) {
      return true;
    } catch (java.io.IOException e) {
      throw TagErrors.wrap(file, format, false, e);
    }
  }

  @Override
  public boolean removeTagIfEmpty(Path file) throws TagException {
    TagFormat format = checkedFormat(file);
    return format.family == TagFormat.Family.ID3
        && format.writable
        && Id3Removal.removeIfEmpty(file, format);
  }

  @Override
  public boolean canWrite(Path file) {
    return whyNotWritable(file) == null;
  }

  /**
   * Unknown formats, files whose content is another format than their name (see {@link FormatSniffer}), and files
   * marked read-only (by their own permission bits, as {@link #write} judges them, even for root).
   */
  @Override
  public String whyNotWritable(Path file) {
    TagFormat named = TagFormat.of(file).orElse(null);
    if (named == null) {
      return TagErrors.UNSUPPORTED;
    }
    TagFormat real = FormatSniffer.realFormat(file, named);
    if (FormatSniffer.misnamed(named, real)) {
      return TagErrors.misnamedReason(file, real);
    }
    if (!real.writable) {
      return TagErrors.notWritableReason(real);
    }
    return Files.exists(file) && isReadOnly(file) ? TagErrors.READ_ONLY : null;
  }

  private static TagFormat checkedFormat(Path file) throws TagException {
    String missing = PathProblems.whyNotThere(file);
    if (missing != null) {
      throw missing.equals("does not exist")
          ? TagErrors.vanished(file)
          : new TagException(file, missing);
    }
    if (!Files.isRegularFile(file)) {
      throw new TagException(file, "is not a regular file");
    }
    TagFormat named = TagFormat.of(file).orElseThrow(() -> TagErrors.unsupported(file));
    return FormatSniffer.realFormat(file, named);
  }

  /**
   * Read-only by the file's own permission bits, not by what this process could force: a user who marked a file
   * read-only means it, even when Musetag runs with rights to write it anyway.
   */
  private static boolean isReadOnly(Path file) {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      if (posix != null) {
        return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)
            || !Files.isWritable(file);
      }
    } catch (java.io.IOException e) {
      return !Files.isWritable(file);
    }
    return !Files.isWritable(file);
  }

  private static Map<TagField, List<String>> normalise(Map<TagField, List<String>> newValues) {
    Map<TagField, List<String>> out = new TreeMap<>();
    newValues.forEach(
        (field, values) -> out.put(Objects.requireNonNull(field), TagValues.cleaned(values)));
    return out;
  }
}
