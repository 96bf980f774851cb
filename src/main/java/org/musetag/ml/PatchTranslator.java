package org.musetag.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a batch into ONNX Runtime and the outputs back into Java arrays. The input is a flat float array of N items,
 * each of the item shape the front-end names: [1, mels, frames] patches called {@code mel} for a MelSpec v1 model,
 * [K, S] windows of PCM called {@code audio} (one item per track) for a waveform model. All maths before and after is
 * plain Java, because DJL's ONNX Runtime arrays cannot compute.
 */
final class PatchTranslator implements Translator<float[], PatchOutputs> {
  private final String input;
  private final long[] item;
  private final List<String> tagOutputs;

  private PatchTranslator(String input, long[] item, List<String> tagOutputs) {
    this.input = input;
    this.item = item;
    this.tagOutputs = List.copyOf(tagOutputs);
  }

  /** The translator for the model {@code meta} describes. */
  static PatchTranslator of(ModelMetadata meta) {
    return meta.frontEndKind().orElseThrow() == FrontEnd.WAVEFORM_16K
        ? new PatchTranslator(
            "audio", new long[] {meta.windowsPerTrack(), meta.windowSamples()}, meta.tagOutputs())
        : new PatchTranslator(
            "mel", new long[] {1, meta.melBands(), meta.patchFrames()}, List.of());
  }

  @Override
  public NDList processInput(TranslatorContext ctx, float[] batch) {
    long size = 1;
    for (long d : item) {
      size *= d;
    }
    long[] shape = new long[item.length + 1];
    shape[0] = batch.length / size;
    System.arraycopy(item, 0, shape, 1, item.length);
    NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(batch), new Shape(shape));
    x.setName(input);
    return new NDList(x);
  }

  @Override
  public PatchOutputs processOutput(TranslatorContext ctx, NDList list) {
    Map<String, float[][]> tags = new LinkedHashMap<>();
    for (String name : tagOutputs) {
      NDArray a = list.get(name);
      if (a == null) {
        throw new IllegalStateException(
            "the model has no output " + name + " as its metadata says");
      }
      tags.put(name, rows(a));
    }
    return new PatchOutputs(
        rows(find(list, "embedding", 0)),
        rows(find(list, "genre", 1)),
        rows(find(list, "quadrant", 2)),
        rows(find(list, "va", 3)),
        tags);
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
