package org.musetag.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.PcmBuffer;
import org.musetag.audio.TimeWindow;
import org.musetag.dsp.MelImageRenderer;
import org.musetag.dsp.MelParameters;
import org.musetag.dsp.MelSpectrogram;
import org.musetag.dsp.NpyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag spectrogram FILE --png OUT.png [--npy OUT.npy] [--start S --length L]}: renders the log-mel
 * spectrogram Musetag's models hear (MelSpec v1) as an image, and optionally saves the raw matrix.
 */
@Command(
    name = "spectrogram",
    description =
        "Render the log-mel spectrogram of a file (or a stretch of it) as PNG, and optionally as .npy.")
final class SpectrogramCommand implements Callable<Integer> {
  /** Images wider than this are drawn with neighbouring frames pooled (max), so long tracks stay viewable. */
  static final int MAX_IMAGE_FRAMES = 4000;

  private final Services services;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "audio file")
  Path file;

  @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "image to write")
  Path png;

  @Option(
      names = "--npy",
      paramLabel = "OUT.npy",
      description = "also write the log-mel matrix, float32 [frames, mels]")
  Path npy;

  @Option(
      names = "--start",
      paramLabel = "S",
      description = "start of the stretch in seconds (default: 0)")
  double start;

  @Option(
      names = "--length",
      paramLabel = "L",
      description = "length of the stretch in seconds (default: to the end)")
  Double length;

  SpectrogramCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("path", file.toString());
    MelParameters params = MelParameters.MODEL;
    try {
      PcmBuffer pcm = decode(params.sampleRate());
      float[][] mel = MelSpectrogram.compute(pcm.samples(), params);
      if (mel.length == 0) {
        throw new AudioFileException(
            file, "is too short for a spectrogram (" + pcm.durationSeconds() + " s)");
      }
      writeAtomically(png, stream -> renderPooled(mel, params, stream));
      if (npy != null) {
        writeAtomically(npy, stream -> NpyWriter.write(mel, stream));
        row.put("npy", npy.toString());
      }
      row.put("png", png.toString());
      row.put("frames", mel.length);
      row.put("mels", params.melBands());
      row.put("start_s", start);
      row.put("duration_s", Math.round(pcm.durationSeconds() * 1000) / 1000.0);
      out.write(row);
      return 0;
    } catch (AudioFileException e) {
      row.put("error", e.reason());
    } catch (IOException e) {
      row.put("error", "cannot write the output: " + e.getMessage());
    }
    out.write(row);
    return 1;
  }

  private PcmBuffer decode(int rate) throws AudioFileException {
    if (start == 0 && length == null) {
      return services.decoder().decode(file, rate);
    }
    double len = length != null ? length : services.decoder().probe(file).durationSeconds() - start;
    if (!(len > 0) || start < 0) {
      throw new AudioFileException(
          file, "has no audio in the requested stretch (start " + start + " s)");
    }
    return services.decoder().decodeWindow(file, rate, new TimeWindow(start, len));
  }

  /** Pools frames (max per band) so the image is at most {@link #MAX_IMAGE_FRAMES} wide; the time axis follows. */
  private static void renderPooled(float[][] mel, MelParameters p, OutputStream stream)
      throws IOException {
    int factor = (mel.length + MAX_IMAGE_FRAMES - 1) / MAX_IMAGE_FRAMES;
    if (factor <= 1) {
      new MelImageRenderer().writePng(mel, p, stream);
      return;
    }
    float[][] pooled = new float[(mel.length + factor - 1) / factor][p.melBands()];
    for (int i = 0; i < mel.length; i++) {
      float[] dst = pooled[i / factor];
      for (int b = 0; b < dst.length; b++) {
        dst[b] = i % factor == 0 ? mel[i][b] : Math.max(dst[b], mel[i][b]);
      }
    }
    MelParameters coarse =
        new MelParameters(
            p.sampleRate(),
            p.fftSize(),
            p.hop() * factor,
            p.melBands(),
            p.fMin(),
            p.fMax(),
            p.logFloor());
    new MelImageRenderer().writePng(pooled, coarse, stream);
  }

  interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Writes next to the target and renames, so a failure never leaves a half-written file behind. */
  static void writeAtomically(Path target, StreamWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".musetag-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
