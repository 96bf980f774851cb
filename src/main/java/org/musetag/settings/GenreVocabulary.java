package org.musetag.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

/**
 * The user's own genre words (shared/guide/peers.md, wish 2): each model label can be renamed or dropped before
 * tags are proposed. Labels renamed to the same word add up their probabilities (the model's genres exclude each
 * other), so "disco" and "electronic" both mapped to "Dance" propose "Dance" with their joint probability.
 *
 * @param renames model label (lower case, as the model names it) → the word to write
 * @param drops model labels never to write
 */
public record GenreVocabulary(Map<String, String> renames, Set<String> drops) {
  public static final GenreVocabulary NONE = new GenreVocabulary(Map.of(), Set.of());

  public GenreVocabulary {
    renames = Map.copyOf(renames);
    drops = Set.copyOf(drops);
  }

  public boolean isEmpty() {
    return renames.isEmpty() && drops.isEmpty();
  }

  /** The analysis with its genres renamed, dropped and merged as this vocabulary says, most likely first. */
  public Analysis apply(Analysis a) {
    if (isEmpty()) {
      return a;
    }
    Map<String, Double> merged = new LinkedHashMap<>();
    for (LabelScore g : a.genres()) {
      String label = g.label().toLowerCase(Locale.ROOT);
      if (!drops.contains(label)) {
        merged.merge(renames.getOrDefault(label, g.label()), g.p(), Double::sum);
      }
    }
    List<LabelScore> genres = new ArrayList<>();
    merged.forEach((label, p) -> genres.add(new LabelScore(label, p)));
    genres.sort(Comparator.comparingDouble(LabelScore::p).reversed());
    return new Analysis(
        List.copyOf(genres),
        a.quadrant(),
        a.quadrants(),
        a.valence(),
        a.arousal(),
        a.confidence(),
        a.embedding(),
        a.model(),
        a.notes(),
        a.tags(),
        a.tempoKey());
  }
}
