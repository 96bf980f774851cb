package org.musetag.tags;

import java.util.Locale;
import java.util.Map;

/**
 * How each managed field is named in each tag family, from shared/guide/tags.md: the one place to look when a player
 * does not find a value. Genre and mood use the formats' standard fields; the rest are user-defined fields whose
 * names Musetag chose: VALENCE, AROUSAL and MOODMODEL (TXXX descriptions in ID3, Vorbis comment names, and the
 * {@code ----:com.apple.iTunes:NAME} freeform atoms of MP4).
 */
final class FieldNames {
  /** The issuer ("mean") of MP4 freeform atoms; iTunes, Picard and mutagen use it for user-defined fields. */
  static final String MP4_ISSUER = "com.apple.iTunes";
  /** MP4's genre atom, spelled as JAudioTagger and mutagen spell it (the first byte is 0xA9). */
  static final String MP4_GENRE = "\u00a9gen";
  /** MP4's numeric genre atom (an ID3v1 genre index plus one), read but never written. */
  static final String MP4_NUMERIC_GENRE = "gnre";

  private static final Map<TagField, String> CUSTOM =
      Map.of(TagField.MOOD, "MOOD", TagField.VALENCE, "VALENCE", TagField.AROUSAL, "AROUSAL",
          TagField.MOOD_MODEL, "MOODMODEL");

  private FieldNames() {}

  /** The user-defined name (TXXX description, Vorbis name, MP4 freeform name) of a field. */
  static String custom(TagField field) {
    String name = CUSTOM.get(field);
    if (name == null) {
      throw new IllegalArgumentException(field + " has a standard field, not a user-defined one");
    }
    return name;
  }

  /** Whether a user-defined field name is one Musetag manages (names are compared ignoring case). */
  static boolean isCustom(String name) {
    return name != null && CUSTOM.containsValue(name.toUpperCase(Locale.ROOT));
  }

  /** The Vorbis comment name: GENRE, MOOD, VALENCE, AROUSAL, MOODMODEL. */
  static String vorbis(TagField field) {
    return field == TagField.GENRE ? "GENRE" : custom(field);
  }

  /** The MP4 atom id as JAudioTagger names it: {@code ©gen} or {@code ----:com.apple.iTunes:NAME}. */
  static String mp4(TagField field) {
    return field == TagField.GENRE ? MP4_GENRE : "----:" + MP4_ISSUER + ":" + custom(field);
  }
}
