package org.musetag.cli;

import java.io.PrintWriter;
import org.musetag.app.Services;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelException;
import org.musetag.ml.PatchModel;
import picocli.CommandLine.Option;

/**
 * {@code --threads} and {@code --device}, and the bundled model on that device (from the one model service of the
 * process, {@link Services#model()}); shared by classify, analyze and train.
 */
final class ModelOptions {
  @Option(names = "--threads", description = "worker threads (default: number of CPU cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--device",
      description = "auto (GPU when usable), cpu or gpu; default: ${DEFAULT-VALUE}")
  DevicePreference device = DevicePreference.AUTO;

  /** Points the model service at {@code --device}, before it loads the model. */
  void prefer(Services services) {
    services.model().prefer(device);
  }

  /**
   * The loaded model (owned by the service: do not close it); says on {@code err} which device runs it when it is
   * not the one asked for.
   */
  PatchModel load(Services services, PrintWriter err) throws ModelException {
    prefer(services);
    PatchModel model = services.model().model();
    if (!model.device().notice().isEmpty()) {
      err.println("musetag: " + model.device().notice());
    }
    return model;
  }
}
