package org.musetag.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How each managed field is named in each tag family, from shared/guide/tags.md: the one place to look when a player
 * does not find a value. Genre and mood use the formats' standard fields; the rest are user-defined fields whose
 * names Musetag chose: VALENCE, AROUSAL and MOODMODEL (TXXX descriptions in ID3, Vorbis comment names, and the
 * {@code ----:com.apple.iTunes:NAME} freeform atoms of MP4), and a head's user field, named by its user.
 */
final class FieldNames {
  /** The issuer ("mean") of MP4 freeform atoms; iTunes, Picard and mutagen use it for user-defined fields. */
  static final String MP4_ISSUER = "com.apple.iTunes";

  /** MP4's genre atom, spelled as JAudioTagger and mutagen spell it (the first byte is 0xA9). */
  static final String MP4_GENRE = "\u00a9gen";

  /** MP4's numeric genre atom (an ID3v1 genre index plus one), read but never written. */
  static final String MP4_NUMERIC_GENRE = "gnre";

  private static final Map<TagField, String> CUSTOM =
      Map.of(
          TagField.MOOD,
          "MOOD",
          TagField.VALENCE,
          "VALENCE",
          TagField.AROUSAL,
          "AROUSAL",
          TagField.MOOD_MODEL,
          "MOODMODEL");

  private FieldNames() {}

  /** The user-defined name (TXXX description, Vorbis name, MP4 freeform name) of a field. */
  static String custom(TagField field) {
    String name = field.isUser() ? field.userName() : CUSTOM.get(field);
    if (name == null) {
      throw new IllegalArgumentException(field + " has a standard field, not a user-defined one");
    }
    return name;
  }

  /**
   * Whether a user-defined field name is one Musetag manages in this read or write: a built-in one, or one of
   * {@code userFields} (names are compared ignoring case). Any other user-defined field is the user's own.
   */
  static boolean isCustom(String name, Set<TagField> userFields) {
    if (name == null) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return CUSTOM.containsValue(upper)
        || userFields.stream().filter(TagField::isUser).anyMatch(f -> f.userName().equals(upper));
  }

  /** The built-in fields followed by {@code userFields}: what one read or write manages. */
  static List<TagField> withUserFields(Set<TagField> userFields) {
    List<TagField> all = new ArrayList<>(TagField.builtIns());
    userFields.stream().filter(TagField::isUser).sorted().forEach(all::add);
    return all;
  }

  /** The Vorbis comment name: GENRE, MOOD, VALENCE, AROUSAL, MOODMODEL. */
  static String vorbis(TagField field) {
    return field.equals(TagField.GENRE) ? "GENRE" : custom(field);
  }

  /** The MP4 atom id as JAudioTagger names it: {@code ©gen} or {@code ----:com.apple.iTunes:NAME}. */
  static String mp4(TagField field) {
    return field.equals(TagField.GENRE) ? MP4_GENRE : "----:" + MP4_ISSUER + ":" + custom(field);
  }
}
