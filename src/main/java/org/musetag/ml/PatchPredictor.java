package org.musetag.ml;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;

/** Runs a {@link PatchModel} on batches of log-mel patches. One per worker thread. */
public final class PatchPredictor implements AutoCloseable {
  private final Predictor<float[], PatchOutputs> predictor;
  private final int mels;
  private final int frames;

  PatchPredictor(Predictor<float[], PatchOutputs> predictor, int mels, int frames) {
    this.predictor = predictor;
    this.mels = mels;
    this.frames = frames;
  }

  /** @param patches log-mel patches, each [frames][mels] in dB as {@code MelSpectrogram} returns them */
  public PatchOutputs predict(float[][][] patches) throws ModelException {
    float[] flat = new float[patches.length * mels * frames];
    for (int p = 0; p < patches.length; p++) {
      float[][] patch = patches[p];
      int base = p * mels * frames;
      for (int t = 0; t < frames; t++) {
        for (int m = 0; m < mels; m++) {
          flat[base + m * frames + t] = patch[t][m];
        }
      }
    }
    try {
      return predictor.predict(flat);
    } catch (TranslateException | RuntimeException e) {
      throw new ModelException("inference failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    predictor.close();
  }
}
