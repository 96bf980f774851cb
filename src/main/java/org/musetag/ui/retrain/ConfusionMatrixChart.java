package org.musetag.ui.retrain;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix as a heat map on one canvas: rows are the true labels, columns what the head predicted, each
 * cell shaded by the share of its row (so a small class reads as clearly as a large one) and labelled with its
 * count. The diagonal (right answers) is blue, the rest red, so confusions stand out at a glance.
 */
final class ConfusionMatrixChart extends Canvas {
  static final double CELL = 28;
  private static final double LABEL_WIDTH = 96;
  private static final double HEADER = 90;
  private static final Color RIGHT = Color.web("#3867d6");
  private static final Color WRONG = Color.web("#c0392b");

  ConfusionMatrixChart() {
    super(LABEL_WIDTH + CELL, HEADER + CELL);
  }

  /** Draws {@code confusion[true][predicted]}; an empty list clears the chart. */
  void draw(List<String> labels, int[][] confusion) {
    int n = labels.size();
    setWidth(LABEL_WIDTH + CELL * Math.max(1, n) + 4);
    setHeight(HEADER + CELL * Math.max(1, n) + 4);
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    if (n == 0) {
      return;
    }
    g.setFont(Font.font(11));
    for (int i = 0; i < n; i++) {
      int rowTotal = 0;
      for (int v : confusion[i]) {
        rowTotal += v;
      }
      for (int j = 0; j < n; j++) {
        double share = rowTotal == 0 ? 0 : (double) confusion[i][j] / rowTotal;
        double x = LABEL_WIDTH + j * CELL;
        double y = HEADER + i * CELL;
        Color base = i == j ? RIGHT : WRONG;
        g.setFill(Color.WHITE.interpolate(base, Math.min(1, 0.08 + 0.92 * share)));
        g.fillRect(x, y, CELL, CELL);
        g.setStroke(Color.web("#d8dbe0"));
        g.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
        g.setFill(share > 0.55 ? Color.WHITE : Color.web("#2e3440"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.valueOf(confusion[i][j]), x + CELL / 2, y + CELL / 2);
      }
      g.setFill(Color.web("#2e3440"));
      g.setTextAlign(TextAlignment.RIGHT);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(shortened(labels.get(i)), LABEL_WIDTH - 6, HEADER + i * CELL + CELL / 2);
    }
    g.setTextAlign(TextAlignment.LEFT);
    for (int j = 0; j < n; j++) {
      g.save();
      g.translate(LABEL_WIDTH + j * CELL + CELL / 2, HEADER - 6);
      g.rotate(-60);
      g.fillText(shortened(labels.get(j)), 0, 0);
      g.restore();
    }
    g.setFill(Color.web("#5e6673"));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText("rows: true label", 2, 4);
    g.fillText("columns: predicted", 2, 18);
  }

  private static String shortened(String label) {
    return label.length() <= 14 ? label : label.substring(0, 13) + "…";
  }
}
