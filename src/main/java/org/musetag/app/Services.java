package org.musetag.app;

import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import org.musetag.audio.AudioDecoder;
import org.musetag.ml.BundledModel;

/**
 * The long-lived services of one running Musetag, built once by the composition root ({@link Wiring}) and handed to
 * the command line and the desktop UI through their constructors.
 *
 * @param model the bundled model, loaded at most once per device preference for the whole process
 * @param executors makes a pool of the given number of worker threads; callers shut it down when done
 */
public record Services(
    AudioDecoder decoder,
    AppDirectories directories,
    BundledModel model,
    IntFunction<ExecutorService> executors)
    implements AutoCloseable {

  /** Closes the loaded model (the one native resource the services hold). */
  @Override
  public void close() {
    model.close();
  }
}
