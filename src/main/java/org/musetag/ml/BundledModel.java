package org.musetag.ml;

import java.nio.file.Path;
import java.util.Optional;
import org.musetag.audio.AudioDecoder;

/**
 * The one way into the bundled model for the whole process: the command line's {@code classify}, {@code analyze} and
 * {@code train}, and the app's classify cards, library analysis and retraining all take the model from here. The
 * ONNX file is unpacked and its metadata (id, labels, shape) parsed once; its ONNX Runtime session is opened on the
 * first call that needs it, on the device preferred at that moment, and kept until the preference changes or the
 * service closes. Callers never close the {@link PatchModel} they get: the service owns it.
 *
 * <p>Built once by the composition root ({@code app.Wiring}); thread-safe.
 */
public final class BundledModel implements AutoCloseable {
  /** The model shipped with Musetag, {@code models/musetag-base.onnx}. */
  public static final String NAME = "musetag-base";

  /** Opens the ONNX Runtime session of a model file whose metadata has been read. */
  @FunctionalInterface
  public interface Loader {
    PatchModel load(Path onnx, ModelMetadata metadata, DevicePreference preference)
        throws ModelException;
  }

  /** The product's loader: a session of its own, one intra-op thread per predictor (one predictor per core). */
  public static final Loader OWN_SESSION =
      (onnx, meta, pref) -> PatchModel.load(onnx, meta, pref, 1);

  private final ModelFiles files;
  private final AudioDecoder decoder;
  private final Loader loader;
  private DevicePreference preference;
  private Path onnx;
  private ModelMetadata metadata;
  private PatchModel model;
  private TrackClassifier classifier;
  private int sessions;

  public BundledModel(ModelFiles files, AudioDecoder decoder, DevicePreference preference) {
    this(files, decoder, preference, OWN_SESSION);
  }

  /**
   * The service whose sessions come from {@code loader}: the tests lend one session per JVM to the hundred services
   * they build, instead of opening the same 14 MB graph a hundred times.
   */
  public BundledModel(
      ModelFiles files, AudioDecoder decoder, DevicePreference preference, Loader loader) {
    this.files = files;
    this.decoder = decoder;
    this.preference = preference;
    this.loader = loader;
  }

  /**
   * The same service on the ONNX file {@code onnx} instead of the bundled one: for tests and trials of a model that
   * is not bundled yet (a waveform model while musetag-base 2.0.0 is being trained).
   */
  public BundledModel(Path onnx, AudioDecoder decoder, DevicePreference preference) {
    this((ModelFiles) null, decoder, preference, OWN_SESSION);
    this.onnx = onnx;
  }

  /** The model's metadata, read from its file without starting ONNX Runtime. */
  public synchronized ModelMetadata metadata() throws ModelException {
    if (metadata == null) {
      metadata = ModelMetadata.read(file());
    }
    return metadata;
  }

  /** "name@version" of the bundled model, known without loading it (what trained heads are keyed by). */
  public String id() throws ModelException {
    return metadata().id();
  }

  /** The loaded model, loading it first if needed. Slow the first time: never on a UI thread. */
  public synchronized PatchModel model() throws ModelException {
    if (model == null) {
      model = loader.load(file(), metadata(), preference);
      sessions++;
      classifier = new TrackClassifier(decoder, model, new StageTimes());
    }
    return model;
  }

  /** The classifier of the loaded model (with its own stage times), loading the model first if needed. */
  public synchronized TrackClassifier classifier() throws ModelException {
    model();
    return classifier;
  }

  /** Where the loaded model runs; empty while it is not loaded (a training run that found everything cached). */
  public synchronized Optional<InferenceDevice> device() {
    return Optional.ofNullable(model).map(PatchModel::device);
  }

  /** Uses {@code next} from the next load on; closes the loaded model when the preference changed. */
  public synchronized void prefer(DevicePreference next) {
    if (next != preference) {
      preference = next;
      close();
    }
  }

  /**
   * How many times this service has asked its loader for the model's ONNX Runtime session: 1 in a process that never
   * changes device.
   */
  public synchronized int sessionsOpened() {
    return sessions;
  }

  private Path file() throws ModelException {
    if (onnx == null) {
      onnx = files.bundled(NAME);
    }
    return onnx;
  }

  /** Closes the loaded model, if any; a later call loads it again. */
  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
      model = null;
      classifier = null;
    }
  }
}
