package org.musetag.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How each managed field is named in each tag family, from shared/guide/tags.md and docs/tempo-and-key-tags.md: the
 * one place to look when a player does not find a value. Genre, mood, tempo and key use the formats' standard fields
 * (or, for the key in Vorbis and MP4, the names DJ software reads); the rest are user-defined fields whose names
 * Musetag chose: VALENCE, AROUSAL and MOODMODEL (TXXX descriptions in ID3, Vorbis comment names, and the
 * {@code ----:com.apple.iTunes:NAME} freeform atoms of MP4), and a head's user field, named by its user.
 */
final class FieldNames {
  /** The issuer ("mean") of MP4 freeform atoms; iTunes, Picard and mutagen use it for user-defined fields. */
  static final String MP4_ISSUER = "com.apple.iTunes";

  /** MP4's genre atom, spelled as JAudioTagger and mutagen spell it (the first byte is 0xA9). */
  static final String MP4_GENRE = "\u00a9gen";

  /** MP4's numeric genre atom (an ID3v1 genre index plus one), read but never written. */
  static final String MP4_NUMERIC_GENRE = "gnre";

  /** MP4's tempo atom: an integer (data type 21), as iTunes, mutagen and TagLib write it. */
  static final String MP4_TEMPO = "tmpo";

  /** The freeform atom Mixxx, Traktor, Serato, Rekordbox and Picard read and write the key in. */
  static final String MP4_KEY = "----:" + MP4_ISSUER + ":initialkey";

  /** The Vorbis comment the key is written to: Mixxx, Traktor and Serato read it first. */
  static final String VORBIS_KEY = "INITIALKEY";

  /** The Vorbis comment Picard writes the key to: read when there is no INITIALKEY, and kept equal when present. */
  static final String VORBIS_KEY_ALTERNATIVE = "KEY";

  /** ID3v2.3/2.4 frames of the fields that use standard frames, and their ID3v2.2 ids (read, never written). */
  private static final Set<String> ID3_STANDARD =
      Set.of("TCON", "TMOO", "TBPM", "TKEY", "TCO", "TBP", "TKE");

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

  /** The Vorbis comment name written: GENRE, MOOD, VALENCE, AROUSAL, MOODMODEL, BPM, INITIALKEY, a user field's. */
  static String vorbis(TagField field) {
    if (field.equals(TagField.GENRE) || field.equals(TagField.BPM)) {
      return field.name();
    }
    return field.equals(TagField.KEY) ? VORBIS_KEY : custom(field);
  }

  /**
   * The Vorbis comment names a field is read from, the preferred first: the key is INITIALKEY, or Picard's KEY when
   * there is no INITIALKEY (and a KEY comment is rewritten with INITIALKEY, so the two never disagree); every other
   * field has one name.
   */
  static List<String> vorbisNames(TagField field) {
    return field.equals(TagField.KEY)
        ? List.of(VORBIS_KEY, VORBIS_KEY_ALTERNATIVE)
        : List.of(vorbis(field));
  }

  /** Whether a Vorbis comment name (any case) holds a managed field: the built-ins' names and {@code userFields}'. */
  static boolean isManagedVorbis(String name, Set<TagField> userFields) {
    return name != null
        && (Set.of("GENRE", "BPM", VORBIS_KEY, VORBIS_KEY_ALTERNATIVE)
                .contains(name.toUpperCase(Locale.ROOT))
            || isCustom(name, userFields));
  }

  /** Whether an ID3v2 frame id is one of the standard frames Musetag manages (TCON, TMOO, TBPM, TKEY; v2.2 too). */
  static boolean isManagedId3Frame(String id) {
    return ID3_STANDARD.contains(id);
  }

  /**
   * The MP4 atom id as JAudioTagger names it: {@code ©gen}, {@code tmpo}, {@code ----:com.apple.iTunes:initialkey}
   * or {@code ----:com.apple.iTunes:NAME}.
   */
  static String mp4(TagField field) {
    if (field.equals(TagField.GENRE)) {
      return MP4_GENRE;
    }
    if (field.equals(TagField.BPM)) {
      return MP4_TEMPO;
    }
    return field.equals(TagField.KEY) ? MP4_KEY : "----:" + MP4_ISSUER + ":" + custom(field);
  }
}
