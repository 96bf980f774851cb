package org.musetag.ml.heads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.Synthetic;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;

/** Cross-validation scores on cases small enough to check by hand (the expected values are worked out below). */
class MetricsTest {
  @Test
  void perClassScoresAccuracyAndMacroF1MatchAHandCount() {
    // truth a a b b c c, predicted a b b b c a:
    // a: tp 1, predicted as a 2, support 2 -> P 1/2, R 1/2, F1 1/2
    // b: tp 2, predicted as b 3, support 2 -> P 2/3, R 1,   F1 0.8
    // c: tp 1, predicted as c 1, support 2 -> P 1,   R 1/2, F1 2/3
    ClassificationMetrics m =
        ClassificationMetrics.of(
            List.of("a", "b", "c"), new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0});

    assertThat(m.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}});
    assertThat(m.perClass().get(0).precision()).isCloseTo(0.5, within(1e-12));
    assertThat(m.perClass().get(0).f1()).isCloseTo(0.5, within(1e-12));
    assertThat(m.perClass().get(1).precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.perClass().get(1).recall()).isCloseTo(1.0, within(1e-12));
    assertThat(m.perClass().get(1).f1()).isCloseTo(0.8, within(1e-12));
    assertThat(m.perClass().get(2).f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, within(1e-12));
  }

  @Test
  void aClassNeverPredictedScoresZeroAndAPredictionOutsideTheLabelsIsAMiss() {
    ClassificationMetrics m =
        ClassificationMetrics.of(List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 0, -1});

    assertThat(m.perClass().get(1).precision()).isZero();
    assertThat(m.perClass().get(1).f1()).isZero();
    assertThat(m.perClass().get(0).precision()).isCloseTo(0.5, within(1e-12));
    assertThat(m.accuracy()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(m.confusion()).isDeepEqualTo(new int[][] {{1, 0}, {1, 0}});
  }

  @Test
  void regressionScoresMatchAHandCount() {
    // truth 1 2 3 4, predicted 1 2 3 5: SS_res 1, SS_tot 5 -> R² 0.8, RMSE sqrt(1/4) = 0.5;
    // deviations t -1.5 -0.5 0.5 1.5, p -1.75 -0.75 0.25 2.25 -> cov 6.5, r = 6.5 / sqrt(5 * 8.75)
    RegressionMetrics m =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5});

    assertThat(m.r2()).isCloseTo(0.8, within(1e-12));
    assertThat(m.rmse()).isCloseTo(0.5, within(1e-12));
    assertThat(m.pearson()).isCloseTo(6.5 / Math.sqrt(5 * 8.75), within(1e-12));
  }

  @Test
  void foldsAreStratifiedBalancedAndRepeatable() {
    List<String> labels = new ArrayList<>(Collections.nCopies(10, "a"));
    labels.addAll(Collections.nCopies(5, "b"));

    int[] folds = Folds.assign(labels, labels.size(), 5, 42);

    assertThat(Folds.count(folds)).isEqualTo(5);
    for (int f = 0; f < 5; f++) {
      Map<String, Integer> inFold = new TreeMap<>();
      for (int i = 0; i < folds.length; i++) {
        if (folds[i] == f) {
          inFold.merge(labels.get(i), 1, Integer::sum);
        }
      }
      assertThat(inFold).containsEntry("a", 2).containsEntry("b", 1);
    }
    assertThat(Folds.assign(labels, labels.size(), 5, 42)).isEqualTo(folds);
    assertThat(Folds.assign(null, 3, 5, 42)).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void crossValidationTellsApartSeparableClassesAndComparesWithTheBundledLabels() {
    List<Sample> samples = Synthetic.samples(List.of("blues", "jazz", "rock"), 10, 7);
    DataSummary data =
        new DataSummary(
            HeadKind.LABELS,
            "/music",
            Map.of("blues", 10, "jazz", 10, "rock", 10),
            30,
            Map.of(),
            List.of(),
            samples);

    Evaluation e = CrossValidation.run(data, Folds.K, Folds.SEED);

    assertThat(e.folds()).isEqualTo(5);
    assertThat(e.classification().accuracy()).isEqualTo(1.0);
    assertThat(e.foldAccuracy()).hasSize(5).containsOnly(1.0);
    // the pretend backbone always says "rock": right for a third of the files, never for blues or
    // jazz
    assertThat(e.backbone().vocabulary()).isEqualTo("genres");
    assertThat(e.backbone().n()).isEqualTo(30);
    assertThat(e.backbone().bundled().accuracy()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(e.backbone().head().accuracy()).isEqualTo(1.0);
  }

  @Test
  void labelsMatchTheBundledVocabularyIgnoringCaseAndPunctuation() {
    Sample s = Synthetic.samples(List.of("x"), 1, 1).get(0);

    assertThat(BackboneBaseline.forLabels(List.of("Blues", "JAZZ", "dub"), s.backbone()).matched())
        .containsEntry("Blues", "blues")
        .containsEntry("JAZZ", "jazz")
        .doesNotContainKey("dub");
    assertThat(BackboneBaseline.forLabels(List.of("q1", "Q3"), s.backbone()).vocabulary())
        .isEqualTo("quadrants");
    assertThat(BackboneBaseline.forLabels(List.of("dub", "rock"), s.backbone())).isNull();
  }
}
