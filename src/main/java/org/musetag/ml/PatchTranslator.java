package org.musetag.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Moves a batch of patches into ONNX Runtime and the four outputs back into Java arrays. The input is a flat
 * float array of N patches laid out [N, 1, mels, frames]; all maths before and after is plain Java, because DJL's
 * ONNX Runtime arrays cannot compute.
 */
final class PatchTranslator implements Translator<float[], PatchOutputs> {
  private final int mels;
  private final int frames;

  PatchTranslator(int mels, int frames) {
    this.mels = mels;
    this.frames = frames;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, float[] patches) {
    int n = patches.length / (mels * frames);
    NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(patches), new Shape(n, 1, mels, frames));
    x.setName("mel");
    return new NDList(x);
  }

  @Override
  public PatchOutputs processOutput(TranslatorContext ctx, NDList list) {
    return new PatchOutputs(
        rows(find(list, "embedding", 0)),
        rows(find(list, "genre", 1)),
        rows(find(list, "quadrant", 2)),
        rows(find(list, "va", 3)));
  }

  private static NDArray find(NDList list, String name, int position) {
    NDArray named = list.get(name);
    return named != null ? named : list.get(position);
  }

  private static float[][] rows(NDArray a) {
    long[] shape = a.getShape().getShape();
    int n = (int) shape[0];
    int width = (int) shape[1];
    float[] flat = a.toFloatArray();
    float[][] out = new float[n][width];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * width, out[i], 0, width);
    }
    return out;
  }

  @Override
  public Batchifier getBatchifier() {
    return null;
  }
}
