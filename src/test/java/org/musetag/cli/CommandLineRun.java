package org.musetag.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.musetag.app.AppDirectories;
import org.musetag.app.Services;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.SharedSessions;
import picocli.CommandLine;

/**
 * One {@code musetag} command run in-process with real services whose data folder is a test's folder, and what it
 * printed.
 */
public record CommandLineRun(int exit, String out, String err) {

  /** Runs {@code args} with the data folder {@code home}, in services of its own (closed after the run). */
  public static CommandLineRun in(Path home, String... args) {
    try (Services services = services(home)) {
      return in(services, args);
    }
  }

  /** Real services on the data folder {@code home}, as {@code Wiring} builds them, for several runs in one process. */
  public static Services services(Path home) {
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    return new Services(
        decoder,
        new AppDirectories(home),
        new BundledModel(
            new ModelFiles(home.resolve("cache")),
            decoder,
            DevicePreference.AUTO,
            SharedSessions.LOADER),
        Executors::newFixedThreadPool);
  }

  /**
   * Real services on the data folder {@code home} whose model service runs the ONNX file {@code onnx} instead of
   * the bundled model (a waveform model not bundled yet).
   */
  public static Services services(Path home, Path onnx) {
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    return new Services(
        decoder,
        new AppDirectories(home),
        new BundledModel(onnx, decoder, DevicePreference.CPU),
        Executors::newFixedThreadPool);
  }

  /** Runs {@code args} with {@code services}, which stay open: a later run reuses their model. */
  public static CommandLineRun in(Services services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MusetagCommand.commandLine(services);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new CommandLineRun(exit, out.toString(), err.toString());
  }

  /** Standard output as JSON lines. */
  public List<JsonObject> json() {
    return out.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
  }
}
