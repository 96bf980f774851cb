package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.Quadrant;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: clicking a quadrant's background on the circumplex filters the library table to that quadrant. The
 * library holds real scanned files with analyses by the bundled model placed in known quadrants (the library shows
 * only the bundled model's analyses).
 */
@ExtendWith(ApplicationExtension.class)
class CircumplexFlowTest {
  @TempDir static Path home;
  private MainWindow window;

  @BeforeAll
  static void library() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    double[][] points = {{0.6, 0.5}, {-0.5, 0.4}, {0.5, -0.6}, {0.3, -0.3}};
    for (int i = 0; i < points.length; i++) {
      AudioFixtures.tone(music, "t" + i, Encoding.WAV, 200 + 100 * i, 0.5);
    }
    String bundled = TestServices.in(home).model().id();
    try (Library lib = Library.open(home.resolve("library.db"))) {
      new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(1))
          .scan(List.of(music), (d, t) -> {}, () -> false);
      List<Track> tracks = lib.tracks().all(Track.OK);
      lib.inTransaction(
          () -> {
            for (int i = 0; i < tracks.size(); i++) {
              double v = points[i][0];
              double a = points[i][1];
              String q = Quadrant.of(v, a).name();
              lib.analyses()
                  .store(
                      tracks.get(i),
                      new Analysis(
                          List.of(
                              new LabelScore(i % 2 == 0 ? "rock" : "jazz", 0.8),
                              new LabelScore("pop", 0.2)),
                          q,
                          Map.of(q, 0.9),
                          v,
                          a,
                          0.9,
                          new float[128],
                          bundled),
                      1000 + i);
            }
          });
    }
  }

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  void clickingAQuadrantFiltersTheLibraryToIt(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> window.circumplexViewModel().pointsProperty().get().rows().length == 4);
    robot.interact(() -> window.tabs().getSelectionModel().select(2));
    // The canvas is sized by layout after the tab shows; on a loaded machine that can take a few
    // pulses.
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#circumplexCanvas")
                .tryQuery()
                .map(n -> ((Canvas) n).getWidth() > 100 && ((Canvas) n).getHeight() > 100)
                .orElse(false));
    WaitForAsyncUtils.waitForFxEvents();
    Canvas canvas = robot.lookup("#circumplexCanvas").queryAs(Canvas.class);
    Viewport view = new Viewport();
    view.resize(canvas.getWidth(), canvas.getHeight());

    Point2D q4 = canvas.localToScreen(view.toScreenX(0.8), view.toScreenY(-0.9));
    robot.clickOn(q4);

    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> "library".equals(window.tabs().getSelectionModel().getSelectedItem().getId()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.libraryViewModel().quadrantProperty().get()).isEqualTo(Quadrant.Q4);
    assertThat(window.libraryViewModel().visibleRows())
        .extracting(TrackRow::quadrant)
        .containsExactly(Quadrant.Q4, Quadrant.Q4);
  }
}
