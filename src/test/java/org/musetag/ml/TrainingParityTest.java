package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.FfmpegAudioDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java pipeline (FFmpeg windows as {@link PatchPlan} plans them; for a 1.x model MelSpec v1 in Java and the mean
 * of the patch outputs, for a 2.x model the raw PCM windows into the one graph; DJL + ONNX Runtime) reproduces the
 * track-level predictions the training pipeline (the ffmpeg command, numpy or torch, the same ONNX graph) saved in
 * models/parity/predictions.csv, which models/training regenerates with every bundled model. Its log line names the
 * model and the number of clips, so a run's numbers say which model they are about. Needs the training data
 * ({@code -Dmusetag.shared.dir}, default ../shared); skipped where it is absent.
 */
class TrainingParityTest {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingParityTest.class);

  @TempDir Path dir;

  @Test
  void javaPredictionsMatchTheTrainingPipeline() throws Exception {
    Path parity = Path.of("models/parity/predictions.csv");
    Path data = Path.of(System.getProperty("musetag.shared.dir", "../shared"), "data/train-v1");
    assumeTrue(Files.exists(parity), "no parity file");
    assumeTrue(Files.isDirectory(data), "training data not available at " + data);
    List<String> lines = Files.readAllLines(parity);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int agreeGenre = 0;
    int agreeQuadrant = 0;
    double maxDv = 0;
    double maxDa = 0;
    List<String> disagreements = new ArrayList<>();
    String id;
    Map<String, Integer> col = index(header);
    List<String[]> rows = new ArrayList<>();
    List<Analysis> heard;
    try (PatchModel model = SharedSessions.bundled(dir, DevicePreference.CPU)) {
      id = model.id();
      assertThat(id).isNotEqualTo("musetag-base@0.0.0-dev");
      // the parity file holds the model's outputs only: tempo and key are not heard here
      TrackClassifier classifier =
          new TrackClassifier(new FfmpegAudioDecoder(), model, new StageTimes(), false);
      // a file written for another bundled model (1.x: 5 patches per clip, 2.x: its K windows) says
      // so first
      int k = model.metadata().windowsPerTrack();
      Set<Integer> windows = new TreeSet<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        rows.add(f);
        if (Long.parseLong(f[col.get("n_samples")]) > model.metadata().windowSamples()) {
          windows.add(Integer.parseInt(f[col.get("n_patches")]));
        }
      }
      assertThat(windows)
          .as(
              "%s was written for a model hearing %s windows per clip, and %s hears %d:"
                  + " regenerate it with the model (models/training)",
              parity, windows, id, k)
          .containsOnly(k);
      heard = classifyAll(classifier, model, rows, data, col.get("path"));
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] f = rows.get(i);
      Analysis a = heard.get(i);
      boolean g = a.genres().get(0).label().equals(f[col.get("top_genre")]);
      boolean q = a.quadrant().equals(f[col.get("quadrant")]);
      agreeGenre += g ? 1 : 0;
      agreeQuadrant += q ? 1 : 0;
      maxDv = Math.max(maxDv, Math.abs(a.valence() - Double.parseDouble(f[col.get("valence")])));
      maxDa = Math.max(maxDa, Math.abs(a.arousal() - Double.parseDouble(f[col.get("arousal")])));
      if (!g || !q) {
        disagreements.add(f[0]);
      }
    }
    int n = lines.size() - 1;
    LOG.info(
        "parity of {} on {} clips: genre {} / quadrant {} agree, max |dV| {}, max |dA| {},"
            + " disagreeing: {}",
        id,
        n,
        agreeGenre,
        agreeQuadrant,
        maxDv,
        maxDa,
        disagreements);
    assertThat(n).isGreaterThanOrEqualTo(200);
    assertThat(agreeGenre / (double) n).isGreaterThanOrEqualTo(0.99);
    assertThat(agreeQuadrant / (double) n).isGreaterThanOrEqualTo(0.99);
    assertThat(maxDv).isLessThanOrEqualTo(0.02);
    assertThat(maxDa).isLessThanOrEqualTo(0.02);
  }

  /**
   * Every clip heard as the app and the command line hear a library: on the one parallel engine, two workers each
   * with its own predictor (the model's outputs do not depend on which worker heard a clip), in the order of
   * {@code rows}.
   */
  private static List<Analysis> classifyAll(
      TrackClassifier classifier,
      PatchModel model,
      List<String[]> rows,
      Path data,
      int pathColumn) {
    List<Analysis> heard = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      new ParallelListening(model, pool, 2)
          .run(
              rows,
              (f, predictor) -> {
                try {
                  return classifier.classify(data.resolve(f[pathColumn]), predictor);
                } catch (Exception e) {
                  throw new IllegalStateException(f[pathColumn] + ": " + e.getMessage(), e);
                }
              },
              heard::add,
              () -> false);
    } finally {
      pool.shutdownNow();
    }
    return heard;
  }

  private static Map<String, Integer> index(List<String> header) {
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.put(header.get(i), i);
    }
    return m;
  }
}
