package org.musetag.tags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentFieldKey;

/**
 * A tag field Musetag manages: one of the seven built-in fields, or a user field that a trained head's labels go to
 * (decision 0006). Everything else in a file belongs to the user and is never touched; how each field is spelled in
 * each format follows {@code shared/guide/tags.md} (see {@link JaudiotaggerTagStore}). A user field is written like
 * MOOD is: a multi-valued user-defined field (ID3 {@code TXXX:NAME}, Vorbis {@code NAME}, MP4
 * {@code ----:com.apple.iTunes:NAME}).
 *
 * <p>Immutable; ordered built-ins first (in declaration order), then user fields by name, so sorted maps list a
 * file's fields the same way every time.
 */
public final class TagField implements Comparable<TagField> {
  public static final TagField GENRE = new TagField("GENRE", 0, true);
  public static final TagField MOOD = new TagField("MOOD", 1, true);
  public static final TagField VALENCE = new TagField("VALENCE", 2, false);
  public static final TagField AROUSAL = new TagField("AROUSAL", 3, false);
  public static final TagField MOOD_MODEL = new TagField("MOOD_MODEL", 4, false);

  /** The tempo as a whole number of beats per minute (ID3 {@code TBPM}, Vorbis {@code BPM}, MP4 {@code tmpo}). */
  public static final TagField BPM = new TagField("BPM", 5, false);

  /** The musical key (ID3 {@code TKEY}, Vorbis {@code INITIALKEY}, MP4 {@code ----:com.apple.iTunes:initialkey}). */
  public static final TagField KEY = new TagField("KEY", 6, false);

  /** How a user field's {@link #name()} starts: what the journal stores, and what {@code tag --fields} accepts. */
  public static final String USER_PREFIX = "USER:";

  private static final List<TagField> BUILT_INS =
      List.of(GENRE, MOOD, VALENCE, AROUSAL, MOOD_MODEL, BPM, KEY);
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final int USER = Integer.MAX_VALUE;
  private static final Set<String> RESERVED = reserved();

  private final String name;
  private final int order;
  private final boolean multiValued;

  private TagField(String name, int order, boolean multiValued) {
    this.name = name;
    this.order = order;
    this.multiValued = multiValued;
  }

  /** GENRE, MOOD, VALENCE, AROUSAL, MOOD_MODEL, BPM, KEY, in that order. */
  public static List<TagField> builtIns() {
    return BUILT_INS;
  }

  /**
   * The user field {@code name} (upper-cased), for a head's labels.
   *
   * @throws IllegalArgumentException when the name is not letters, digits and '_' starting with a letter (at most
   *     64), or is a field players already know (GENRE, ARTIST, REPLAYGAIN_..., Musetag's own MOODMODEL)
   */
  public static TagField user(String name) {
    if (name == null || !USER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' cannot name a tag field: use letters, digits and '_'"
              + " (at most 64), starting with a letter");
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (RESERVED.contains(upper)
        || upper.startsWith("REPLAYGAIN_")
        || upper.startsWith("MUSICBRAINZ_")) {
      throw new IllegalArgumentException(
          "'"
              + upper
              + "' cannot name a tag field for a head's labels: players and"
              + " taggers already use it for something else; choose another name");
    }
    return new TagField(upper, USER, true);
  }

  /**
   * The field a {@link #name()} names: a built-in's name, or {@code USER:NAME} (case ignored).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static TagField valueOf(String name) {
    String n = Objects.requireNonNull(name, "name").strip();
    if (n.regionMatches(true, 0, USER_PREFIX, 0, USER_PREFIX.length())) {
      return user(n.substring(USER_PREFIX.length()));
    }
    for (TagField f : BUILT_INS) {
      if (f.name.equalsIgnoreCase(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "no tag field "
            + name
            + " (fields: genre, mood, valence, arousal,"
            + " mood_model, bpm, key, or USER:NAME)");
  }

  /** {@code GENRE}... for the built-ins, {@code USER:NAME} for a user field: what journals store. */
  public String name() {
    return isUser() ? USER_PREFIX + name : name;
  }

  /** Whether this is a head's user field rather than a built-in. */
  public boolean isUser() {
    return order == USER;
  }

  /** A user field's name as files spell it ({@code TXXX:NAME}, {@code NAME=}), upper-cased; only for user fields. */
  public String userName() {
    if (!isUser()) {
      throw new IllegalStateException(name + " is not a user field");
    }
    return name;
  }

  /** Whether the field holds a list (genres, mood words, a head's labels) rather than one value (a number, a model id). */
  public boolean multiValued() {
    return multiValued;
  }

  @Override
  public int compareTo(TagField o) {
    int c = Integer.compare(order, o.order);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagField f && f.order == order && f.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, order);
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * Names a head's labels may not take: Musetag's own fields and every field JAudioTagger knows by a generic or a
   * Vorbis name (ARTIST, TITLE, ALBUM, DATE, COMMENT, BARCODE, CATALOGNUMBER...).
   */
  private static Set<String> reserved() {
    Set<String> names =
        new TreeSet<>(
            List.of(
                "GENRE",
                "MOOD",
                "VALENCE",
                "AROUSAL",
                "MOODMODEL",
                "MOOD_MODEL",
                "COMMENT",
                "DESCRIPTION",
                "DATE",
                "YEAR",
                "BPM",
                "KEY",
                "INITIALKEY",
                "TEMPO",
                "ENCODER",
                "LYRICS",
                "RATING"));
    for (FieldKey k : FieldKey.values()) {
      names.add(k.name().toUpperCase(Locale.ROOT));
    }
    for (VorbisCommentFieldKey k : VorbisCommentFieldKey.values()) {
      names.add(k.getFieldName().toUpperCase(Locale.ROOT));
    }
    return Set.copyOf(names);
  }
}
