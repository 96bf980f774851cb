package org.musetag.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.audio.TimeWindow;

/**
 * Decode throughput on a real library, beside the ffmpeg command in the same run: seconds of audio decoded per
 * second of wall time, for whole files and for three 10-second windows per track. Run by {@code bench/decode.sh};
 * prints a Markdown table for docs/benchmarks.md.
 */
public final class DecodeBenchmark {
  private static final int RATE = 16000;
  private static final double WINDOW = 10;

  private DecodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/.debs/"))
              .sorted()
              .toList();
    }
    AudioDecoder decoder = new FfmpegAudioDecoder();
    double[] durations = new double[files.size()];
    for (int i = 0; i < files.size(); i++) {
      durations[i] = decoder.probe(files.get(i)).durationSeconds();
    }
    // Warm-up: JIT and native libraries, not measured.
    for (int i = 0; i < Math.min(5, files.size()); i++) {
      decoder.decodeWindows(files.get(i), RATE, windows(durations[i]));
    }
    double total = Arrays.stream(durations).sum();
    List<double[]> rows = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double[] full = new double[files.size()];
      double[] win = new double[files.size()];
      double[] cli = new double[files.size()];
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        long t0 = System.nanoTime();
        decoder.decode(f, RATE);
        long t1 = System.nanoTime();
        decoder.decodeWindows(f, RATE, windows(durations[i]));
        long t2 = System.nanoTime();
        ffmpegCli(f);
        long t3 = System.nanoTime();
        full[i] = (t1 - t0) / 1e9;
        win[i] = (t2 - t1) / 1e9;
        cli[i] = (t3 - t2) / 1e9;
      }
      rows.add(summarise(durations, full, win, cli));
      System.err.printf(Locale.ROOT, "round %d: %s%n", r + 1, Arrays.toString(rows.get(r)));
    }
    print(files.size(), total, rows);
  }

  /** Three 10-second windows at 25 %, 50 % and 75 % of the track. */
  static List<TimeWindow> windows(double duration) {
    List<TimeWindow> w = new ArrayList<>();
    for (double at : new double[] {0.25, 0.5, 0.75}) {
      w.add(new TimeWindow(Math.max(0, at * duration - WINDOW / 2), WINDOW));
    }
    return w;
  }

  /** [full x realtime, windowed audio-s per s, cli x realtime, cli/full time ratio, median window speed-up (>=4 min)] */
  static double[] summarise(double[] dur, double[] full, double[] win, double[] cli) {
    double audio = Arrays.stream(dur).sum();
    double fullT = Arrays.stream(full).sum();
    double winT = Arrays.stream(win).sum();
    double cliT = Arrays.stream(cli).sum();
    List<Double> speedups = new ArrayList<>();
    for (int i = 0; i < dur.length; i++) {
      if (dur[i] >= 240) {
        speedups.add(full[i] / win[i]);
      }
    }
    double windowAudio = dur.length * 3 * WINDOW;
    return new double[] {
      audio / fullT,
      windowAudio / winT,
      audio / cliT,
      fullT / cliT,
      median(speedups),
      speedups.size()
    };
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void print(int n, double total, List<double[]> rows) {
    double[] med = new double[rows.get(0).length];
    for (int k = 0; k < med.length; k++) {
      final int col = k;
      med[k] = median(rows.stream().map(r -> r[col]).toList());
    }
    System.out.printf(
        Locale.ROOT, "%d files, %.0f s of audio, median of %d rounds%n%n", n, total, rows.size());
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| Musetag whole-file decode (x realtime) | %.0f |%n", med[0]);
    System.out.printf(
        Locale.ROOT, "| `ffmpeg -i F -ac 1 -ar 16000 -f f32le -` (x realtime) | %.0f |%n", med[2]);
    System.out.printf(
        Locale.ROOT,
        "| Musetag time / ffmpeg CLI time, whole files (goal <= 1.3) | %.2f |%n",
        med[3]);
    System.out.printf(
        Locale.ROOT, "| Musetag 3 x 10 s windows (audio s decoded per s) | %.0f |%n", med[1]);
    System.out.printf(
        Locale.ROOT,
        "| whole / windowed time per track, tracks >= 4 min (n=%.0f, goal >= 5) | %.1f |%n",
        med[5],
        med[4]);
  }

  private static void ffmpegCli(Path f) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-i",
                f.toString(),
                "-ac",
                "1",
                "-ar",
                String.valueOf(RATE),
                "-f",
                "f32le",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (InputStream in = p.getInputStream()) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // consume: the CLI's output is read like Musetag's is built
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ffmpeg failed on " + f);
    }
  }
}
