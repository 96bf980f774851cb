package org.musetag.ui.retrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;

/**
 * A trained head's model card in the few sentences the expert pane shows above the per-class table: how it was
 * scored, how well, and how the bundled model did on the same files. The same numbers as {@code card.md}.
 */
final class CardSummary {
  private CardSummary() {}

  static String of(HeadCard card) {
    if (card == null) {
      return "Select a trained head to see its scores.";
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s — %s, trained %s on %d of %d files from %s%s.",
            card.id(),
            card.kind().id(),
            card.created().replace('T', ' ').replaceFirst("\\..*$", "").replace("Z", " UTC"),
            card.data().used(),
            card.data().files(),
            card.data().source(),
            card.tagField() == null ? "" : "; writes the tag field " + card.tagField()));
    Evaluation e = card.evaluation();
    ClassificationMetrics m = e.classification();
    if (m != null) {
      lines.add(
          String.format(
              Locale.ROOT,
              "Cross-validated (%d folds, out-of-fold predictions): accuracy %.3f,"
                  + " macro-F1 %.3f (n = %d); accuracy per fold %s.",
              e.folds(),
              m.accuracy(),
              m.macroF1(),
              m.n(),
              e.foldAccuracy().stream().map(a -> String.format(Locale.ROOT, "%.2f", a)).toList()));
    } else {
      e.regression().forEach((k, r) -> lines.add(regression("Cross-validated " + k, r)));
    }
    lines.add(comparison(e.backbone()));
    if (!card.data().warnings().isEmpty()) {
      lines.add(
          card.data().warnings().size()
              + " warning(s) about the data: see the list on the left or card.md.");
    }
    return String.join("\n", lines);
  }

  private static String comparison(Evaluation.Comparison b) {
    if (b == null) {
      return "The bundled model does not know these labels, so there is nothing to compare with.";
    }
    if (b.bundledValues() != null) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, RegressionMetrics> e : b.bundledValues().entrySet()) {
        parts.add(String.format(Locale.ROOT, "%s r %.3f", e.getKey(), e.getValue().pearson()));
      }
      return "The bundled model "
          + b.model()
          + " on the same files: "
          + String.join(", ", parts)
          + ".";
    }
    return String.format(
        Locale.ROOT,
        "On the %d files whose labels the bundled model %s knows (%s): this head"
            + " %.3f accuracy, the bundled model %.3f (it may have heard some of these files in training, which flatters"
            + " it).",
        b.n(),
        b.model(),
        b.vocabulary(),
        b.head().accuracy(),
        b.bundled().accuracy());
  }

  private static String regression(String what, RegressionMetrics r) {
    return String.format(
        Locale.ROOT,
        "%s: Pearson r %.3f, R² %.3f, RMSE %.3f (n = %d).",
        what,
        r.pearson(),
        r.r2(),
        r.rmse(),
        r.n());
  }
}
