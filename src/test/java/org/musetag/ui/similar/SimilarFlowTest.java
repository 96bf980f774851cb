package org.musetag.ui.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * Headless: right-click a library track → Find similar lists the other tracks, nearest first, in the Similar tab and
 * rings them on the circumplex; Start a journey here on one track and Journey to here on another lists a journey
 * from the first to the second, drawn as a path. The library holds real scanned files with analyses by the bundled
 * model whose embeddings lie along a line (track i at position i), so the nearest and the journey are known.
 */
@ExtendWith(ApplicationExtension.class)
class SimilarFlowTest {
  @TempDir static Path home;
  private MainWindow window;

  @BeforeAll
  static void library() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    for (int i = 0; i < 8; i++) {
      AudioFixtures.tone(music, "t" + i, Encoding.WAV, 200 + 50 * i, 0.3);
    }
    String bundled = TestServices.in(home).model().id();
    try (Library lib = Library.open(home.resolve("library.db"))) {
      new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(1))
          .scan(List.of(music), (d, t) -> {}, () -> false);
      List<Track> tracks = new ArrayList<>(lib.tracks().all(Track.OK)); // sorted by path: t0 .. t7
      tracks.sort(java.util.Comparator.comparing(t -> t.path().toString()));
      lib.inTransaction(
          () -> {
            for (int i = 0; i < tracks.size(); i++) {
              double t = i / 7.0;
              float[] e = new float[128];
              e[0] = (float) Math.cos(t * Math.PI / 2);
              e[1] = (float) Math.sin(t * Math.PI / 2);
              double v = -0.8 + 1.6 * t;
              double a = 0.5;
              String q = Quadrant.of(v, a).name();
              Map<String, Double> quadrants = new LinkedHashMap<>();
              for (String k : List.of("Q1", "Q2", "Q3", "Q4")) {
                quadrants.put(k, k.equals(q) ? 0.7 : 0.1);
              }
              lib.analyses()
                  .store(
                      tracks.get(i),
                      new Analysis(
                          List.of(new LabelScore("rock", 0.8), new LabelScore("jazz", 0.2)),
                          q,
                          quadrants,
                          v,
                          a,
                          0.7,
                          e,
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
  void findSimilarFromALibraryRowThenAJourneyBetweenTwoRows(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            window.libraryViewModel().visibleRows().stream().filter(TrackRow::analysed).count()
                == 8);
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table = robot.lookup("#libraryTable").queryAs(TableView.class);
    // the table sorts by nothing: rows in path order, t0 first
    choose(robot, 2, "Find similar");
    SimilarViewModel vm = window.similarViewModel();
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.rows().size() == 7);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("similar");
    assertThat(vm.headingProperty().get()).startsWith("Sounds like ");
    long asked = vm.highlightProperty().get().query();
    assertThat(
            window.libraryViewModel().allRows().stream()
                .filter(r -> r.id() == asked)
                .findFirst()
                .orElseThrow()
                .path()
                .getFileName()
                .toString())
        .isEqualTo("t2.wav");
    List<String> names =
        vm.rows().stream().map(r -> r.track().path().getFileName().toString()).toList();
    assertThat(names.subList(0, 2)).containsExactlyInAnyOrder("t1.wav", "t3.wav");
    assertThat(names).doesNotContain("t2.wav");
    assertThat(window.circumplexViewModel().marksProperty().get().points()).hasSize(7);

    robot.interact(() -> window.tabs().getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    choose(robot, 0, "Start a journey here");
    choose(robot, 7, "Journey to here");
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> !vm.runningProperty().get() && vm.headingProperty().get().startsWith("Journey"));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> steps =
        vm.rows().stream().map(r -> r.track().path().getFileName().toString()).toList();
    assertThat(steps.get(0)).isEqualTo("t0.wav");
    assertThat(steps.get(steps.size() - 1)).isEqualTo("t7.wav");
    assertThat(steps).doesNotHaveDuplicates();
    assertThat(steps)
        .as("along the line, every step closer to the end")
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(window.circumplexViewModel().marksProperty().get().path()).hasSize(steps.size());
    assertThat(table).isNotNull();
  }

  /** Opens item {@code index}'s context menu (as a right click does) and chooses {@code item}. */
  private static void choose(FxRobot robot, int index, String item) {
    TableRow<?> row = row(robot, index);
    robot.interact(
        () -> {
          javafx.scene.control.ContextMenu menu = row.getContextMenu();
          menu.show(row, javafx.geometry.Side.BOTTOM, 0, 0);
          javafx.scene.control.MenuItem chosen =
              menu.getItems().stream()
                  .filter(i -> item.equals(i.getText()))
                  .findFirst()
                  .orElseThrow();
          assertThat(chosen.isDisable()).as(item + " is enabled").isFalse();
          menu.hide();
          chosen.fire();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The library table's row showing item {@code index}. */
  private static TableRow<?> row(FxRobot robot, int index) {
    return robot.lookup("#libraryTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(r -> r.getIndex() == index && !r.isEmpty())
        .findFirst()
        .orElseThrow();
  }
}
