package org.musetag.ui.circumplex;

/**
 * Maps the circumplex plane (valence across, arousal up, both in [-1, 1]) to pixels of a canvas and back, with zoom
 * about a point and pan. Mutable, owned by one view; pure arithmetic, so it is tested without a window.
 */
public final class Viewport {
  /** Data units shown around the origin at zoom 1: a margin around [-1, 1] so labels fit. */
  static final double HALF_SPAN = 1.12;

  static final double MIN_ZOOM = 0.5;
  static final double MAX_ZOOM = 200;

  private double width = 1;
  private double height = 1;
  private double centreX;
  private double centreY;
  private double zoom = 1;

  public void resize(double w, double h) {
    width = Math.max(1, w);
    height = Math.max(1, h);
  }

  public void reset() {
    centreX = 0;
    centreY = 0;
    zoom = 1;
  }

  /** Pixels per data unit. */
  public double scale() {
    return zoom * Math.min(width, height) / (2 * HALF_SPAN);
  }

  public double toScreenX(double valence) {
    return width / 2 + (valence - centreX) * scale();
  }

  public double toScreenY(double arousal) {
    return height / 2 - (arousal - centreY) * scale();
  }

  public double toValence(double x) {
    return centreX + (x - width / 2) / scale();
  }

  public double toArousal(double y) {
    return centreY - (y - height / 2) / scale();
  }

  /** Zooms by {@code factor} keeping the data point under pixel (x, y) where it is. */
  public void zoomAt(double x, double y, double factor) {
    double v = toValence(x);
    double a = toArousal(y);
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
    centreX = v - (x - width / 2) / scale();
    centreY = a + (y - height / 2) / scale();
  }

  /** Moves the picture by (dx, dy) pixels, as a drag does. */
  public void panBy(double dx, double dy) {
    centreX -= dx / scale();
    centreY += dy / scale();
  }

  public double zoom() {
    return zoom;
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }
}
