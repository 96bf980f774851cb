package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.exceptions.CannotWriteException;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.aiff.AiffTag;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * One file opened with JAudioTagger: its managed fields, a fingerprint of all its other tags, and the means to change
 * the managed ones. Hides which of JAudioTagger's tag classes a format uses and where the ID3 tag of an MP3, WAV or
 * AIFF file hangs.
 */
final class OpenTagFile {
  private final Path path;
  private final TagFormat format;
  private final Id3Codec id3;
  private final AudioFile audio;
  private final Set<TagField> userFields;

  private OpenTagFile(
      Path path, TagFormat format, Id3Codec id3, AudioFile audio, Set<TagField> userFields) {
    this.path = path;
    this.format = format;
    this.id3 = id3;
    this.audio = audio;
    this.userFields =
        userFields.stream().filter(TagField::isUser).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Reads {@code path} as {@code format} whatever its name says (temporary copies are named {@code .tmp}), managing
   * the built-in fields and {@code userFields}; every other user-defined field counts among the other tags.
   */
  static OpenTagFile open(Path path, TagFormat format, TagOptions options, Set<TagField> userFields)
      throws Exception {
    JaudiotaggerSetup.ensure();
    AudioFile audio = AudioFileIO.readAs(path.toFile(), format.jaudiotaggerExtension);
    return new OpenTagFile(path, format, new Id3Codec(options), audio, userFields);
  }

  TagValues managed() throws IOException {
    return switch (format.family) {
      case ID3 -> id3.read(existingId3(), userFields);
      case VORBIS -> VorbisCodec.read(vorbis(false), userFields);
      case MP4 -> Mp4Codec.read(Mp4Ilst.read(path), userFields);
    };
  }

  /** Whether writing would change the ID3 version (then other frames are compared by meaning, not by bytes). */
  boolean convertsId3() {
    AbstractID3v2Tag existing = format.family == TagFormat.Family.ID3 ? existingId3() : null;
    return existing != null && id3.tagToWrite(existing) != existing;
  }

  /**
   * Sets the changed fields. For MP4 every managed field is set again from {@code expected}, and every other
   * freeform text item with several values as it was (a head's field not written now, Picard's ARTISTS): JAudioTagger
   * would otherwise re-write them with their first value only.
   */
  void apply(Map<TagField, List<String>> changes, TagValues expected)
      throws FieldDataInvalidException, IOException {
    switch (format.family) {
      case ID3 -> {
        AbstractID3v2Tag tag = id3.tagToWrite(existingId3());
        id3.apply(tag, changes);
        setId3(tag);
      }
      case VORBIS -> VorbisCodec.apply(vorbis(true), changes);
      case MP4 -> {
        Mp4Tag tag = (Mp4Tag) audio.getTagOrCreateAndSetDefault();
        Mp4Codec.apply(tag, allFields(expected, changes));
        Mp4Codec.keepLists(tag, Mp4Ilst.read(path), userFields);
      }
    }
  }

  /**
   * Every managed field as {@code values} holds it, but the tempo only when it changes: {@code tmpo} holds one
   * integer, which JAudioTagger writes back as it read it, and a value another tool wrote as text could not be set
   * again as an integer.
   */
  private Map<TagField, List<String>> allFields(
      TagValues values, Map<TagField, List<String>> changes) {
    Map<TagField, List<String>> all = new TreeMap<>();
    for (TagField field : FieldNames.withUserFields(userFields)) {
      if (!field.equals(TagField.BPM) || changes.containsKey(field)) {
        all.put(field, values.get(field));
      }
    }
    return all;
  }

  void commit() throws CannotWriteException {
    audio.commit();
  }

  /**
   * Every tag that is not a managed field, as sorted "kind:id:hash" lines. Two snapshots are equal when a write left
   * the other tags alone. {@code byMeaning} compares ID3 frames through JAudioTagger's field names, for writes that
   * convert between ID3 versions and so legitimately change the frames' bytes.
   */
  List<String> otherTags(boolean byMeaning) throws IOException {
    List<String> lines = new ArrayList<>();
    switch (format.family) {
      case ID3 -> {
        AbstractID3v2Tag tag = existingId3();
        if (tag != null && byMeaning) {
          byFieldKey(tag, lines);
        } else if (tag != null) {
          fields("id3", tag.getFields(), f -> Id3Codec.isManaged(f, userFields), lines);
        }
        if (audio.getTag() instanceof WavTag wav && wav.isExistingInfoTag()) {
          fields("info", wav.getInfoTag().getFields(), f -> false, lines);
        }
      }
      case VORBIS -> {
        VorbisCommentTag tag = vorbis(false);
        if (tag != null) {
          lines.add("vendor:" + tag.getVendor());
          fields("vorbis", tag.getFields(), f -> VorbisCodec.isManaged(f, userFields), lines);
        }
      }
      case MP4 -> {
        for (Mp4Ilst.Item item : Mp4Ilst.read(path)) {
          if (!Mp4Codec.isManaged(item.name(), userFields)) {
            lines.add("mp4:" + item.name() + ":" + digest(item.data()));
          }
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  private AbstractID3v2Tag existingId3() {
    Tag tag = audio.getTag();
    if (audio instanceof MP3File mp3) {
      return mp3.getID3v2Tag();
    }
    if (tag instanceof WavTag wav) {
      return wav.isExistingId3Tag() ? wav.getID3Tag() : null;
    }
    if (tag instanceof AiffTag aiff) {
      return aiff.isExistingId3Tag() ? aiff.getID3Tag() : null;
    }
    return null;
  }

  private void setId3(AbstractID3v2Tag tag) {
    if (audio instanceof MP3File mp3) {
      mp3.setID3v2Tag(tag);
    } else if (audio.getTagOrCreateAndSetDefault() instanceof WavTag wav) {
      wav.setID3Tag(tag);
    } else if (audio.getTagOrCreateAndSetDefault() instanceof AiffTag aiff) {
      aiff.setID3Tag(tag);
      aiff.setExistingId3Tag(true);
    }
  }

  private VorbisCommentTag vorbis(boolean create) {
    Tag tag = create ? audio.getTagOrCreateAndSetDefault() : audio.getTag();
    if (tag instanceof FlacTag flac) {
      return flac.getVorbisCommentTag();
    }
    return tag instanceof VorbisCommentTag v ? v : null;
  }

  private static void byFieldKey(AbstractID3v2Tag tag, List<String> lines) {
    for (FieldKey key : FieldKey.values()) {
      if (key == FieldKey.GENRE
          || key == FieldKey.MOOD
          || key == FieldKey.BPM
          || key == FieldKey.KEY) {
        continue;
      }
      try {
        List<String> values = tag.getAll(key);
        if (!values.isEmpty()) {
          lines.add("id3:" + key + ":" + values);
        }
      } catch (RuntimeException unsupportedInThisVersion) {
        // some keys exist in one ID3 version only; they cannot differ between the two snapshots
      }
    }
  }

  private static void fields(
      String kind,
      Iterator<org.jaudiotagger.tag.TagField> it,
      Predicate<org.jaudiotagger.tag.TagField> managed,
      List<String> lines) {
    while (it.hasNext()) {
      org.jaudiotagger.tag.TagField f = it.next();
      if (!managed.test(f)) {
        lines.add(kind + ":" + f.getId() + ":" + content(f));
      }
    }
  }

  private static String digest(List<Mp4Ilst.Data> data) {
    java.security.MessageDigest md = AudioPayload.sha256();
    for (Mp4Ilst.Data d : data) {
      md.update(
          java.nio.ByteBuffer.allocate(8).putInt(d.type()).putInt(d.payload().length).array());
      md.update(d.payload());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String content(org.jaudiotagger.tag.TagField f) {
    try {
      return HexFormat.of().formatHex(AudioPayload.sha256().digest(f.getRawContent()));
    } catch (Exception | LinkageError e) {
      return String.valueOf(f);
    }
  }
}
