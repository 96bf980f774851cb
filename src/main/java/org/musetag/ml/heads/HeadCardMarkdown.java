package org.musetag.ml.heads;

import java.util.List;
import java.util.Locale;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;

/** Renders a {@link HeadCard} as Markdown for people: the same facts as the JSON, in tables. */
final class HeadCardMarkdown {
  private HeadCardMarkdown() {}

  static String render(HeadCard c) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(c.id()).append(" — a Musetag head\n\n");
    md.append(
        c.kind() == HeadKind.LABELS
            ? "Tells apart: "
                + String.join(", ", c.outputs())
                + ". Writes to the tag field `"
                + c.tagField()
                + "`.\n\n"
            : "Predicts valence and arousal (−1..1), replacing the bundled model's.\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "created", c.created());
    row(md, "Musetag", c.musetagVersion());
    row(md, "reads the embeddings of", c.backbone());
    row(md, "trainer", c.training().trainer());
    row(md, "standardisation", c.training().standardisation());
    row(md, "training time", String.format(Locale.ROOT, "%.1f s", c.training().seconds()));
    md.append("\n## Data\n\n")
        .append("From `")
        .append(c.data().source())
        .append("`: ")
        .append(c.data().files())
        .append(" files, ")
        .append(c.data().used())
        .append(" used.\n\n| label | examples |\n|---|---|\n");
    c.data().counts().forEach((k, v) -> row(md, k, String.valueOf(v)));
    if (!c.data().warnings().isEmpty()) {
      md.append("\nWarnings:\n\n");
      c.data().warnings().forEach(w -> md.append("- ").append(w).append('\n'));
    }
    Evaluation e = c.evaluation();
    md.append("\n## Cross-validation\n\n")
        .append(e.folds())
        .append(" folds")
        .append(c.kind() == HeadKind.LABELS ? ", stratified by label" : "")
        .append(", seed ")
        .append(e.seed())
        .append("; every example is predicted by a head trained without it.\n\n");
    if (e.classification() != null) {
      classification(md, e);
    } else {
      md.append("| output | n | Pearson r | R² | RMSE |\n|---|---|---|---|---|\n");
      e.regression().forEach((k, m) -> regression(md, k, m));
    }
    comparison(md, e.backbone());
    return md.toString();
  }

  private static void classification(StringBuilder md, Evaluation e) {
    ClassificationMetrics m = e.classification();
    md.append(
        String.format(
            Locale.ROOT,
            "Accuracy **%.3f**, macro-F1 **%.3f** (n = %d); per fold: %s.%n%n",
            m.accuracy(),
            m.macroF1(),
            m.n(),
            e.foldAccuracy().stream().map(a -> String.format(Locale.ROOT, "%.2f", a)).toList()));
    perClass(md, m);
    md.append("\nConfusion matrix (rows: true label, columns: predicted):\n\n| |");
    m.labels().forEach(l -> md.append(' ').append(l).append(" |"));
    md.append("\n|---|").append("---|".repeat(m.labels().size())).append('\n');
    for (int i = 0; i < m.labels().size(); i++) {
      md.append("| ").append(m.labels().get(i)).append(" |");
      for (int v : m.confusion()[i]) {
        md.append(' ').append(v).append(" |");
      }
      md.append('\n');
    }
  }

  private static void perClass(StringBuilder md, ClassificationMetrics m) {
    md.append("| label | support | precision | recall | F1 |\n|---|---|---|---|---|\n");
    for (ClassificationMetrics.PerClass p : m.perClass()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %.3f |%n",
              p.label(),
              p.support(),
              p.precision(),
              p.recall(),
              p.f1()));
    }
  }

  private static void comparison(StringBuilder md, Evaluation.Comparison b) {
    if (b == null) {
      md.append(
          "\nThe bundled model does not know these labels, so there is nothing to compare with.\n");
      return;
    }
    md.append("\n## Beside the bundled model (").append(b.model()).append(")\n\n");
    if (b.bundledValues() != null) {
      md.append("The bundled model's own valence and arousal on the same files:\n\n")
          .append("| output | n | Pearson r | R² | RMSE |\n|---|---|---|---|---|\n");
      b.bundledValues().forEach((k, m) -> regression(md, k, m));
    } else {
      md.append(
          String.format(
              Locale.ROOT,
              "On the %d examples whose label is one of its %s (%s), choosing among"
                  + " those labels: new head accuracy %.3f / macro-F1 %.3f, bundled model %.3f / %.3f.%n%n",
              b.n(),
              b.vocabulary(),
              String.join(", ", b.head().labels()),
              b.head().accuracy(),
              b.head().macroF1(),
              b.bundled().accuracy(),
              b.bundled().macroF1()));
      md.append("| label | F1 new head | F1 bundled |\n|---|---|---|\n");
      List<ClassificationMetrics.PerClass> h = b.head().perClass();
      for (int i = 0; i < h.size(); i++) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f |%n",
                h.get(i).label(),
                h.get(i).f1(),
                b.bundled().perClass().get(i).f1()));
      }
      md.append(
          "\nThe bundled model may have been trained on some of these files; then its scores are optimistic.\n");
    }
  }

  private static void regression(StringBuilder md, String name, RegressionMetrics m) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.3f | %.3f | %.3f |%n",
            name,
            m.n(),
            m.pearson(),
            m.r2(),
            m.rmse()));
  }

  private static void row(StringBuilder md, String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }
}
