package org.musetag.ml;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;

/**
 * Runs a {@link PatchModel} on a batch: log-mel patches for a MelSpec v1 model, the PCM windows of tracks for a
 * waveform model. One per worker thread.
 */
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
    return run(flat);
  }

  /**
   * Runs a waveform model on the PCM of T tracks laid out as its input {@code audio} [T, K, S]: track after track,
   * each its K windows of S samples one after another ({@link WaveformInput}). The outputs are per track.
   */
  public PatchOutputs predictAudio(float[] audio) throws ModelException {
    return run(audio);
  }

  private PatchOutputs run(float[] input) throws ModelException {
    try {
      return predictor.predict(input);
    } catch (TranslateException | RuntimeException e) {
      throw new ModelException("inference failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    predictor.close();
  }
}
