package org.musetag.ui.common;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musetag.jobs.TagProposal;
import org.musetag.ml.DevicePreference;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagChangePlanner;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.WritePolicy;

/**
 * What the user chose in Settings: which fields to write and how, the thresholds below which nothing is proposed
 * (docs/decisions/0004), their genre vocabulary, and how inference runs.
 *
 * @param fields the fields to write (the model id is added whenever anything is written)
 * @param policies the write policy of genre and mood (numbers are always replaced)
 * @param threads worker threads for analysis
 */
public record Settings(
    Set<TagField> fields,
    Map<TagField, WritePolicy> policies,
    Id3Version id3Version,
    double minGenreP,
    double minMoodConfidence,
    GenreVocabulary vocabulary,
    int threads,
    DevicePreference device) {

  public Settings {
    fields = Set.copyOf(fields);
    Map<TagField, WritePolicy> p = new TreeMap<>();
    for (TagField f : TagField.builtIns()) {
      p.put(f, policies.getOrDefault(f, TagChangePlanner.defaultPolicy(f)));
    }
    policies = Map.copyOf(p);
  }

  public static Settings defaults() {
    return new Settings(Set.of(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.AROUSAL), Map.of(),
        Id3Version.V24, TagProposal.DEFAULTS.minGenreP(), TagProposal.DEFAULTS.minMoodConfidence(),
        GenreVocabulary.NONE, defaultThreads(), DevicePreference.AUTO);
  }

  /** One worker per core but one, so the window keeps a core to itself while a library is analysed. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public TagProposal proposal() {
    return new TagProposal(minGenreP, minMoodConfidence);
  }

  public TagOptions tagOptions() {
    return new TagOptions(id3Version, TagOptions.DEFAULT_SEPARATOR);
  }

  public Settings withPolicy(TagField field, WritePolicy policy) {
    Map<TagField, WritePolicy> p = new TreeMap<>(policies);
    p.put(field, policy);
    return new Settings(fields, p, id3Version, minGenreP, minMoodConfidence, vocabulary, threads, device);
  }

  /** The settings as the journal records them with a batch. */
  public String toJson() {
    return String.format(java.util.Locale.ROOT,
        "{\"fields\":\"%s\",\"genre_policy\":\"%s\",\"mood_policy\":\"%s\",\"id3\":\"%s\",\"min_genre_p\":%.2f,"
            + "\"min_mood_confidence\":%.2f,\"renamed\":%d,\"dropped\":%d}",
        fields, policies.get(TagField.GENRE), policies.get(TagField.MOOD), id3Version, minGenreP, minMoodConfidence,
        vocabulary.renames().size(), vocabulary.drops().size());
  }
}
