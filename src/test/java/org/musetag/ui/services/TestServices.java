package org.musetag.ui.services;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.musetag.app.AppDirectories;
import org.musetag.app.Services;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.SharedSessions;

/** Real services whose data folder is a test's temporary folder, so nothing touches the user's home. */
public final class TestServices {
  private TestServices() {}

  public static Services in(Path home) {
    AtomicInteger n = new AtomicInteger();
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    BundledModel model =
        new BundledModel(
            new ModelFiles(home.resolve("cache")),
            decoder,
            DevicePreference.CPU,
            SharedSessions.LOADER);
    return new Services(
        decoder,
        new AppDirectories(home),
        model,
        threads ->
            Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "test-worker-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                }));
  }

  /** A gateway on {@code db} with its own reader and writer threads. */
  public static LibraryGateway gateway(Path db) {
    return new LibraryGateway(
        db, Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor());
  }
}
