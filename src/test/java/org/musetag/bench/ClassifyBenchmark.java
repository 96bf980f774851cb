package org.musetag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.jobs.ClassifyJob;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.PatchModel;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;

/**
 * Classification throughput on a real library (bench/classify.sh): tracks per second with N workers, the time split
 * into decode / front-end / inference, and, in the same run, decoding the same windows alone. Arguments: library,
 * rounds, workers, device, and optionally an ONNX file to run instead of the bundled model (to compare two).
 */
public final class ClassifyBenchmark {
  private ClassifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int workers = Integer.parseInt(args[2]);
    DevicePreference device = DevicePreference.valueOf(args.length > 3 ? args[3] : "AUTO");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/.debs/"))
              .sorted()
              .toList();
    }
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    Path cache = Files.createTempDirectory("musetag-bench");
    List<double[]> rows = new ArrayList<>();
    Path onnx = args.length > 4 ? Path.of(args[4]) : new ModelFiles(cache).bundled("musetag-base");
    try (PatchModel model = PatchModel.load(onnx, device, 1)) {
      System.err.println(
          "model "
              + model.id()
              + " on "
              + model.device().description()
              + " "
              + model.device().notice());
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      classify(
          files.subList(0, Math.min(10, files.size())),
          decoder,
          model,
          pool,
          workers,
          new StageTimes()); // warm-up
      for (int r = 0; r < rounds; r++) {
        StageTimes times = new StageTimes();
        long t0 = System.nanoTime();
        int failed = classify(files, decoder, model, pool, workers, times);
        double wall = (System.nanoTime() - t0) / 1e9;
        StageTimes without = new StageTimes();
        long tw = System.nanoTime();
        classify(files, decoder, model, pool, workers, without, false);
        double withoutWall = (System.nanoTime() - tw) / 1e9;
        StageTimes decodeOnly = new StageTimes();
        long t1 = System.nanoTime();
        decodeOnly(files, decoder, model, pool, workers, decodeOnly);
        double decodeWall = (System.nanoTime() - t1) / 1e9;
        double[] row = {
          files.size() / wall,
          times.decodeSeconds(),
          times.frontEndSeconds(),
          times.inferenceSeconds(),
          files.size() / decodeWall,
          failed,
          files.size() / withoutWall
        };
        rows.add(row);
        System.err.printf(
            Locale.ROOT,
            "round %d: %.2f tracks/s, decode %.1f s, front-end %.1f s, inference %.1f s "
                + "(summed over workers), decode-only %.2f tracks/s, failed %d,"
                + " without tempo and key %.2f tracks/s%n",
            r + 1,
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            failed,
            row[6]);
      }
      pool.shutdown();
      double[] m = new double[7];
      for (int k = 0; k < 7; k++) {
        final int col = k;
        m[k] = DecodeBenchmark.median(rows.stream().map(x -> x[col]).toList());
      }
      System.out.printf(
          Locale.ROOT,
          "%d tracks, %d workers, %s, median of %d rounds%n%n",
          files.size(),
          workers,
          model.device().description(),
          rounds);
      System.out.println("| measure | value |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| classify: tracks per second (goal >= 10) | %.1f |%n", m[0]);
      System.out.printf(
          Locale.ROOT, "| decode only, same windows: tracks per second | %.1f |%n", m[4]);
      System.out.printf(Locale.ROOT, "| time in decode (s, summed over workers) | %.1f |%n", m[1]);
      System.out.printf(Locale.ROOT, "| time in front-end (s) | %.1f |%n", m[2]);
      System.out.printf(Locale.ROOT, "| time in inference (s) | %.1f |%n", m[3]);
      System.out.printf(
          Locale.ROOT,
          "| front-end + inference / decode (goal < 1) | %.2f |%n",
          (m[2] + m[3]) / m[1]);
      System.out.printf(Locale.ROOT, "| failed tracks | %.0f |%n", m[5]);
      System.out.printf(
          Locale.ROOT,
          "| classify without tempo and key, same rounds: tracks per second | %.1f |%n",
          m[6]);
      System.out.printf(
          Locale.ROOT,
          "| drop with tempo and key (goal <= 25 %%) | %.1f %% |%n",
          100 * (1 - m[0] / m[6]));
    }
  }

  private static int classify(
      List<Path> files,
      FfmpegAudioDecoder decoder,
      PatchModel model,
      ExecutorService pool,
      int workers,
      StageTimes times) {
    return classify(files, decoder, model, pool, workers, times, true);
  }

  private static int classify(
      List<Path> files,
      FfmpegAudioDecoder decoder,
      PatchModel model,
      ExecutorService pool,
      int workers,
      StageTimes times,
      boolean tempoAndKey) {
    AtomicInteger failed = new AtomicInteger();
    new ClassifyJob(new TrackClassifier(decoder, model, times, tempoAndKey), pool, workers)
        .run(
            files,
            o -> {
              if (o.analysis() == null) {
                failed.incrementAndGet();
                System.err.println("failed: " + o.problem().getMessage());
              }
            });
    return failed.get();
  }

  private static void decodeOnly(
      List<Path> files,
      FfmpegAudioDecoder decoder,
      PatchModel model,
      ExecutorService pool,
      int workers,
      StageTimes times)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    TrackClassifier classifier = new TrackClassifier(decoder, model, times);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      done.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < files.size()) {
                  try {
                    classifier.decodePatchesForBenchmark(files.get(i));
                  } catch (Exception e) {
                    // counted in the classify pass
                  }
                }
                return null;
              }));
    }
    for (var f : done) {
      f.get();
    }
  }
}
