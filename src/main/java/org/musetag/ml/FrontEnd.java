package org.musetag.ml;

import java.util.Optional;

/**
 * What a model's input is, named by its {@code frontend} metadata. musetag-base 1.x takes MelSpec v1 patches that
 * Java computes (decision 0002); 2.x has pretrained front-ends inside the graph and takes the raw PCM, so Java only
 * decodes and cuts windows. One {@link PatchModel} type serves both; the front-end decides the input it is fed.
 */
public enum FrontEnd {
  /** Input {@code mel} [N, 1, mels, frames], one row of outputs per patch, averaged over a track in Java. */
  MEL_SPEC_V1("MelSpec-v1"),
  /** Input {@code audio} [T, K, S] of 16 kHz mono PCM; the outputs are per track, pooled inside the graph. */
  WAVEFORM_16K("waveform-16k");

  private final String metadataName;

  FrontEnd(String metadataName) {
    this.metadataName = metadataName;
  }

  /** The value of the {@code frontend} metadata key that names this front-end. */
  public String metadataName() {
    return metadataName;
  }

  /** The front-end named {@code frontend} in a model's metadata; empty for one Musetag cannot feed. */
  public static Optional<FrontEnd> named(String frontend) {
    for (FrontEnd f : values()) {
      if (f.metadataName.equals(frontend)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
