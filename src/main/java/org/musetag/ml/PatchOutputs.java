package org.musetag.ml;

/** Raw model outputs for a batch of patches, one row per patch. */
public record PatchOutputs(float[][] embedding, float[][] genre, float[][] quadrant, float[][] va) {
  public int size() {
    return genre.length;
  }
}
