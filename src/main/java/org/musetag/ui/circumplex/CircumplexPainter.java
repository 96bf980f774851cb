package org.musetag.ui.circumplex;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.musetag.ml.Quadrant;

/** Draws the circumplex's plane: the tinted quadrants into the pixel buffer, the frame, axes and labels on top. */
final class CircumplexPainter {
  private static final int OUTSIDE = 0xFFF7F7F8;

  private CircumplexPainter() {}

  static void background(int[] pixels, int w, int h, Viewport view) {
    int x0 = clamp((int) Math.round(view.toScreenX(-1)), w);
    int xm = clamp((int) Math.round(view.toScreenX(0)), w);
    int x1 = clamp((int) Math.round(view.toScreenX(1)), w);
    int y0 = (int) Math.round(view.toScreenY(1));
    int ym = (int) Math.round(view.toScreenY(0));
    int y1 = (int) Math.round(view.toScreenY(-1));
    int q1 = Palette.argb(Palette.quadrant(Quadrant.Q1));
    int q2 = Palette.argb(Palette.quadrant(Quadrant.Q2));
    int q3 = Palette.argb(Palette.quadrant(Quadrant.Q3));
    int q4 = Palette.argb(Palette.quadrant(Quadrant.Q4));
    for (int y = 0; y < h; y++) {
      int row = y * w;
      Arrays.fill(pixels, row, row + w, OUTSIDE);
      if (y >= y0 && y < y1) {
        boolean top = y < ym;
        Arrays.fill(pixels, row + x0, row + xm, top ? q2 : q3);
        Arrays.fill(pixels, row + xm, row + x1, top ? q1 : q4);
      }
    }
  }

  static void axes(GraphicsContext g, Viewport view) {
    double left = view.toScreenX(-1);
    double right = view.toScreenX(1);
    double top = view.toScreenY(1);
    double bottom = view.toScreenY(-1);
    double cx = view.toScreenX(0);
    double cy = view.toScreenY(0);
    g.setStroke(Color.web("#8a919c"));
    g.setLineWidth(1);
    g.strokeRect(left, top, right - left, bottom - top);
    g.strokeLine(cx, top, cx, bottom);
    g.strokeLine(left, cy, right, cy);
    g.setFill(Color.web("#3b4252", 0.8));
    g.setFont(Font.font(null, FontWeight.BOLD, 14));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(label(Quadrant.Q1), right - 8, top + 6);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(label(Quadrant.Q4), right - 8, bottom - 6);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(label(Quadrant.Q3), left + 8, bottom - 6);
    g.setTextBaseline(VPos.TOP);
    g.fillText(label(Quadrant.Q2), left + 8, top + 6);
    g.setFont(Font.font(12));
    g.setFill(Color.web("#5e6673"));
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText("valence →", right - 4, cy - 3);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText("↑ arousal", cx + 4, top + 26);
  }

  private static String label(Quadrant q) {
    return q.name() + " " + String.join(", ", q.words());
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
