package org.musetag.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelException;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.TrackClassifier;

/**
 * What one executor JVM listens with: the bundled model (its ONNX file copied out of the jar and opened once), the
 * FFmpeg and ONNX Runtime natives it loads, and one predictor per task thread. Created on the first track a JVM
 * sees and reused for every later one, so a task costs only its tracks.
 */
final class Listener {
  private static Listener instance;

  private final BundledModel model;
  private final ThreadLocal<PatchPredictor> predictors;

  private Listener(BundledModel model) {
    this.model = model;
    this.predictors =
        ThreadLocal.withInitial(
            () -> {
              try {
                return model.model().newPredictor();
              } catch (ModelException e) {
                throw new IllegalStateException(e.getMessage(), e);
              }
            });
  }

  /** This JVM's listener; the first call loads the model. */
  static synchronized Listener get() throws Exception {
    if (instance == null) {
      System.setProperty("ai.djl.offline", "true");
      Path cache = Files.createTempDirectory("musetag-spark-model");
      BundledModel m =
          new BundledModel(new ModelFiles(cache), new FfmpegAudioDecoder(), DevicePreference.AUTO);
      m.classifier(); // opens the ONNX session now, once
      instance = new Listener(m);
    }
    return instance;
  }

  /** How many ONNX Runtime sessions this JVM opened: one, however many tracks and tasks it ran. */
  static synchronized int sessionsOpened() {
    return instance == null ? 0 : instance.model.sessionsOpened();
  }

  String modelId() throws ModelException {
    return model.id();
  }

  TrackClassifier classifier() throws ModelException {
    return model.classifier();
  }

  PatchPredictor predictor() {
    return predictors.get();
  }
}
