package org.musetag.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.ModelFiles;

/** The composition root: the one place that chooses implementations. No static singletons elsewhere. */
public final class Wiring {
  private Wiring() {}

  public static Services create() {
    AppDirectories dirs = AppDirectories.forThisUser();
    return new Services(
        new FfmpegAudioDecoder(), dirs, new ModelFiles(dirs.cache().resolve("models")),
        n -> Executors.newFixedThreadPool(n, workerThreads()));
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
