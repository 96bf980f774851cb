package org.musetag.bench;

import static org.musetag.dsp.KeyEstimator.Profile.DIATONIC;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.audio.OpenAudio;
import org.musetag.audio.PcmBuffer;
import org.musetag.audio.TimeWindow;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.KeyEstimator.Key;
import org.musetag.dsp.TempoEstimator;
import org.musetag.dsp.TunedChroma;
import org.musetag.ml.PatchPlan;

/**
 * Tempo and key against human annotations (docs/benchmarks.md): the GTZAN clips of train-v1 with
 * {@code gtzan-rhythm-key}'s tempo and key, heard as an analysis hears them (the three 10-s windows of PatchPlan at
 * 16 kHz), scored per genre and overall: tempo Accuracy1 (within 4 %), Accuracy2 (also ×2, ×½, ×3, ×⅓), key MIREX
 * weighted score and accuracy. Side by side, on the same files in the same run: {@code aubio tempo} and {@code bpm}
 * (bpm-tools) on the whole clip (their own decoding: {@code sox} to raw float for bpm), when installed.
 *
 * <p>Usage: {@code bench/rhythm-key.sh [TRAIN_V1] [GTZAN_RHYTHM_KEY]}; each key profile is scored in the same run.
 */
public final class RhythmKeyBenchmark {
  private static final int RATE = 16_000;
  private static final int WINDOW = 160_000;

  private RhythmKeyBenchmark() {}

  record Clip(String id, String genre, Path file, int fold, double bpm, String key) {}

