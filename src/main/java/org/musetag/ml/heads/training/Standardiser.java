package org.musetag.ml.heads.training;

import java.util.List;

/**
 * Per-dimension standardisation of embeddings, (x − mean) · scale with scale = 1 / standard deviation, fitted on the
 * training examples only (in cross-validation: each fold's training part). A dimension that never varies (a unit
 * that is always off) gets scale 0, so it adds nothing rather than dividing by zero. The exported head does the same
 * as its first two ONNX operations, so it takes the raw embedding.
 */
record Standardiser(float[] mean, float[] scale) {
  static final double MIN_STD = 1e-6;

  static Standardiser fit(List<float[]> rows) {
    int d = rows.get(0).length;
    double[] sum = new double[d];
    double[] sq = new double[d];
    for (float[] r : rows) {
      for (int j = 0; j < d; j++) {
        sum[j] += r[j];
      }
    }
    float[] mean = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) (sum[j] / rows.size());
    }
    for (float[] r : rows) {
      for (int j = 0; j < d; j++) {
        double dev = r[j] - mean[j];
        sq[j] += dev * dev;
      }
    }
    float[] scale = new float[d];
    for (int j = 0; j < d; j++) {
      double std = Math.sqrt(sq[j] / rows.size());
      scale[j] = std < MIN_STD ? 0f : (float) (1 / std);
    }
    return new Standardiser(mean, scale);
  }

  /** Computed in float, exactly as ONNX Runtime computes the exported Sub and Mul. */
  double[] apply(float[] x) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = (x[j] - mean[j]) * scale[j];
    }
    return out;
  }
}
