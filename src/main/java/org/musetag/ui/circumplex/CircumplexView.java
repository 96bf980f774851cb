package org.musetag.ui.circumplex;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.musetag.ui.display.Icons;
import org.musetag.ui.display.TrackRow;

/**
 * The circumplex tab. One Canvas: the quadrant background and every point are drawn into a pixel buffer
 * ({@link PointRaster}) and copied in one call; axes, labels and the hover ring are drawn on top. Scroll zooms about
 * the mouse, drag pans, Shift+drag selects, a click plays a point or filters the library to the quadrant.
 */
public final class CircumplexView {
  private static final double HIT_PIXELS = 6;
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final CircumplexViewModel vm;
  private final Canvas canvas = new Canvas();
  private final Viewport view = new Viewport();
  private final Rectangle band = new Rectangle();
  private final Label tip = new Label();
  private final VBox legend = new VBox(4);
  private WritableImage image;
  private int[] pixels = new int[0];
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean banding;
  private long lastRenderNanos;
  private long worstRenderCpuNanos;
  private ObservableBooleanValue showing = new SimpleBooleanProperty(true);

  public CircumplexView(CircumplexViewModel vm) {
    this.vm = vm;
  }

  /** Draws only while {@code showing} (its tab is selected): a hidden canvas need not be kept up to date. */
  public void setShowing(ObservableBooleanValue showing) {
    this.showing = showing;
    showing.addListener(
        (o, was, now) -> {
          if (now) {
            redraw();
          }
        });
  }