  public static void main(String[] args) throws Exception {
    Path train = Path.of(args.length > 0 ? args[0] : "../shared/data/train-v1");
    Path annotations = Path.of(args.length > 1 ? args[1] : "../shared/data/gtzan-rhythm-key");
    Map<String, String[]> rows = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(train.resolve("clips.csv"))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        rows.put(f[0], f);
      }
    }
    List<Clip> clips = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(annotations.resolve("annotations.csv"))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        String genre = f[0].substring("gtzan-".length(), f[0].indexOf('.'));
        String[] row = rows.get(f[0]);
        clips.add(
            new Clip(
                f[0],
                genre,
                train.resolve(row[2]),
                Integer.parseInt(row[4]) % FOLDS,
                Double.parseDouble(f[1]),
                f[2]));
      }
    }
    boolean aubio = onPath("aubio");
    boolean bpmTools = onPath("bpm") && onPath("sox");
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    TempoEstimator tempo = new TempoEstimator(RATE);
    KeyEstimator shipped = new KeyEstimator(RATE);
    TunedChroma tuned = new TunedChroma(RATE);
    TunedChroma plain = new TunedChroma(RATE, 0, 0);
    ConstantQChroma constantQ = new ConstantQChroma(RATE);
    Map<String, Score> scores = new TreeMap<>();
    Map<Clip, double[]> tunedChroma = new LinkedHashMap<>();
    Map<Clip, double[]> constantQChroma = new LinkedHashMap<>();
    Map<Clip, double[]> plainChroma = new LinkedHashMap<>();
    Map<Clip, Key> shippedKey = new LinkedHashMap<>();
    double[] ms = new double[clips.size()];
    int i = 0;
    for (Clip c : clips) {
      float[][] windows = windows(decoder, c.file());
      long t0 = System.nanoTime();
      TempoEstimator.Tempo t = tempo.estimate(windows);
      Key k = shipped.estimate(windows);
      ms[i++] = (System.nanoTime() - t0) / 1e6;
      if (!c.key().isEmpty()) {
        shippedKey.put(c, k);
        tunedChroma.put(c, tuned.of(windows));
        constantQChroma.put(c, constantQ.of(windows));
        plainChroma.put(c, plain.of(windows));
      }
      for (String group : List.of(c.genre(), "all")) {
        Score s = scores.computeIfAbsent(group, g -> new Score());
        s.tempo("musetag", c.bpm(), t == null ? Double.NaN : t.bpm());
        if (aubio) {
          s.tempo("aubio", c.bpm(), aubio(c.file()));
        }
        if (bpmTools) {
          s.tempo("bpm-tools", c.bpm(), bpmTools(c.file()));
        }
      }
    }
    // Keys: the learnt profile out of fold (fitted on the other folds' clips), the shipped profile
    // (fitted on all:
    // in sample), the classic profiles on the same chroma, and the constant-Q chroma Musetag used
    // before.
    Map<Clip, Key> tunedOutOfFold = outOfFold(tunedChroma, tuned);
    Map<Clip, Key> constantQOutOfFold = outOfFold(constantQChroma, tuned);
    Map<Clip, Key> plainOutOfFold = outOfFold(plainChroma, tuned);
    Map<KeyEstimator.Profile, KeyEstimator> templates = new LinkedHashMap<>();
    for (KeyEstimator.Profile p : KeyEstimator.Profile.values()) {
      templates.put(p, new KeyEstimator(RATE, p));
    }
    for (Clip c : tunedChroma.keySet()) {
      Key truth = Key.parse(c.key());
      for (String group : List.of(c.genre(), "all")) {
        Score s = scores.get(group);
        s.key("learnt, out of fold", truth, tunedOutOfFold.get(c));
        s.key("shipped (in sample)", truth, shippedKey.get(c));
        for (var e : templates.entrySet()) {
          if (e.getKey() != KeyEstimator.Profile.LEARNT) {
            s.key(e.getKey().name(), truth, e.getValue().estimate(tunedChroma.get(c)));
          }
        }
        s.key(
            "constant-Q DIATONIC (before)",
            truth,
            templates.get(DIATONIC).estimate(constantQChroma.get(c)));
        s.key("constant-Q learnt, out of fold", truth, constantQOutOfFold.get(c));
        s.key("not whitened, learnt, out of fold", truth, plainOutOfFold.get(c));
      }
    }
    java.util.Arrays.sort(ms);
    System.out.printf(
        "%d clips (%d with a key); tempo + key per track (3 x 10 s): median %.1f ms%n",
        clips.size(), tunedChroma.size(), ms[ms.length / 2]);
    for (var e : scores.entrySet()) {
      System.out.println(e.getKey() + " " + e.getValue());
    }
    double[] all = KeyProfileFit.fit(examples(tunedChroma, fold -> true));
    System.out.println(
        "learnt profile on all keyed clips (LearntProfile):\n  MAJOR = "
            + weights(all, 0)
            + "\n  MINOR = "
            + weights(all, 12));
  }

  private static final int FOLDS = 5;

  /** Each clip's key from a profile fitted on the clips of the other folds (artist-grouped, clips.csv's folds). */
  private static Map<Clip, Key> outOfFold(Map<Clip, double[]> chroma, TunedChroma tuned) {
    Map<Clip, Key> out = new LinkedHashMap<>();
    for (int f = 0; f < FOLDS; f++) {
      int held = f;
      double[] w = KeyProfileFit.fit(examples(chroma, fold -> fold != held));
      KeyEstimator fold =
          new KeyEstimator(
              tuned,
              java.util.Arrays.copyOfRange(w, 0, 12),
              java.util.Arrays.copyOfRange(w, 12, 24));
      chroma.forEach(
          (c, v) -> {
            if (c.fold() == held) {
              out.put(c, fold.estimate(v));
            }
          });
    }
    return out;
  }

  private static List<KeyProfileFit.Example> examples(
      Map<Clip, double[]> chroma, java.util.function.IntPredicate folds) {
    List<KeyProfileFit.Example> out = new ArrayList<>();
    chroma.forEach(
        (c, v) -> {
          if (folds.test(c.fold())) {
            Key k = Key.parse(c.key());
            out.add(new KeyProfileFit.Example(v, k.tonic() + (k.minor() ? 12 : 0)));
          }
        });
    return out;
  }

  private static String weights(double[] w, int from) {
    StringBuilder b = new StringBuilder("{");
    for (int i = from; i < from + 12; i++) {
      b.append(String.format(java.util.Locale.ROOT, "%s%.4f", i == from ? "" : ", ", w[i]));
    }
    return b.append("};").toString();
  }

  static float[][] windows(FfmpegAudioDecoder decoder, Path file) throws Exception {
    try (OpenAudio open = decoder.open(file)) {
      long samples = Math.round(open.info().durationSeconds() * RATE);
      List<TimeWindow> ws = new ArrayList<>();
      for (long start : PatchPlan.starts(samples, WINDOW, 3)) {
        ws.add(new TimeWindow(start / (double) RATE, WINDOW / (double) RATE));
      }
      List<PcmBuffer> pcm = open.decodeWindows(RATE, ws);
      float[][] out = new float[pcm.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = pcm.get(i).samples();
      }
      return out;
    }
  }

  /** Tempo and key tallies of one group of clips. */
  static final class Score {
    final Map<String, int[]> tempo = new LinkedHashMap<>(); // n, acc1, acc2, half/double errors
    final Map<String, double[]> key = new LinkedHashMap<>(); // n, mirex sum, correct

    void tempo(String who, double truth, double guess) {
      int[] t = tempo.computeIfAbsent(who, w -> new int[4]);
      t[0]++;
      if (Double.isNaN(guess)) {
        return;
      }
      boolean a1 = Math.abs(guess / truth - 1) <= 0.04;
      boolean octave = false;
      for (double f : new double[] {2, 0.5, 3, 1.0 / 3}) {
        octave |= Math.abs(guess / (truth * f) - 1) <= 0.04;
      }
      t[1] += a1 ? 1 : 0;
      t[2] += a1 || octave ? 1 : 0;
      t[3] += !a1 && octave ? 1 : 0;
    }

    void key(String who, Key truth, Key guess) {
      double[] k = key.computeIfAbsent(who, w -> new double[3]);
      k[0]++;
      if (guess == null) {
        return;
      }
      double s = mirex(truth, guess);
      k[1] += s;
      k[2] += s == 1 ? 1 : 0;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      tempo.forEach(
          (who, t) ->
              b.append(
                  String.format(
                      " | %s acc1 %.3f acc2 %.3f (octave errors %d, n %d)",
                      who, t[1] / (double) t[0], t[2] / (double) t[0], t[3], t[0])));
      key.forEach(
          (who, k) ->
              b.append(
                  String.format(
                      " | key %s mirex %.3f acc %.3f (n %d)",
                      who, k[1] / k[0], k[2] / k[0], (int) k[0])));
      return b.toString();
    }
  }

  /** MIREX: 1 same key, 0.5 a fifth away (same mode), 0.3 relative, 0.2 parallel, else 0. */
  static double mirex(Key truth, Key guess) {
    if (truth.tonic() == guess.tonic() && truth.minor() == guess.minor()) {
      return 1;
    }
    if (truth.minor() == guess.minor()
        && (guess.tonic() == (truth.tonic() + 7) % 12
            || guess.tonic() == (truth.tonic() + 5) % 12)) {
      return 0.5;
    }
    Key rel = truth.relative();
    if (rel.tonic() == guess.tonic() && rel.minor() == guess.minor()) {
      return 0.3;
    }
    if (truth.tonic() == guess.tonic()) {
      return 0.2;
    }
    return 0;
  }

  private static boolean onPath(String tool) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** {@code aubio tempo FILE}: its last line is "NNN.NN bpm". */
  static double aubio(Path file) throws Exception {
    String out = run(List.of("aubio", "tempo", file.toString()), null);
    String[] lines = out.strip().split("\n");
    try {
      return Double.parseDouble(lines[lines.length - 1].replace("bpm", "").strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** {@code sox FILE -t raw -r 44100 -e float -c 1 - | bpm}. */
  static double bpmTools(Path file) throws Exception {
    String out =
        run(
            List.of(
                "sh",
                "-c",
                "ffmpeg -v quiet -i \"$0\" -f f32le -ac 1 -ar 44100 - | bpm",
                file.toString()),
            null);
    try {
      return Double.parseDouble(out.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String run(List<String> cmd, Path in) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new String(out, java.nio.charset.StandardCharsets.UTF_8);
  }
}
