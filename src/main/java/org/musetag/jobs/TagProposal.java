package org.musetag.jobs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.Quadrant;
import org.musetag.tags.TagField;
import org.musetag.tags.TagNumbers;

/**
 * What Musetag proposes to write for one analysis: the genres it is reasonably sure of, the mood words of the
 * quadrant when it is confident enough, valence and arousal, and the model that said so. Below the thresholds it
 * proposes nothing for that field rather than a guess (docs/decisions/0004-what-gets-written.md).
 *
 * @param minGenreP a genre is written when its probability is at least this (at most {@link #MAX_GENRES})
 * @param minMoodConfidence mood words are written when the quadrant's probability is at least this
 */
public record TagProposal(double minGenreP, double minMoodConfidence) {
  public static final int MAX_GENRES = 3;
  /** From the model card's calibration: at these levels about 8 in 10 written labels are right (out-of-fold). */
  public static final TagProposal DEFAULTS = new TagProposal(0.50, 0.60);

  private static final Map<String, String> GENRE_NAMES = Map.ofEntries(
      Map.entry("blues", "Blues"), Map.entry("classical", "Classical"), Map.entry("country", "Country"),
      Map.entry("disco", "Disco"), Map.entry("electronic", "Electronic"), Map.entry("folk", "Folk"),
      Map.entry("hiphop", "Hip-Hop"), Map.entry("jazz", "Jazz"), Map.entry("latin", "Latin"),
      Map.entry("metal", "Metal"), Map.entry("pop", "Pop"), Map.entry("reggae", "Reggae"), Map.entry("rnb", "R&B"),
      Map.entry("rock", "Rock"));

  /** The proposed values of the requested {@code fields}; a field with nothing to propose is left out. */
  public Map<TagField, List<String>> values(Analysis a, Set<TagField> fields) {
    Map<TagField, List<String>> out = new EnumMap<>(TagField.class);
    List<String> genres = new ArrayList<>();
    for (LabelScore g : a.genres()) {
      if (g.p() >= minGenreP && genres.size() < MAX_GENRES) {
        genres.add(displayGenre(g.label()));
      }
    }
    if (fields.contains(TagField.GENRE) && !genres.isEmpty()) {
      out.put(TagField.GENRE, genres);
    }
    if (fields.contains(TagField.MOOD) && a.confidence() >= minMoodConfidence) {
      out.put(TagField.MOOD, Quadrant.valueOf(a.quadrant()).words());
    }
    if (fields.contains(TagField.VALENCE)) {
      out.put(TagField.VALENCE, List.of(TagNumbers.format(a.valence())));
    }
    if (fields.contains(TagField.AROUSAL)) {
      out.put(TagField.AROUSAL, List.of(TagNumbers.format(a.arousal())));
    }
    if (!out.isEmpty()) {
      out.put(TagField.MOOD_MODEL, List.of(a.model()));
    }
    return out;
  }

  /** How a genre label is written into files: "Hip-Hop", "R&B", "Electronic". */
  public static String displayGenre(String label) {
    return GENRE_NAMES.getOrDefault(label, label);
  }
}
