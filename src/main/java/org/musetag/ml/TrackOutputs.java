package org.musetag.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One track's outputs, before they are named: the mean over its patches for a MelSpec v1 model, or the one row a
 * waveform model gives per track (pooled inside its graph, so taken as it is). Either way the widths are checked
 * against the labels the metadata names; the embedding is as wide as the model's output.
 */
record TrackOutputs(
    double[] genre,
    double[] quadrant,
    double[] va,
    double[] embedding,
    Map<String, double[]> tags) {

  /** The mean over the patches of a MelSpec v1 model: the track-level aggregation of 1.x. */
  static TrackOutputs mean(PatchOutputs out, PatchModel model) throws ModelException {
    Map<String, double[]> tags = new LinkedHashMap<>();
    for (Map.Entry<String, float[][]> e : out.tags().entrySet()) {
      tags.put(e.getKey(), mean(e.getValue()));
    }
    return checked(
        new TrackOutputs(
            mean(out.genre()), mean(out.quadrant()), mean(out.va()), mean(out.embedding()), tags),
        model);
  }

  /** The one track's row of a waveform model's outputs, as they are. */
  static TrackOutputs of(PatchOutputs out, PatchModel model) throws ModelException {
    if (out.size() != 1) {
      throw new ModelException(model.id() + " gave " + out.size() + " rows for one track");
    }
    Map<String, double[]> tags = new LinkedHashMap<>();
    for (Map.Entry<String, float[][]> e : out.tags().entrySet()) {
      tags.put(e.getKey(), row(e.getValue()));
    }
    return checked(
        new TrackOutputs(
            row(out.genre()), row(out.quadrant()), row(out.va()), row(out.embedding()), tags),
        model);
  }

  private static TrackOutputs checked(TrackOutputs t, PatchModel model) throws ModelException {
    if (t.genre.length != model.genres().size() || t.quadrant.length != model.quadrants().size()) {
      throw new ModelException(
          model.id()
              + " outputs "
              + t.genre.length
              + " genres and "
              + t.quadrant.length
              + " quadrants but its metadata names "
              + model.genres().size()
              + " and "
              + model.quadrants().size());
    }
    if (t.va.length != 2) {
      throw new ModelException(model.id() + " outputs " + t.va.length + " values for va, not 2");
    }
    for (Map.Entry<String, double[]> e : t.tags.entrySet()) {
      List<String> labels = model.metadata().labels(e.getKey());
      if (e.getValue().length != labels.size()) {
        throw new ModelException(
            model.id()
                + " outputs "
                + e.getValue().length
                + " values for "
                + e.getKey()
                + " but its metadata names "
                + labels.size()
                + " labels");
      }
    }
    return t;
  }

  private static double[] row(float[][] rows) {
    double[] r = new double[rows[0].length];
    for (int j = 0; j < r.length; j++) {
      r[j] = rows[0][j];
    }
    return r;
  }

  private static double[] mean(float[][] rows) {
    double[] m = new double[rows[0].length];
    for (float[] row : rows) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= rows.length;
    }
    return m;
  }
}
