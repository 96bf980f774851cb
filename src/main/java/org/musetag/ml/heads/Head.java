package org.musetag.ml.heads;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.musetag.ml.DjlOffline;

/**
 * One trained head loaded from its ONNX file through DJL's ONNX Runtime engine (like the bundled model), on the
 * CPU: a few thousand multiply-adds per track do not pay for a GPU. Takes a track's embedding from the bundled model
 * it was trained on (as wide as that model's {@code embedding} output: 128 floats for 1.x, 2.x's head components;
 * {@link HeadCard.Training#features()}) and returns the probability of each label, or valence and arousal, in the
 * order of {@link HeadCard#outputs()}. One predictor, used under a lock: heads are tiny, so threads queuing here cost
 * nothing measurable.
 */
public final class Head implements AutoCloseable {
  static {
    DjlOffline.ensure(); // before any DJL method runs (see DjlOffline)
  }

  private final HeadCard card;
  private final ZooModel<float[], float[]> model;
  private final Predictor<float[], float[]> predictor;

  private Head(HeadCard card, ZooModel<float[], float[]> model) {
    this.card = card;
    this.model = model;
    this.predictor = model.newPredictor();
  }

  /** Loads the head in {@code dir} (a registry version folder: head.onnx and card.json). */
  public static Head load(Path dir) throws HeadException {
    HeadCard card = HeadCard.read(dir);
    Path onnx = dir.resolve(HeadCard.ONNX);
    Criteria<float[], float[]> criteria =
        Criteria.builder()
            .setTypes(float[].class, float[].class)
            .optModelPath(onnx)
            .optEngine("OnnxRuntime")
            .optTranslator(new HeadTranslator())
            .optOption("interOpNumThreads", "1")
            .optOption("intraOpNumThreads", "1")
            .build();
    try {
      return new Head(card, criteria.loadModel());
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new HeadException(
          "cannot load the head " + card.id() + " from " + onnx + ": " + e.getMessage(), e);
    }
  }

  public HeadCard card() {
    return card;
  }

  public List<String> outputs() {
    return card.outputs();
  }

  /** The head's outputs for one embedding, in the order of {@link #outputs()}. */
  public synchronized float[] predict(float[] embedding) throws HeadException {
    try {
      float[] out = predictor.predict(embedding);
      if (out.length != card.outputs().size()) {
        throw new HeadException(
            "the head "
                + card.id()
                + " returned "
                + out.length
                + " values for "
                + card.outputs().size()
                + " outputs");
      }
      return out;
    } catch (TranslateException | RuntimeException e) {
      throw new HeadException("the head " + card.id() + " could not be run: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    predictor.close();
    model.close();
  }
}
