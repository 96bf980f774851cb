package org.musetag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;
import org.musetag.ml.heads.training.DataSummary;
import org.musetag.ml.heads.training.HeadTraining;

/** What {@code musetag train} tells a person: the data's counts and warnings, then the scores and where it went. */
final class TrainReport {
  private TrainReport() {}

  static void data(DataSummary d, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %d files, %d usable%s%n",
        d.source(),
        d.files(),
        d.used(),
        d.kind() == HeadKind.LABELS ? ", " + d.counts().size() + " labels" : "");
    int width = d.counts().keySet().stream().mapToInt(String::length).max().orElse(5);
    d.counts().forEach((label, n) -> out.printf(Locale.ROOT, "  %-" + width + "s %5d%n", label, n));
    if (!d.warnings().isEmpty()) {
      out.println("warnings:");
      d.warnings().forEach(w -> out.println("  - " + w));
    }
    out.flush();
  }

  static void result(HeadTraining.Result r, double seconds, boolean activated, PrintWriter out) {
    Evaluation e = r.evaluation();
    out.printf(
        Locale.ROOT,
        "heard %d files (%d from the cache, %d new); %.1f s in all%n",
        r.cached() + r.computed(),
        r.cached(),
        r.computed(),
        seconds);
    out.printf(
        Locale.ROOT,
        "cross-validation: %d folds%s, seed %d, out-of-fold predictions%n",
        e.folds(),
        e.classification() != null ? " stratified by label" : "",
        e.seed());
    if (e.classification() != null) {
      classification(e, out);
    } else {
      out.println("  output     n  Pearson r      R²    RMSE");
      e.regression().forEach((k, m) -> regression("  " + k, m, out));
    }
    comparison(e.backbone(), out);
    String id = r.version().name() + " version " + r.version().version();
    out.println(
        "registered "
            + id
            + (activated ? " (active)" : " (not active)")
            + ": "
            + r.version().dir());
    out.println("model card: " + r.version().dir().resolve("card.md"));
    if (!activated) {
      out.println(
          "activate with: musetag models activate "
              + r.version().name()
              + " "
              + r.version().version());
    }
    out.flush();
  }

  private static void classification(Evaluation e, PrintWriter out) {
    ClassificationMetrics m = e.classification();
    out.printf(
        Locale.ROOT,
        "  accuracy %.3f, macro-F1 %.3f (n = %d); accuracy per fold %s%n",
        m.accuracy(),
        m.macroF1(),
        m.n(),
        e.foldAccuracy().stream().map(a -> String.format(Locale.ROOT, "%.2f", a)).toList());
    int w = Math.max(5, m.labels().stream().mapToInt(String::length).max().orElse(5));
    out.printf(
        Locale.ROOT,
        "  %-" + w + "s %7s %9s %6s %6s%n",
        "label",
        "support",
        "precision",
        "recall",
        "F1");
    for (ClassificationMetrics.PerClass p : m.perClass()) {
      out.printf(
          Locale.ROOT,
          "  %-" + w + "s %7d %9.3f %6.3f %6.3f%n",
          p.label(),
          p.support(),
          p.precision(),
          p.recall(),
          p.f1());
    }
    out.println("  confusion matrix (rows: true label, columns: predicted, in the order above):");
    for (int i = 0; i < m.labels().size(); i++) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "  %-" + w + "s", m.labels().get(i)));
      for (int v : m.confusion()[i]) {
        row.append(String.format(Locale.ROOT, " %4d", v));
      }
      out.println(row);
    }
  }

  private static void comparison(Evaluation.Comparison b, PrintWriter out) {
    if (b == null) {
      out.println("the bundled model does not know these labels: no comparison");
      return;
    }
    if (b.bundledValues() != null) {
      out.println("bundled model " + b.model() + " on the same files:");
      b.bundledValues().forEach((k, m) -> regression("  " + k, m, out));
      return;
    }
    out.printf(
        Locale.ROOT,
        "beside the bundled model %s on the %d files labelled with its %s, choosing among %s:%n",
        b.model(),
        b.n(),
        b.vocabulary(),
        String.join(", ", b.head().labels()));
    out.printf(
        Locale.ROOT,
        "  new head: accuracy %.3f, macro-F1 %.3f%n",
        b.head().accuracy(),
        b.head().macroF1());
    out.printf(
        Locale.ROOT,
        "  bundled:  accuracy %.3f, macro-F1 %.3f%n",
        b.bundled().accuracy(),
        b.bundled().macroF1());
    List<ClassificationMetrics.PerClass> h = b.head().perClass();
    int w = Math.max(5, h.stream().mapToInt(p -> p.label().length()).max().orElse(5));
    out.printf(Locale.ROOT, "  %-" + w + "s %8s %8s%n", "label", "F1 head", "F1 bundled");
    for (int i = 0; i < h.size(); i++) {
      out.printf(
          Locale.ROOT,
          "  %-" + w + "s %8.3f %8.3f%n",
          h.get(i).label(),
          h.get(i).f1(),
          b.bundled().perClass().get(i).f1());
    }
  }

  private static void regression(String name, RegressionMetrics m, PrintWriter out) {
    out.printf(
        Locale.ROOT, "%-10s %4d %10.3f %7.3f %7.3f%n", name, m.n(), m.pearson(), m.r2(), m.rmse());
  }
}
