package org.musetag.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelFiles;

/**
 * The composition root: the one place that chooses implementations and builds the services, once per process. The
 * command line and the desktop UI (whose own root, {@code ui.shell.AppViewModels}, builds the view models from
 * these) share the same decoder and the same {@link BundledModel}. No static singletons elsewhere.
 */
public final class Wiring {
  private Wiring() {}

  public static Services create() {
    AppDirectories dirs = AppDirectories.forThisUser();
    AudioDecoder decoder = new FfmpegAudioDecoder();
    return new Services(
        decoder,
        dirs,
        bundledModel(dirs, decoder),
        n -> Executors.newFixedThreadPool(n, workerThreads()));
  }

  /**
   * The model service over the cache folder of {@code dirs}. The device is AUTO until a front end says otherwise
   * ({@code --device}, or the app's settings), before the first load.
   */
  public static BundledModel bundledModel(AppDirectories dirs, AudioDecoder decoder) {
    return new BundledModel(
        new ModelFiles(dirs.cache().resolve("models")), decoder, DevicePreference.AUTO);
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "musetag-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
