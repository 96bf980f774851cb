package org.musetag.cli;

import java.io.PrintWriter;
import org.musetag.app.Services;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelException;
import org.musetag.ml.PatchModel;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --device}, and loading the bundled model with them; shared by classify and analyze. */
final class ModelOptions {
  @Option(names = "--threads", description = "worker threads (default: number of CPU cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--device", description = "auto (GPU when usable), cpu or gpu; default: ${DEFAULT-VALUE}")
  DevicePreference device = DevicePreference.AUTO;

  /** Loads the model; says on {@code err} which device runs it when it is not the one asked for. */
  PatchModel load(Services services, PrintWriter err) throws ModelException {
    PatchModel model = PatchModel.load(services.modelFiles().bundled("musetag-base"), device, 1);
    if (!model.device().notice().isEmpty()) {
      err.println("musetag: " + model.device().notice());
    }
    return model;
  }
}
