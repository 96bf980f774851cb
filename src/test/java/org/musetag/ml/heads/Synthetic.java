package org.musetag.ml.heads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;
import org.musetag.ml.heads.training.Sample;

/** Made-up embeddings and analyses for tests that need no audio: clusters a linear head can tell apart. */
public final class Synthetic {
  public static final int DIMS = 128;

  private Synthetic() {}

  /** An analysis by a pretend backbone "test@1" whose embedding is {@code embedding}. */
  public static Analysis analysis(float[] embedding, String topGenre, String quadrant) {
    List<LabelScore> genres = new ArrayList<>();
    for (String g : List.of("blues", "jazz", "rock")) {
      genres.add(new LabelScore(g, g.equals(topGenre) ? 0.8 : 0.1));
    }
    Map<String, Double> quadrants = new LinkedHashMap<>();
    for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
      quadrants.put(q, q.equals(quadrant) ? 0.7 : 0.1);
    }
    return new Analysis(genres, quadrant, quadrants, 0.25, -0.5, 0.7, embedding, "test@1");
  }

  /**
   * A point of cluster {@code c}: dimensions 10c..10c+9 are high, the rest noise; dimension 127 is always 0 (a dead
   * unit, as real embeddings have).
   */
  public static float[] point(Random random, int c) {
    float[] x = new float[DIMS];
    for (int j = 0; j < DIMS - 1; j++) {
      x[j] = (float) (random.nextGaussian() * 0.3 + (j / 10 == c ? 3 : 0));
    }
    return x;
  }

  /** A model card with made-up scores, for tests of what stores and loads cards. */
  public static HeadCard card(String name, int version, HeadKind kind, List<String> outputs) {
    Evaluation e =
        kind == HeadKind.LABELS
            ? new Evaluation(
                2,
                1,
                ClassificationMetrics.of(outputs, new int[] {0, 1}, new int[] {0, 1}),
                List.of(1.0, 1.0),
                null,
                null)
            : new Evaluation(
                2,
                1,
                null,
                null,
                Map.of(
                    "valence",
                    RegressionMetrics.of(new double[] {0, 1}, new double[] {0, 1}),
                    "arousal",
                    RegressionMetrics.of(new double[] {0, 1}, new double[] {1, 0})),
                null);
    return new HeadCard(
        name,
        version,
        kind,
        "2026-01-01T00:00:00Z",
        "test",
        "test@1",
        outputs,
        kind == HeadKind.LABELS ? "FIELD" : null,
        new HeadCard.Data("/music", 2, 2, Map.of("x", 2), Map.of(), List.of()),
        new HeadCard.Training("t", "s", DIMS, 1, 0),
        e,
        "/music");
  }

  /** {@code perClass} samples of each label, label i in cluster i; the backbone's top genre is always "rock". */
  public static List<Sample> samples(List<String> labels, int perClass, long seed) {
    Random random = new Random(seed);
    List<Sample> out = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      for (int i = 0; i < perClass; i++) {
        Path file = Path.of("/music", labels.get(c), i + ".mp3");
        out.add(
            new Sample(
                file,
                labels.get(c),
                Double.NaN,
                Double.NaN,
                analysis(point(random, c), "rock", "Q1")));
      }
    }
    return out;
  }
}
