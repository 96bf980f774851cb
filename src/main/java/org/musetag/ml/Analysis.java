package org.musetag.ml;

import java.util.List;
import java.util.Map;

/**
 * What a model heard in one track.
 *
 * @param genres every genre with its probability, most likely first
 * @param quadrant the most likely Russell quadrant, "Q1".."Q4"
 * @param quadrants the probability of each quadrant
 * @param valence -1 (negative) .. 1 (positive)
 * @param arousal -1 (calm) .. 1 (energetic)
 * @param confidence the probability of the chosen quadrant (calibrated; see the model card)
 * @param embedding the backbone's track embedding (mean over patches), for retraining heads
 * @param model "name@version"
 * @param notes what the listener should know about the file it heard, in words that follow the file's name: cut
 *     short and heard on what is there, misnamed, damaged tags; empty for a sound file (and for stored analyses)
 */
public record Analysis(
    List<LabelScore> genres,
    String quadrant,
    Map<String, Double> quadrants,
    double valence,
    double arousal,
    double confidence,
    float[] embedding,
    String model,
    List<String> notes) {
  public Analysis {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** An analysis with nothing to note about its file. */
  public Analysis(
      List<LabelScore> genres,
      String quadrant,
      Map<String, Double> quadrants,
      double valence,
      double arousal,
      double confidence,
      float[] embedding,
      String model) {
    this(genres, quadrant, quadrants, valence, arousal, confidence, embedding, model, List.of());
  }
}
