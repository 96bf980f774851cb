package org.musetag.tags;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * The managed fields in MP4 (m4a): genre in {@code ©gen}, the tempo in the integer atom {@code tmpo}, the others in
 * {@code ----:com.apple.iTunes:NAME} freeform atoms (the key in {@code ----:com.apple.iTunes:initialkey}), several values as several {@code data} atoms (see {@link Mp4MultiValueField}). Reading goes through
 * {@link Mp4Ilst} so that every value is seen, including the numeric {@code gnre} genre iTunes writes.
 */
final class Mp4Codec {

  private Mp4Codec() {}

  /** The built-in fields and {@code userFields} (freeform atoms, one data atom per value, like MOOD). */
  static TagValues read(List<Mp4Ilst.Item> items, Set<TagField> userFields) {
    Map<TagField, List<String>> values = new TreeMap<>();
    List<String> genres = new ArrayList<>(Mp4Ilst.texts(items, FieldNames.MP4_GENRE));
    genres.addAll(numericGenres(items));
    values.put(TagField.GENRE, strip(genres));
    values.put(TagField.BPM, tempos(items));
    for (TagField field : FieldNames.withUserFields(userFields)) {
      if (!field.equals(TagField.GENRE) && !field.equals(TagField.BPM)) {
        values.put(field, strip(Mp4Ilst.texts(items, FieldNames.mp4(field))));
      }
    }
    return new TagValues(values);
  }

  static void apply(Mp4Tag tag, Map<TagField, List<String>> changes)
      throws FieldDataInvalidException {
    for (Map.Entry<TagField, List<String>> e : changes.entrySet()) {
      String id = FieldNames.mp4(e.getKey());
      if (e.getKey().equals(TagField.BPM)) {
        tag.deleteField(FieldNames.MP4_TEMPO);
        if (!e.getValue().isEmpty()) {
          tag.addField(tag.createField(FieldKey.BPM, e.getValue().get(0)));
        }
        continue;
      }
      for (String existing : idsMatching(tag, id)) {
        tag.deleteField(existing);
      }
      if (e.getKey().equals(TagField.GENRE)) {
        tag.deleteField(FieldNames.MP4_NUMERIC_GENRE);
      }
      if (!e.getValue().isEmpty()) {
        tag.addField(new Mp4MultiValueField(id, e.getValue()));
      }
    }
  }

  /**
   * Sets every freeform item that is not managed here and that JAudioTagger would not write back as it is, exactly as
   * it is in the file ({@code items}; see {@link #keptList}).
   */
  static void keepLists(Mp4Tag tag, List<Mp4Ilst.Item> items, Set<TagField> userFields) {
    for (Mp4Ilst.Item item : items) {
      if (keptList(item, userFields)) {
        for (String existing : idsMatching(tag, item.name())) {
          tag.deleteField(existing);
        }
        tag.addField(Mp4MultiValueField.keeping(item.name(), item.data()));
      }
    }
  }

  /**
   * Whether {@link #keepLists} re-writes this item: an unmanaged freeform ({@code ----}) item that is anything but
   * one UTF-8 text, or a standard text item ({@code ©ART}, {@code ©nam}...) holding several text values, as mutagen
   * and Picard write several artists. JAudioTagger 3.0.1 reads such an item as one string and writes it back as one
   * UTF-8 text, so it would cut several values down to the first and turn a binary (type 0) or UTF-16 value into
   * different bytes.
   */
  static boolean keptList(Mp4Ilst.Item item, Set<TagField> userFields) {
    if (isManaged(item.name(), userFields) || item.data().isEmpty()) {
      return false;
    }
    if (item.name().startsWith("----:")) {
      return item.data().size() > 1 || item.data().get(0).type() != Mp4Ilst.TYPE_UTF8;
    }
    return item.name().startsWith("\u00a9")
        && item.data().size() > 1
        && item.data().stream()
            .allMatch(d -> d.type() == Mp4Ilst.TYPE_UTF8 || d.type() == Mp4Ilst.TYPE_UTF16);
  }

  /**
   * Whether an ilst item is one of the managed fields, the built-ins or {@code userFields} (compared ignoring case, as
   * the names are user-defined).
   */
  static boolean isManaged(String itemName, Set<TagField> userFields) {
    if (itemName.equals(FieldNames.MP4_GENRE)
        || itemName.equals(FieldNames.MP4_NUMERIC_GENRE)
        || itemName.equals(FieldNames.MP4_TEMPO)
        || itemName.equalsIgnoreCase(FieldNames.MP4_KEY)) {
      return true;
    }
    String prefix = "----:" + FieldNames.MP4_ISSUER + ":";
    return itemName.regionMatches(true, 0, prefix, 0, prefix.length())
        && FieldNames.isCustom(itemName.substring(prefix.length()), userFields);
  }

  private static List<String> numericGenres(List<Mp4Ilst.Item> items) {
    List<String> out = new ArrayList<>();
    for (Mp4Ilst.Item item : items) {
      if (item.name().equals(FieldNames.MP4_NUMERIC_GENRE)) {
        for (Mp4Ilst.Data d : item.data()) {
          if (d.payload().length == 2) {
            int index = (ByteBuffer.wrap(d.payload()).getShort() & 0xFFFF) - 1;
            String name = GenreTypes.getInstanceOf().getValueForId(index);
            if (name != null) {
              out.add(name);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The values of {@code tmpo}: a big-endian integer of 1, 2, 4 or 8 bytes (type 21, or 0 from older tools), or a
   * text where a tool wrote one.
   */
  private static List<String> tempos(List<Mp4Ilst.Item> items) {
    List<String> out = new ArrayList<>();
    for (Mp4Ilst.Item item : items) {
      if (!item.name().equals(FieldNames.MP4_TEMPO)) {
        continue;
      }
      for (Mp4Ilst.Data d : item.data()) {
        byte[] b = d.payload();
        if (d.type() == Mp4Ilst.TYPE_UTF8 || d.type() == Mp4Ilst.TYPE_UTF16) {
          out.add(d.text());
        } else if (b.length == 1 || b.length == 2 || b.length == 4 || b.length == 8) {
          long v = b[0];
          for (int i = 1; i < b.length; i++) {
            v = (v << 8) | (b[i] & 0xFF);
          }
          out.add(Long.toString(v));
        }
      }
    }
    return strip(out);
  }

  private static List<String> idsMatching(Mp4Tag tag, String id) {
    List<String> ids = new ArrayList<>();
    for (Iterator<org.jaudiotagger.tag.TagField> it = tag.getFields(); it.hasNext(); ) {
      String candidate = it.next().getId();
      if (candidate.equalsIgnoreCase(id) && !ids.contains(candidate)) {
        ids.add(candidate);
      }
    }
    return ids;
  }

  private static List<String> strip(List<String> values) {
    return values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
