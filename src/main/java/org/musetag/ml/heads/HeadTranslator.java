package org.musetag.ml.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/** Moves one embedding into a head's ONNX graph ({@code embedding} [1, d]) and its {@code output} row back. */
final class HeadTranslator implements Translator<float[], float[]> {
  @Override
  public NDList processInput(TranslatorContext ctx, float[] embedding) {
    NDArray x =
        ctx.getNDManager().create(FloatBuffer.wrap(embedding), new Shape(1, embedding.length));
    x.setName("embedding");
    return new NDList(x);
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    return list.get(0).toFloatArray();
  }

  @Override
  public Batchifier getBatchifier() {
    return null;
  }
}
