package org.musetag.ml;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ONNX model that maps what it hears to embedding, genre, quadrant and valence/arousal (and, for some, extra tag
 * outputs), loaded once through DJL's ONNX Runtime engine. What it hears depends on its {@link FrontEnd}: MelSpec v1
 * patches computed in Java (1.x), or raw PCM windows for a model whose front-end is inside the graph (2.x). Hand each worker thread its own {@link PatchPredictor}; close the model last.
 *
 * <p>Device: on {@link DevicePreference#AUTO} or {@link DevicePreference#GPU} the CUDA provider is tried when the
 * ONNX Runtime build has it (the {@code -Pgpu} build); if it is absent or fails (no CUDA 12 / cuDNN 9, no GPU) the
 * model runs on the CPU and {@link #device()} carries a notice saying why.
 */
public final class PatchModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PatchModel.class);

  static {
    DjlOffline.ensure(); // before any DJL method runs: Engine.getEngine would otherwise call home
  }

  private final ZooModel<float[], PatchOutputs> model;
  private final InferenceDevice device;
  private final String name;
  private final String version;
  private final List<String> genres;
  private final List<String> quadrants;
  private final int mels;
  private final int frames;
  private final ModelMetadata meta;
  private final boolean owner;

  private PatchModel(
      ZooModel<float[], PatchOutputs> model, InferenceDevice device, ModelMetadata meta) {
    this(model, device, meta, true);
  }

  private PatchModel(
      ZooModel<float[], PatchOutputs> model,
      InferenceDevice device,
      ModelMetadata meta,
      boolean owner) {
    this.owner = owner;
    this.model = model;
    this.device = device;
    this.name = meta.name();
    this.version = meta.version();
    this.genres = meta.genres();
    this.quadrants = meta.quadrants();
    this.mels = meta.melBands();
    this.frames = meta.patchFrames();
    this.meta = meta;
  }

  /**
   * Loads {@code onnx}. {@code threadsPerPredictor} sets ONNX Runtime's intra-op threads; with one predictor per
   * core, 1 avoids oversubscription. The app and the command line load the bundled model through
   * {@link BundledModel}, which calls this once per process.
   */
  public static PatchModel load(Path onnx, DevicePreference preference, int threadsPerPredictor)
      throws ModelException {
    return load(onnx, ModelMetadata.read(onnx), preference, threadsPerPredictor);
  }

  /** Loads {@code onnx} whose metadata {@code meta} the caller has read already: one ONNX Runtime session. */
  public static PatchModel load(
      Path onnx, ModelMetadata meta, DevicePreference preference, int threadsPerPredictor)
      throws ModelException {
    requireFeedable(onnx, meta);
    Engine.getEngine(
        "OnnxRuntime"); // DJL must create the ONNX Runtime environment, with its own thread
    // settings
    if (preference != DevicePreference.CPU) {
      String why = cudaUnavailableReason();
      boolean cudaFailed = false;
      if (why == null) {
        try {
          return new PatchModel(
              open(onnx, Device.gpu(), threadsPerPredictor, meta),
              new InferenceDevice("GPU (CUDA device 0)", true, ""),
              meta);
        } catch (ModelException e) {
          why =
              "CUDA could not be started ("
                  + rootMessage(e)
                  + "): the GPU edition needs an NVIDIA GPU with CUDA 12"
                  + " and cuDNN 9 installed";
          cudaFailed = true;
          LOG.warn("falling back to the CPU: {}", why);
          LOG.debug("CUDA failure in full", e);
        }
      }
      // The CPU edition on AUTO is the normal case and says nothing; a GPU edition that cannot use
      // its GPU says why.
      String notice =
          preference == DevicePreference.GPU
              ? "GPU requested but " + why + "; running on the CPU"
              : cudaFailed ? why + "; running on the CPU" : "";
      return new PatchModel(
          open(onnx, Device.cpu(), threadsPerPredictor, meta), InferenceDevice.cpu(notice), meta);
    }
    return new PatchModel(
        open(onnx, Device.cpu(), threadsPerPredictor, meta), InferenceDevice.cpu(""), meta);
  }

  /** Checks, before a session opens, that Musetag can build the input {@code meta} asks for. */
  private static void requireFeedable(Path onnx, ModelMetadata meta) throws ModelException {
    if (meta.frontEndKind().isEmpty()) {
      throw new ModelException(
          onnx
              + " expects front-end "
              + meta.frontend()
              + ", Musetag computes MelSpec-v1 or feeds waveform-16k");
    }
    try {
      if (meta.frontEndKind().get() == FrontEnd.WAVEFORM_16K
          && (meta.sampleRate() != 16000
              || meta.windowSamples() < 1
              || meta.windowsPerTrack() < 1)) {
        throw new ModelException(
            onnx + " is a waveform-16k model whose metadata does not name 16 kHz windows");
      }
    } catch (NumberFormatException e) {
      throw new ModelException(onnx + " has a window size in its metadata that is not a number", e);
    }
    for (String output : meta.tagOutputs()) {
      if (meta.labels(output).isEmpty()) {
        throw new ModelException(onnx + " names the output " + output + " but no labels for it");
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceFirst("^Error code - ORT_FAIL - message: ", "");
  }

  private static String cudaUnavailableReason() {
    try {
      return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
          ? null
          : "this build of ONNX Runtime has no CUDA support (install the GPU edition)";
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      return "ONNX Runtime could not list its providers (" + e.getMessage() + ")";
    }
  }

  private static ZooModel<float[], PatchOutputs> open(
      Path onnx, Device device, int threads, ModelMetadata meta) throws ModelException {
    Criteria<float[], PatchOutputs> criteria =
        Criteria.builder()
            .setTypes(float[].class, PatchOutputs.class)
            .optModelPath(onnx)
            .optEngine("OnnxRuntime")
            .optDevice(device)
            .optTranslator(PatchTranslator.of(meta))
            .optOption("interOpNumThreads", "1")
            .optOption("intraOpNumThreads", String.valueOf(threads))
            .build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new ModelException(
          "cannot load the model " + onnx.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** A predictor for one worker thread. Not thread-safe; close it when the worker is done. */
  public PatchPredictor newPredictor() {
    return new PatchPredictor(model.newPredictor(), mels, frames);
  }

  /** The metadata the model was loaded with: front-end, windows, labels of every output. */
  public ModelMetadata metadata() {
    return meta;
  }

  /** What the model's input is: MelSpec v1 patches or raw PCM windows. */
  public FrontEnd frontEnd() {
    return meta.frontEndKind().orElseThrow();
  }

  public InferenceDevice device() {
    return device;
  }

  /** "name@version", recorded with every result and tag the model produces. */
  public String id() {
    return name + "@" + version;
  }

  public List<String> genres() {
    return genres;
  }

  public List<String> quadrants() {
    return quadrants;
  }

  public int patchFrames() {
    return frames;
  }

  public int melBands() {
    return mels;
  }

  /**
   * A handle on this model's session whose {@link #close()} leaves the session open: for a holder that lends one
   * loaded session to several users and closes it itself (the test suite lends one per JVM).
   */
  public PatchModel borrowed() {
    return new PatchModel(model, device, meta, false);
  }

  /** Closes the ONNX Runtime session, unless this is a {@link #borrowed()} handle. */
  @Override
  public void close() {
    if (owner) {
      model.close();
    }
  }

  @Override
  public String toString() {
    return id()
        + " on "
        + device.description()
        + " "
        + Arrays.asList(genres.size(), quadrants.size());
  }
}
