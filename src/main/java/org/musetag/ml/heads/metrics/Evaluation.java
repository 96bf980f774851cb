package org.musetag.ml.heads.metrics;

import java.util.List;
import java.util.Map;

/**
 * Cross-validated scores of a head: every example is predicted by a head trained without it (out of fold), and the
 * scores are computed over all these predictions together.
 *
 * @param classification label heads: per-class precision/recall/F1, confusion matrix, accuracy, macro-F1
 * @param foldAccuracy label heads: accuracy within each fold, to show how much it varies
 * @param regression regression heads: "valence" and "arousal" → Pearson r, R², RMSE
 * @param backbone the bundled model on the same examples, where its labels overlap (null otherwise)
 */
public record Evaluation(
    int folds,
    long seed,
    ClassificationMetrics classification,
    List<Double> foldAccuracy,
    Map<String, RegressionMetrics> regression,
    Comparison backbone) {

  /**
   * The bundled model beside the new head, on the same examples.
   *
   * @param model the bundled model's id
   * @param vocabulary "genres", "quadrants" or "valence-arousal"
   * @param head label heads: the new head's scores restricted to the examples and labels compared
   * @param bundled label heads: the bundled model's scores there
   * @param bundledValues regression heads: the bundled model's valence and arousal against the same targets
   */
  public record Comparison(
      String model,
      String vocabulary,
      int n,
      ClassificationMetrics head,
      ClassificationMetrics bundled,
      Map<String, RegressionMetrics> bundledValues) {}
}
