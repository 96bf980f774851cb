package org.musetag.ml.heads.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

/**
 * The bundled model as a baseline for a label head whose labels are also its labels: folder names matching its
 * genres ("rock", "Hip-Hop", "R&B") or its quadrants ("Q1".."Q4"), compared case-insensitively and ignoring spaces
 * and punctuation. Its prediction for a file is its most probable label among the matched ones, so both are scored
 * on the same choice. At least two labels must match; with matches in both vocabularies, the one with more wins.
 *
 * @param vocabulary "genres" or "quadrants"
 * @param matched the user's label → the bundled model's label, for the labels that match
 */
record BackboneBaseline(String vocabulary, Map<String, String> matched) {
  private static final Map<String, String> ALIASES =
      Map.of("rb", "rnb", "randb", "rnb", "rhythmandblues", "rnb");

  /** The baseline for these labels, or null when fewer than two of them are the bundled model's. */
  static BackboneBaseline forLabels(List<String> labels, Analysis example) {
    List<String> genres = example.genres().stream().map(LabelScore::label).toList();
    Map<String, String> byGenre = match(labels, genres);
    Map<String, String> byQuadrant = match(labels, List.copyOf(example.quadrants().keySet()));
    if (Math.max(byGenre.size(), byQuadrant.size()) < 2) {
      return null;
    }
    return byGenre.size() >= byQuadrant.size()
        ? new BackboneBaseline("genres", byGenre)
        : new BackboneBaseline("quadrants", byQuadrant);
  }

  private static Map<String, String> match(List<String> labels, List<String> vocabulary) {
    Map<String, String> keys = new LinkedHashMap<>();
    vocabulary.forEach(v -> keys.put(key(v), v));
    Map<String, String> out = new LinkedHashMap<>();
    for (String label : labels) {
      String hit = keys.get(key(label));
      if (hit != null && !out.containsValue(hit)) {
        out.put(label, hit);
      }
    }
    return out;
  }

  static String key(String label) {
    String k = label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    return ALIASES.getOrDefault(k, k);
  }

  /** The user's labels that take part, in the order given. */
  List<String> labels() {
    return new ArrayList<>(matched.keySet());
  }

  /** The bundled model's choice for one file among the matched labels, as the user's label. */
  String predict(Analysis a) {
    Map<String, Double> p = vocabulary.equals("genres") ? genreMap(a) : a.quadrants();
    String best = null;
    double bestP = -1;
    for (Map.Entry<String, String> e : matched.entrySet()) {
      double q = p.getOrDefault(e.getValue(), 0.0);
      if (q > bestP) {
        bestP = q;
        best = e.getKey();
      }
    }
    return best;
  }

  private static Map<String, Double> genreMap(Analysis a) {
    Map<String, Double> m = new LinkedHashMap<>();
    a.genres().forEach(g -> m.put(g.label(), g.p()));
    return m;
  }
}
