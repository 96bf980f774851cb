package org.musetag.ml.heads.input;

import java.nio.file.Path;

/**
 * One file to learn from: its label (label heads) or its valence and arousal (regression heads).
 *
 * @param label the class, or null for regression
 * @param valence -1..1, NaN for label heads
 * @param arousal -1..1, NaN for label heads
 */
public record TrainingItem(Path file, String label, double valence, double arousal) {
  public static TrainingItem labelled(Path file, String label) {
    return new TrainingItem(file, label, Double.NaN, Double.NaN);
  }

  public static TrainingItem rated(Path file, double valence, double arousal) {
    return new TrainingItem(file, null, valence, arousal);
  }
}
