package org.musetag.ui.circumplex;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.musetag.ml.Quadrant;

/** A small circumplex with one point (valence across, arousal up), for a classification card. */
public final class MiniCircumplex extends Canvas {

  public MiniCircumplex(double size) {
    super(size, size);
    draw(Double.NaN, Double.NaN);
  }

  /** Draws the quadrants and the point; NaN draws no point. */
  public void draw(double valence, double arousal) {
    GraphicsContext g = getGraphicsContext2D();
    double s = getWidth();
    double h = s / 2;
    g.setFill(Palette.quadrant(Quadrant.Q2));
    g.fillRect(0, 0, h, h);
    g.setFill(Palette.quadrant(Quadrant.Q1));
    g.fillRect(h, 0, h, h);
    g.setFill(Palette.quadrant(Quadrant.Q3));
    g.fillRect(0, h, h, h);
    g.setFill(Palette.quadrant(Quadrant.Q4));
    g.fillRect(h, h, h, h);
    g.setStroke(Color.web("#9aa0aa"));
    g.setLineWidth(1);
    g.strokeLine(h, 0, h, s);
    g.strokeLine(0, h, s, h);
    g.strokeRect(0.5, 0.5, s - 1, s - 1);
    g.setFill(Color.web("#5e6673"));
    g.setFont(Font.font(9));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(Quadrant.Q2.words().get(0), 3, 2);
    g.fillText(Quadrant.Q3.words().get(0), 3, s - 12);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(Quadrant.Q1.words().get(0), s - 3, 2);
    g.fillText(Quadrant.Q4.words().get(0), s - 3, s - 12);
    if (!Double.isNaN(valence) && !Double.isNaN(arousal)) {
      double x = h + clamp(valence) * (h - 6);
      double y = h - clamp(arousal) * (h - 6);
      g.setFill(Color.web("#3867d6"));
      g.fillOval(x - 5, y - 5, 10, 10);
      g.setStroke(Color.WHITE);
      g.strokeOval(x - 5, y - 5, 10, 10);
    }
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }
}
