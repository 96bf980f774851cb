package org.musetag.ml;

import java.util.Map;

/**
 * Raw model outputs for a batch, one row per patch (a MelSpec v1 model) or per track (a waveform model, whose
 * graph pools its windows itself).
 *
 * @param tags the model's extra tag outputs by output name, in its metadata's order; empty for a 1.x model
 */
public record PatchOutputs(
    float[][] embedding,
    float[][] genre,
    float[][] quadrant,
    float[][] va,
    Map<String, float[][]> tags) {
  public PatchOutputs(float[][] embedding, float[][] genre, float[][] quadrant, float[][] va) {
    this(embedding, genre, quadrant, va, Map.of());
  }

  public int size() {
    return genre.length;
  }
}
