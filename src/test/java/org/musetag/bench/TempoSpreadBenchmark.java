package org.musetag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.dsp.TempoEstimator;

/**
 * The tempo of one track heard from different parts of it (docs/benchmarks.md): for every track of a library, the
 * tempo of each of its three analysis windows alone, and the spread between them. Game soundtracks are mostly
 * constant-tempo loops; a track whose parts disagree by a simple ratio (×2, ½, 3, ⅓) is counted as an octave
 * disagreement, not as a spread.
 *
 * <p>Usage: {@code java ... TempoSpreadBenchmark LIBRARY_DIR}
 */
public final class TempoSpreadBenchmark {
  private TempoSpreadBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".ogg") || p.toString().endsWith(".mp3"))
              .sorted()
              .toList();
    }
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    TempoEstimator tempo = new TempoEstimator(16_000);
    List<Double> spreads = new ArrayList<>();
    int agree = 0;
    int octave = 0;
    int other = 0;
    for (Path f : files) {
      float[][] w;
      try {
        w = RhythmKeyBenchmark.windows(decoder, f);
      } catch (Exception e) {
        continue;
      }
      double[] bpm = new double[w.length];
      boolean ok = true;
      for (int i = 0; i < w.length; i++) {
        TempoEstimator.Tempo t = tempo.estimate(new float[][] {w[i]});
        ok &= t != null;
        bpm[i] = t == null ? Double.NaN : t.bpm();
      }
      if (!ok || w.length < 3) {
        continue;
      }
      double lo = Math.min(bpm[0], Math.min(bpm[1], bpm[2]));
      double hi = Math.max(bpm[0], Math.max(bpm[1], bpm[2]));
      if (hi / lo - 1 <= 0.04) {
        agree++;
        spreads.add(hi - lo);
      } else if (related(bpm)) {
        octave++;
      } else {
        other++;
      }
    }
    java.util.Collections.sort(spreads);
    int n = agree + octave + other;
    System.out.printf(
        Locale.ROOT,
        "%d tracks heard in three windows: all three within 4 %%: %d (%.0f %%; spread median %.1f BPM, 90th"
            + " percentile %.1f, max %.1f); parts an octave apart: %d (%.0f %%); otherwise apart: %d (%.0f %%)%n",
        n,
        agree,
        100.0 * agree / n,
        spreads.get(spreads.size() / 2),
        spreads.get((int) (spreads.size() * 0.9)),
        spreads.get(spreads.size() - 1),
        octave,
        100.0 * octave / n,
        other,
        100.0 * other / n);
  }

  private static boolean related(double[] bpm) {
    for (double a : bpm) {
      for (double b : bpm) {
        double r = Math.max(a, b) / Math.min(a, b);
        boolean simple = false;
        for (double k : new double[] {1, 2, 3, 1.5, 4}) {
          simple |= Math.abs(r / k - 1) <= 0.04;
        }
        if (!simple) {
          return false;
        }
      }
    }
    return true;
  }
}
