package org.musetag.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tiny waveform-input ONNX graph with the musetag-base 2.0.0 contract ({@code waveform-test.onnx}, written by
 * {@code make_waveform_model.py} next to it), and what it must answer for given windows, computed here from its
 * formulas (the script's docstring) rather than by running it. Stands in for 2.0.0 until that file arrives.
 */
public final class WaveformTestModel {
  public static final int K = 3;
  public static final int S = 32000;

  private WaveformTestModel() {}

  /** The graph as a file in {@code dir} (ONNX Runtime needs a file, and a test's own copy). */
  public static Path copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path onnx = dir.resolve("waveform-test.onnx");
    try (InputStream in = WaveformTestModel.class.getResourceAsStream("waveform-test.onnx")) {
      Files.copy(in, onnx, StandardCopyOption.REPLACE_EXISTING);
    }
    return onnx;
  }

  /** What the graph answers for one track, by output name, in the order of its metadata's labels. */
  public record Expected(
      double[] genre,
      double[] quadrant,
      double[] va,
      double[] embedding,
      Map<String, double[]> tags) {}

  /** The outputs for a track whose K windows (each S samples) are {@code windows}, in double precision. */
  public static Expected of(float[][] windows) {
    int k = windows.length;
    double[] r = new double[k];
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      float[] x = windows[i];
      double squares = 0;
      int crossings = 0;
      for (int j = 0; j < x.length; j++) {
        squares += (double) x[j] * x[j];
        if (j > 0 && (x[j] >= 0) != (x[j - 1] >= 0)) {
          crossings++;
        }
      }
      r[i] = Math.sqrt(squares / x.length);
      z[i] = crossings / (double) (x.length - 1);
    }
    double[] genre = new double[14];
    for (int g = 0; g < 14; g++) {
      int gg = g;
      genre[g] = mean(k, i -> 8.0 * (gg - 6.5) / 6.5 * (z[i] - 0.25) + (gg % 3 - 1) * r[i]);
    }
    double[] quadrant = {
      mean(k, i -> 4 * r[i]),
      mean(k, i -> -4 * r[i]),
      mean(k, i -> 4 * z[i]),
      mean(k, i -> -4 * z[i])
    };
    double[] va = {Math.tanh(mean(k, i -> 2 * r[i] - 0.5)), Math.tanh(mean(k, i -> 4 * z[i] - 1))};
    double[] embedding = {
      mean(k, i -> r[i]),
      mean(k, i -> z[i]),
      mean(k, i -> r[i] * r[i]),
      mean(k, i -> z[i] * z[i]),
      mean(k, i -> (i + 1.0) / k * r[i]),
      mean(k, i -> (i + 1.0) / k * z[i])
    };
    Map<String, double[]> tags = new LinkedHashMap<>();
    tags.put("tags_msd", sigmoid(5, t -> mean(k, i -> (t + 1) * (r[i] - z[i]))));
    tags.put("tags_mtt", sigmoid(7, t -> mean(k, i -> (t - 3) * z[i])));
    tags.put("audioset_music", sigmoid(3, t -> mean(k, i -> (1 - t) * r[i])));
    return new Expected(softmax(genre), softmax(quadrant), va, embedding, tags);
  }

  private static double mean(int k, java.util.function.IntToDoubleFunction f) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += f.applyAsDouble(i);
    }
    return sum / k;
  }

  private static double[] sigmoid(int n, java.util.function.IntToDoubleFunction logit) {
    double[] p = new double[n];
    for (int t = 0; t < n; t++) {
      p[t] = 1 / (1 + Math.exp(-logit.applyAsDouble(t)));
    }
    return p;
  }

  private static double[] softmax(double[] logits) {
    double max = java.util.Arrays.stream(logits).max().orElse(0);
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
