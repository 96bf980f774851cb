package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.musetag.ml.Quadrant;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 100,000 points on the real Canvas view: zooming, panning and hovering each redraw in a few milliseconds. */
@ExtendWith(ApplicationExtension.class)
class CircumplexViewTest {
  private static final String[] GENRES = {
    "rock", "pop", "jazz", "classical", "metal", "hiphop", "folk", "blues"
  };
  private CircumplexView view;
  private CircumplexViewModel vm;

  @Start
  void start(Stage stage) {
    Random r = new Random(11);
    List<TrackRow> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      double v = Math.max(-1, Math.min(1, r.nextGaussian() * 0.45));
      double a = Math.max(-1, Math.min(1, r.nextGaussian() * 0.45));
      rows.add(
          new TrackRow(
              i,
              Path.of("/m/" + i + ".mp3"),
              "Artist " + i,
              "Song " + i,
              "",
              "",
              200,
              GENRES[i % GENRES.length],
              0.6,
              Quadrant.of(v, a),
              0.7,
              v,
              a));
    }
    vm =
        new CircumplexViewModel(
            FXCollections.observableArrayList(rows),
            new CurrentThreadTaskRunner(),
            new ScriptedDialogs(),
            null,
            org.musetag.settings.Settings::defaults);
    view = new CircumplexView(vm);
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1200, 760));
    stage.show();
  }

  @Test
  @Tag("timing")
  void staysFluidWithHundredThousandPoints(FxRobot robot) {
    Canvas canvas = robot.lookup("#circumplexCanvas").queryAs(Canvas.class);
    Point2D centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
    robot.moveTo(centre);
    for (int i = 0; i < 5; i++) {
      robot.scroll(1, javafx.geometry.VerticalDirection.UP);
    }
    robot.drag(centre, MouseButton.PRIMARY).moveBy(60, 40).drop();
    robot.moveBy(-30, -20);
    WaitForAsyncUtils.waitForFxEvents();
    double cpuMs = view.worstRenderCpuNanos() / 1e6;
    LoggerFactory.getLogger(CircumplexViewTest.class)
        .info(
            "circumplex, 100,000 points: worst redraw {} ms of CPU, last {} ms wall",
            cpuMs,
            view.lastRenderNanos() / 1e6);
    assertThat(view.viewport().zoom()).as("zoomed by the wheel").isNotEqualTo(1.0);
    assertThat(cpuMs).as("CPU ms of the slowest redraw").isLessThan(60);
  }
}
