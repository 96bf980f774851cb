package org.musetag.tags;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words written to the mood field for each quadrant of the valence/arousal plane. Players search and filter on
 * words people use ("happy", "calm"), not on codes like Q1 (shared/guide/tags.md).
 */
public final class MoodWords {
  private static final Map<String, List<String>> WORDS =
      Map.of(
          "Q1", List.of("happy", "energetic"),
          "Q2", List.of("angry", "tense"),
          "Q3", List.of("sad", "melancholic"),
          "Q4", List.of("calm", "relaxed"));

  private MoodWords() {}

  /**
   * The words for a quadrant: Q1 (positive valence, high arousal) happy, energetic; Q2 angry, tense; Q3 sad,
   * melancholic; Q4 calm, relaxed. Case-insensitive.
   *
   * @throws IllegalArgumentException for anything but Q1..Q4
   */
  public static List<String> forQuadrant(String quadrant) {
    List<String> words = quadrant == null ? null : WORDS.get(quadrant.strip().toUpperCase(Locale.ROOT));
    if (words == null) {
      throw new IllegalArgumentException("unknown mood quadrant '" + quadrant + "', expected Q1, Q2, Q3 or Q4");
    }
    return words;
  }
}
