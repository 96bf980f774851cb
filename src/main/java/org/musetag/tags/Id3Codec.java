package org.musetag.tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;

/**
 * The managed fields in an ID3v2 tag (MP3, and the ID3 chunk of WAV and AIFF), as shared/guide/tags.md maps them:
 * genre in TCON, mood in TMOO (v2.4) or TXXX:MOOD (v2.3), the tempo in TBPM (a whole number, as the ID3
 * specification says), the key in TKEY, the other numbers and the model id in TXXX frames.
 *
 * <p>ID3v2.4 keeps several values NUL-separated in one frame. ID3v2.3 allows one string per frame, so several values
 * are joined with {@link TagOptions#id3v23Separator()} and split on it again when read. New frames are UTF-8 in v2.4
 * and UTF-16 in v2.3 (which has no UTF-8), so any script survives.
 */
final class Id3Codec {
  static final String TXXX = "TXXX";

  private final TagOptions options;

  Id3Codec(TagOptions options) {
    this.options = options;
  }

  /**
   * The tag to write into: the existing v2.3/v2.4 tag itself (its version kept) unless the options ask for
   * conversion; a new tag of the configured version when there is none; v2.2 is always upgraded.
   */
  AbstractID3v2Tag tagToWrite(AbstractID3v2Tag existing) {
    boolean wantV23 = options.id3Version() == Id3Version.V23;
    if (existing == null) {
      return wantV23 ? new ID3v23Tag() : new ID3v24Tag();
    }
    boolean known = existing instanceof ID3v24Tag || existing instanceof ID3v23Tag;
    if (known && !options.convertExistingId3()) {
      return existing;
    }
    if (wantV23) {
      return existing instanceof ID3v23Tag ? existing : new ID3v23Tag(existing);
    }
    return existing instanceof ID3v24Tag ? existing : new ID3v24Tag(existing);
  }

  static boolean isV24(AbstractID3v2Tag tag) {
    return tag instanceof ID3v24Tag;
  }

  /** The built-in fields and {@code userFields}; a user field is a TXXX frame holding a list, like v2.3's mood. */
  TagValues read(AbstractID3v2Tag tag, Set<TagField> userFields) {
    if (tag == null) {
      return TagValues.empty();
    }
    Map<TagField, List<String>> values = new TreeMap<>();
    boolean v24 = isV24(tag);
    values.put(TagField.GENRE, split(tag.getAll(FieldKey.GENRE), v24));
    values.put(TagField.MOOD, split(tag.getAll(FieldKey.MOOD), v24));
    values.put(TagField.BPM, clean(tag.getAll(FieldKey.BPM)));
    values.put(TagField.KEY, clean(tag.getAll(FieldKey.KEY)));
    for (TagField field : customFields()) {
      values.put(field, userText(tag, FieldNames.custom(field)));
    }
    for (TagField field : userFields) {
      values.put(field, split(userText(tag, FieldNames.custom(field)), v24));
    }
    return new TagValues(values);
  }

  void apply(AbstractID3v2Tag tag, Map<TagField, List<String>> changes)
      throws FieldDataInvalidException {
    boolean v24 = isV24(tag);
    for (Map.Entry<TagField, List<String>> e : changes.entrySet()) {
      List<String> values = e.getValue();
      if (e.getKey().equals(TagField.GENRE)) {
        setStandard(tag, FieldKey.GENRE, values, v24);
      } else if (e.getKey().equals(TagField.MOOD)) {
        setStandard(tag, FieldKey.MOOD, values, v24);
      } else if (e.getKey().equals(TagField.BPM)) {
        setStandard(tag, FieldKey.BPM, values, v24);
      } else if (e.getKey().equals(TagField.KEY)) {
        setStandard(tag, FieldKey.KEY, values, v24);
      } else {
        setUserText(tag, FieldNames.custom(e.getKey()), values, v24);
      }
    }
  }

  /**
   * Whether a frame holds one of the managed fields (the built-ins and {@code userFields}), so snapshots of the other
   * tags can leave it out.
   */
  static boolean isManaged(org.jaudiotagger.tag.TagField field, Set<TagField> userFields) {
    if (FieldNames.isManagedId3Frame(field.getId())) {
      return true;
    }
    if (field instanceof AbstractID3v2Frame frame
        && frame.getBody() instanceof FrameBodyTXXX body) {
      return FieldNames.isCustom(body.getDescription(), userFields);
    }
    return false;
  }

  private void setStandard(AbstractID3v2Tag tag, FieldKey key, List<String> values, boolean v24)
      throws FieldDataInvalidException {
    tag.deleteField(key);
    if (values.isEmpty()) {
      return;
    }
    if (v24) {
      for (String v : values) {
        tag.addField(key, v);
      }
    } else {
      tag.setField(key, String.join(options.id3v23Separator(), values));
    }
  }

  private void setUserText(
      AbstractID3v2Tag tag, String description, List<String> values, boolean v24)
      throws FieldDataInvalidException {
    List<org.jaudiotagger.tag.TagField> kept = new ArrayList<>();
    for (org.jaudiotagger.tag.TagField f : tag.getFields(TXXX)) {
      if (!(f instanceof AbstractID3v2Frame frame
          && frame.getBody() instanceof FrameBodyTXXX body
          && description.equalsIgnoreCase(body.getDescription()))) {
        kept.add(f);
      }
    }
    tag.removeFrame(TXXX);
    if (!kept.isEmpty()) {
      tag.setFrame(TXXX, kept);
    }
    if (values.isEmpty()) {
      return;
    }
    AbstractID3v2Frame frame = tag.createFrame(TXXX);
    byte encoding = v24 ? TextEncoding.UTF_8 : TextEncoding.UTF_16;
    String text = String.join(v24 ? "\0" : options.id3v23Separator(), values);
    frame.setBody(new FrameBodyTXXX(encoding, description, text));
    tag.addField(frame);
  }

  private static List<String> userText(AbstractID3v2Tag tag, String description) {
    List<String> out = new ArrayList<>();
    for (org.jaudiotagger.tag.TagField f : tag.getFields(TXXX)) {
      if (f instanceof AbstractID3v2Frame frame
          && frame.getBody() instanceof FrameBodyTXXX body
          && description.equalsIgnoreCase(body.getDescription())) {
        out.addAll(body.getValues());
      }
    }
    return clean(out);
  }

  private List<String> split(List<String> values, boolean v24) {
    if (v24) {
      return clean(values);
    }
    String token = options.id3v23Separator().strip();
    Pattern p = Pattern.compile(Pattern.quote(token.isEmpty() ? options.id3v23Separator() : token));
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.addAll(Arrays.asList(p.split(v)));
    }
    return clean(out);
  }

  private static List<String> clean(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split("\0")) {
        String s = part.strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static List<TagField> customFields() {
    return List.of(TagField.VALENCE, TagField.AROUSAL, TagField.MOOD_MODEL);
  }
}
