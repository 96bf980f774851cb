package org.musetag.ml.heads.embeddings;

import org.musetag.ml.BundledModel;
import org.musetag.ml.ModelException;
import org.musetag.ml.TrackClassifier;

/**
 * The bundled model as the source of embeddings for training. It loads nothing itself: the model comes from the
 * process's one {@link BundledModel}, and only when a file has to be heard, so a training run whose files are all in
 * the embedding cache never starts ONNX Runtime (most of the start-up time of a cached run).
 */
public final class Backbone {
  private final BundledModel model;
  private final String id;

  /** Reads the model's id from its metadata (no ONNX Runtime session). */
  public Backbone(BundledModel model) throws ModelException {
    this.model = model;
    this.id = model.id();
  }

  /** "name@version" of the model, as its results record it. */
  public String id() {
    return id;
  }

  /** The classifier, loading the model on first use. */
  TrackClassifier classifier() throws ModelException {
    return model.classifier();
  }
}
