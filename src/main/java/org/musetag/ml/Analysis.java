package org.musetag.ml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musetag.dsp.TempoKey;

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
 * @param tags the model's extra tag outputs (musetag-base 2.x: {@code tags_msd}, {@code audioset_music}, ...) by
 *     output name, each with every label and its probability, most likely first; empty for a model without them
 *     (1.x) and for stored analyses, which keep only what the library's table has columns for
 * @param tempoKey the track's tempo and key ({@link TempoKey#NONE} when not heard: a stored analysis from before
 *     Musetag heard them)
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
    List<String> notes,
    Map<String, List<LabelScore>> tags,
    TempoKey tempoKey) {
  public Analysis {
    notes = notes == null ? List.of() : List.copyOf(notes);
    tempoKey = tempoKey == null ? TempoKey.NONE : tempoKey;
    Map<String, List<LabelScore>> copy = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach((name, scores) -> copy.put(name, List.copyOf(scores)));
    }
    tags = Collections.unmodifiableMap(copy); // in the model's order, which Map.copyOf would lose
  }

  /** An analysis without tempo and key. */
  public Analysis(
      List<LabelScore> genres,
      String quadrant,
      Map<String, Double> quadrants,
      double valence,
      double arousal,
      double confidence,
      float[] embedding,
      String model,
      List<String> notes,
      Map<String, List<LabelScore>> tags) {
    this(
        genres,
        quadrant,
        quadrants,
        valence,
        arousal,
        confidence,
        embedding,
        model,
        notes,
        tags,
        TempoKey.NONE);
  }

  /** The same analysis with this tempo and key. */
  public Analysis withTempoKey(TempoKey tk) {
    return new Analysis(
        genres,
        quadrant,
        quadrants,
        valence,
        arousal,
        confidence,
        embedding,
        model,
        notes,
        tags,
        tk);
  }

  /** An analysis without extra tag outputs. */
  public Analysis(
      List<LabelScore> genres,
      String quadrant,
      Map<String, Double> quadrants,
      double valence,
      double arousal,
      double confidence,
      float[] embedding,
      String model,
      List<String> notes) {
    this(
        genres,
        quadrant,
        quadrants,
        valence,
        arousal,
        confidence,
        embedding,
        model,
        notes,
        Map.of());
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