  public Node build() {
    canvas.setId("circumplexCanvas");
    Pane plot = new Pane(canvas, band, tip);
    plot.setMinSize(200, 200);
    canvas.widthProperty().bind(plot.widthProperty());
    canvas.heightProperty().bind(plot.heightProperty());
    canvas.widthProperty().addListener(o -> redraw());
    canvas.heightProperty().addListener(o -> redraw());
    band.setManaged(false);
    band.setVisible(false);
    band.setFill(Color.web("#3867d6", 0.12));
    band.setStroke(Color.web("#3867d6"));
    tip.setManaged(false);
    tip.setVisible(false);
    tip.setMouseTransparent(true);
    tip.getStyleClass().add("circumplex-tip");
    canvas.setOnScroll(
        e -> {
          view.zoomAt(e.getX(), e.getY(), Math.pow(1.0025, e.getDeltaY()));
          redraw();
        });
    canvas.setOnMousePressed(this::pressed);
    canvas.setOnMouseDragged(this::dragged);
    canvas.setOnMouseReleased(this::released);
    canvas.setOnMouseMoved(
        e -> {
          vm.hoverAt(view.toValence(e.getX()), view.toArousal(e.getY()), HIT_PIXELS / view.scale());
          placeTip(e.getX(), e.getY());
        });
    canvas.setOnMouseExited(e -> tip.setVisible(false));
    vm.pointsProperty()
        .addListener(
            (o, was, now) -> {
              rebuildLegend();
              redraw();
            });
    vm.selectionProperty().addListener(o -> redraw());
    vm.hoveredProperty().addListener(o -> redraw());
    vm.marksProperty().addListener(o -> redraw());

    Button reset = new Button("Reset view");
    reset.setOnAction(
        e -> {
          view.reset();
          redraw();
        });
    Button save = new Button("Save as playlist…", Icons.get("playlist", 16));
    save.setId("savePlaylist");
    save.setOnAction(e -> vm.saveSelectionAsPlaylist());
    Button tag = new Button("Tag selection…", Icons.get("tag", 16));
    tag.setId("tagSelection");
    tag.setOnAction(e -> vm.tagSelection());
    Button show = new Button("Show in library", Icons.get("library", 16));
    show.setOnAction(e -> vm.showSelectionInLibrary());
    Button similar = new Button("Find similar", Icons.get("search", 16));
    similar.setId("circumplexSimilar");
    similar.setOnAction(e -> vm.findSimilarToSelection());
    similar.disableProperty().bind(vm.selectionProperty().map(sel -> sel.length != 1));
    save.disableProperty().bind(vm.selectionProperty().map(s -> s.length == 0));
    show.disableProperty().bind(save.disableProperty());
    tag.disableProperty().bind(save.disableProperty());
    Label selected = new Label();
    selected.textProperty().bind(vm.selectionTextProperty());
    Label help =
        new Label(
            "Scroll to zoom · drag to pan · click a point to play it · click a quadrant to list it");
    help.getStyleClass().add("subtle");
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(8, reset, save, tag, show, similar, selected, spring, help);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 8, 6, 8));
    bar.getStyleClass().add("tool-row");

    Label legendTitle = new Label("Heard as");
    legendTitle.getStyleClass().add("card-title");
    VBox side = new VBox(8, legendTitle, legend);
    side.setPadding(new Insets(10));
    ScrollPane legendScroll = new ScrollPane(side);
    legendScroll.setPrefWidth(170);
    legendScroll.setFitToWidth(true);
    rebuildLegend();
    return new BorderPane(plot, bar, legendScroll, null, null);
  }

  private void pressed(MouseEvent e) {
    pressX = e.getX();
    pressY = e.getY();
    lastX = pressX;
    lastY = pressY;
    banding = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
  }

  private void dragged(MouseEvent e) {
    tip.setVisible(false);
    if (banding) {
      band.setVisible(true);
      band.setX(Math.min(pressX, e.getX()));
      band.setY(Math.min(pressY, e.getY()));
      band.setWidth(Math.abs(e.getX() - pressX));
      band.setHeight(Math.abs(e.getY() - pressY));
    } else {
      view.panBy(e.getX() - lastX, e.getY() - lastY);
      redraw();
    }
    lastX = e.getX();
    lastY = e.getY();
  }

  private void released(MouseEvent e) {
    boolean moved = Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3;
    if (banding && moved) {
      vm.selectRectangle(
          view.toValence(pressX),
          view.toArousal(pressY),
          view.toValence(e.getX()),
          view.toArousal(e.getY()));
    } else if (!moved && e.getButton() == MouseButton.PRIMARY) {
      vm.clickAt(view.toValence(e.getX()), view.toArousal(e.getY()), HIT_PIXELS / view.scale());
    }
    band.setVisible(false);
    banding = false;
  }

  private void placeTip(double x, double y) {
    TrackRow r = vm.hoveredProperty().get();
    tip.setVisible(r != null);
    if (r != null) {
      tip.setText(CircumplexViewModel.describe(r));
      tip.autosize();
      double tx = x + 14 + tip.getWidth() > canvas.getWidth() ? x - 14 - tip.getWidth() : x + 14;
      double ty = y + 14 + tip.getHeight() > canvas.getHeight() ? y - 14 - tip.getHeight() : y + 14;
      tip.relocate(tx, ty);
    }
  }

  private void rebuildLegend() {
    legend.getChildren().clear();
    var entries = vm.legend();
    for (int i = 0; i < entries.size(); i++) {
      Region swatch = new Region();
      swatch.getStyleClass().add("legend-swatch");
      swatch.setStyle("-fx-background-color: " + web(Palette.genre(i)) + ";");
      HBox row = new HBox(6, swatch, new Label(entries.get(i)));
      row.setAlignment(Pos.CENTER_LEFT);
      legend.getChildren().add(row);
    }
    if (entries.isEmpty()) {
      Label none =
          new Label("Nothing analysed yet.\nAdd a folder (Ctrl+O):\nevery track appears here.");
      none.getStyleClass().add("subtle");
      legend.getChildren().add(none);
    }
  }

  /** Draws everything; the time it took is kept for the performance test. */
  void redraw() {
    long t0 = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    int w = (int) canvas.getWidth();
    int h = (int) canvas.getHeight();
    if (w <= 0 || h <= 0 || !showing.get()) {
      return;
    }
    view.resize(w, h);
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
      pixels = new int[w * h];
    }
    CircumplexViewModel.Points p = vm.pointsProperty().get();
    CircumplexPainter.background(pixels, w, h, view);
    int size = p.xs().length > 20_000 ? 2 : 5;
    size += view.zoom() > 4 ? 2 : 0;
    PointRaster.draw(
        pixels, w, h, view, p.xs(), p.ys(), p.colours(), vm.selectionProperty().get(), size);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.drawImage(image, 0, 0);
    CircumplexPainter.axes(g, view);
    drawMarks(g, p, vm.marksProperty().get());
    TrackRow hover = vm.hoveredProperty().get();
    if (hover != null) {
      g.setStroke(Color.BLACK);
      g.setLineWidth(2);
      g.strokeOval(
          view.toScreenX(hover.valence()) - 7, view.toScreenY(hover.arousal()) - 7, 14, 14);
    }
    lastRenderNanos = System.nanoTime() - t0;
    worstRenderCpuNanos = Math.max(worstRenderCpuNanos, CPU.getCurrentThreadCpuTime() - cpu0);
  }

  /** The similar-songs panel's tracks ringed, its journey as a line from its first step to its last. */
  private void drawMarks(
      GraphicsContext g, CircumplexViewModel.Points p, CircumplexViewModel.Marks m) {
    int[] path = m.path();
    if (path.length > 1) {
      g.setStroke(Color.web("#2e3440", 0.85));
      g.setLineWidth(2);
      double[] xs = new double[path.length];
      double[] ys = new double[path.length];
      for (int i = 0; i < path.length; i++) {
        xs[i] = view.toScreenX(p.xs()[path[i]]);
        ys[i] = view.toScreenY(p.ys()[path[i]]);
      }
      g.strokePolyline(xs, ys, path.length);
      g.setFill(Color.web("#2e3440"));
      g.fillOval(xs[0] - 5, ys[0] - 5, 10, 10);
      g.fillRect(xs[path.length - 1] - 5, ys[path.length - 1] - 5, 10, 10);
    }
    g.setStroke(Color.web("#bf616a"));
    g.setLineWidth(2);
    for (int i : m.points()) {
      g.strokeOval(view.toScreenX(p.xs()[i]) - 6, view.toScreenY(p.ys()[i]) - 6, 12, 12);
    }
  }

  private static String web(Color c) {
    return String.format(
        "#%02x%02x%02x",
        (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
  }

  Viewport viewport() {
    return view;
  }

  long lastRenderNanos() {
    return lastRenderNanos;
  }

  /** The most CPU time one redraw took on the FX thread so far (what the machine's load does not inflate). */
  long worstRenderCpuNanos() {
    return worstRenderCpuNanos;
  }
}
