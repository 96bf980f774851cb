package org.musetag.settings;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musetag.ml.DevicePreference;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagChangePlanner;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.WritePolicy;

/**
 * What the user chose in Settings: which fields to write and how, the thresholds below which nothing is proposed
 * (docs/decisions/0004), their genre vocabulary, and how inference runs. Both front ends read them from the same
 * {@code settings.properties} ({@link SettingsStore}); the command line's flags override them for one run, so the
 * same library and settings are tagged alike by either (docs/decisions/0010-one-tagging-policy.md).
 *
 * @param fields the fields to write (the model id is added whenever anything is written)
 * @param policies the write policy of each built-in field: genre and mood merge, tempo and key fill empty fields
 *     only, unless changed (numbers and the model id are always replaced)
 * @param threads worker threads for analysis
 * @param minHeadP a trained head's label is written when its probability is at least this
 * @param keyNotation how the key is written into files (docs/tempo-and-key-tags.md)
 */
public record Settings(
    Set<TagField> fields,
    Map<TagField, WritePolicy> policies,
    Id3Version id3Version,
    double minGenreP,
    double minMoodConfidence,
    GenreVocabulary vocabulary,
    int threads,
    DevicePreference device,
    double minHeadP,
    KeyNotation keyNotation) {
  /** From the model card's calibration: at these levels about 8 in 10 written labels are right (out-of-fold). */
  public static final double DEFAULT_MIN_GENRE_P = 0.50;

  public static final double DEFAULT_MIN_MOOD_CONFIDENCE = 0.60;

  /** A head's card reports its own out-of-fold scores; 0.5 writes a label only when the head favours it. */
  public static final double DEFAULT_MIN_HEAD_P = 0.50;

  public Settings {
    fields = Set.copyOf(fields);
    Map<TagField, WritePolicy> p = new TreeMap<>();
    for (TagField f : TagField.builtIns()) {
      p.put(f, policies.getOrDefault(f, TagChangePlanner.defaultPolicy(f)));
    }
    policies = Map.copyOf(p);
    keyNotation = keyNotation == null ? KeyNotation.STANDARD : keyNotation;
  }

  /** With keys written in the standard notation ("Am"). */
  public Settings(
      Set<TagField> fields,
      Map<TagField, WritePolicy> policies,
      Id3Version id3Version,
      double minGenreP,
      double minMoodConfidence,
      GenreVocabulary vocabulary,
      int threads,
      DevicePreference device,
      double minHeadP) {
    this(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        KeyNotation.STANDARD);
  }

  /** With the default threshold for trained heads' labels. */
  public Settings(
      Set<TagField> fields,
      Map<TagField, WritePolicy> policies,
      Id3Version id3Version,
      double minGenreP,
      double minMoodConfidence,
      GenreVocabulary vocabulary,
      int threads,
      DevicePreference device) {
    this(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        DEFAULT_MIN_HEAD_P);
  }

  public static Settings defaults() {
    return new Settings(
        Set.of(
            TagField.GENRE,
            TagField.MOOD,
            TagField.VALENCE,
            TagField.AROUSAL,
            TagField.BPM,
            TagField.KEY),
        Map.of(),
        Id3Version.V24,
        DEFAULT_MIN_GENRE_P,
        DEFAULT_MIN_MOOD_CONFIDENCE,
        GenreVocabulary.NONE,
        defaultThreads(),
        DevicePreference.AUTO,
        DEFAULT_MIN_HEAD_P,
        KeyNotation.STANDARD);
  }

  /** One worker per core but one, so the window keeps a core to itself while a library is analysed. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public TagOptions tagOptions() {
    return new TagOptions(id3Version, TagOptions.DEFAULT_SEPARATOR);
  }

  public Settings withPolicy(TagField field, WritePolicy policy) {
    Map<TagField, WritePolicy> p = new TreeMap<>(policies);
    p.put(field, policy);
    return new Settings(
        fields,
        p,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        keyNotation);
  }

  public Settings withFields(Set<TagField> fields) {
    return new Settings(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        keyNotation);
  }

  public Settings withId3Version(Id3Version id3Version) {
    return new Settings(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        keyNotation);
  }

  public Settings withThresholds(double minGenreP, double minMoodConfidence, double minHeadP) {
    return new Settings(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        keyNotation);
  }

  public Settings withKeyNotation(KeyNotation notation) {
    return new Settings(
        fields,
        policies,
        id3Version,
        minGenreP,
        minMoodConfidence,
        vocabulary,
        threads,
        device,
        minHeadP,
        notation);
  }

  /**
   * The settings as the journal records them with a batch, the same from either front end; {@code written} are the
   * fields the batch wrote (the settings' fields plus the active heads' fields).
   */
  public String toJson(Set<TagField> written) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"fields\":\"%s\",\"genre_policy\":\"%s\",\"mood_policy\":\"%s\",\"bpm_policy\":\"%s\","
            + "\"key_policy\":\"%s\",\"key_notation\":\"%s\",\"id3\":\"%s\",\"min_genre_p\":%.2f,"
            + "\"min_mood_confidence\":%.2f,\"min_head_p\":%.2f,\"renamed\":%d,\"dropped\":%d}",
        new java.util.TreeSet<>(written),
        policies.get(TagField.GENRE),
        policies.get(TagField.MOOD),
        policies.get(TagField.BPM),
        policies.get(TagField.KEY),
        keyNotation,
        id3Version,
        minGenreP,
        minMoodConfidence,
        minHeadP,
        vocabulary.renames().size(),
        vocabulary.drops().size());
  }
}
