package org.musetag.ui.common;

import org.musetag.audio.AudioDecoder;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelException;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.PatchModel;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;

/**
 * The bundled model, loaded once (off the FX thread) on the device the user prefers, and its classifier. A new
 * device preference closes the model; the next caller loads it again.
 */
public final class ModelService implements AutoCloseable {
  static final String BUNDLED = "musetag-base";

  private final ModelFiles files;
  private final AudioDecoder decoder;
  private DevicePreference preference;
  private PatchModel model;
  private TrackClassifier classifier;

  public ModelService(ModelFiles files, AudioDecoder decoder, DevicePreference preference) {
    this.files = files;
    this.decoder = decoder;
    this.preference = preference;
  }

  /** The classifier of the loaded model, loading it first if needed. Slow the first time: background only. */
  public synchronized TrackClassifier classifier() throws ModelException {
    FxThread.checkNotOn("loading the model");
    if (model == null) {
      model = PatchModel.load(files.bundled(BUNDLED), preference, 1);
      classifier = new TrackClassifier(decoder, model, new StageTimes());
    }
    return classifier;
  }

  public synchronized PatchModel model() throws ModelException {
    return classifier().model();
  }

  /** Uses {@code next} from the next load on; closes the loaded model when the preference changed. */
  public synchronized void prefer(DevicePreference next) {
    if (next != preference) {
      preference = next;
      close();
    }
  }

  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
      model = null;
      classifier = null;
    }
  }
}
