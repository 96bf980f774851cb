package org.musetag.tags;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jaudiotagger.tag.TagTextField;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * The managed fields in a Vorbis comment (FLAC, Ogg Vorbis): one comment per value (GENRE=electronic, GENRE=rock),
 * which is how the format holds several values. Names are matched ignoring case, as the Vorbis specification says,
 * so a {@code genre=} written by another tool is read and replaced rather than duplicated.
 */
final class VorbisCodec {

  private VorbisCodec() {}

  /** The built-in fields and {@code userFields} (one comment per value, like MOOD). */
  static TagValues read(VorbisCommentTag tag, Set<TagField> userFields) {
    Map<TagField, List<String>> values = new TreeMap<>();
    if (tag == null) {
      return TagValues.empty();
    }
    for (TagField field : FieldNames.withUserFields(userFields)) {
      for (String name : FieldNames.vorbisNames(field)) {
        List<String> found = valuesOf(tag, name);
        if (!found.isEmpty()) {
          values.put(field, found);
          break;
        }
      }
    }
    return new TagValues(values);
  }

  /**
   * Sets each changed field under its name; an alternative name the field is also read from (Picard's KEY) is set
   * to the same values when the file has it, and removed with the field.
   */
  static void apply(VorbisCommentTag tag, Map<TagField, List<String>> changes) {
    for (Map.Entry<TagField, List<String>> e : changes.entrySet()) {
      List<String> names = FieldNames.vorbisNames(e.getKey());
      for (int i = 0; i < names.size(); i++) {
        List<String> present = idsMatching(tag, names.get(i));
        if (i > 0 && present.isEmpty()) {
          continue;
        }
        for (String id : present) {
          tag.deleteField(id);
        }
        for (String v : e.getValue()) {
          tag.addField(tag.createField(names.get(i), v));
        }
      }
    }
  }

  /** Whether a comment holds a managed field ({@link FieldNames#isManagedVorbis}). */
  static boolean isManaged(org.jaudiotagger.tag.TagField field, Set<TagField> userFields) {
    return FieldNames.isManagedVorbis(field.getId(), userFields);
  }

  private static List<String> valuesOf(VorbisCommentTag tag, String name) {
    List<String> out = new ArrayList<>();
    for (Iterator<org.jaudiotagger.tag.TagField> it = tag.getFields(); it.hasNext(); ) {
      org.jaudiotagger.tag.TagField f = it.next();
      if (name.equalsIgnoreCase(f.getId())
          && f instanceof TagTextField text
          && !text.getContent().isBlank()) {
        out.add(text.getContent().strip());
      }
    }
    return out;
  }

  private static List<String> idsMatching(VorbisCommentTag tag, String name) {
    List<String> ids = new ArrayList<>();
    for (Iterator<org.jaudiotagger.tag.TagField> it = tag.getFields(); it.hasNext(); ) {
      String id = it.next().getId();
      if (name.equalsIgnoreCase(id) && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
