package org.musetag.ml;

import java.util.List;

/**
 * The four quadrants of Russell's circumplex, with the mood words a person would search for or expect to see in a
 * player (shared/guide/tags.md): what Musetag writes into MOOD fields and indexes for search.
 */
public enum Quadrant {
  Q1("happy", "energetic"),
  Q2("angry", "tense"),
  Q3("sad", "melancholic"),
  Q4("calm", "relaxed");

  private final List<String> words;

  Quadrant(String... words) {
    this.words = List.of(words);
  }

  /** e.g. ["happy", "energetic"] for Q1 (+valence, +arousal). */
  public List<String> words() {
    return words;
  }

  /** The quadrant of a valence/arousal point (0 counts as positive). */
  public static Quadrant of(double valence, double arousal) {
    if (valence >= 0) {
      return arousal >= 0 ? Q1 : Q4;
    }
    return arousal >= 0 ? Q2 : Q3;
  }
}
