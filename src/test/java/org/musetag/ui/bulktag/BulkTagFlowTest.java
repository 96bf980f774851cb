package org.musetag.ui.bulktag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagValues;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.musetag.ui.task.FxWatchdog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless end to end on a temporary folder of generated files: the wizard scans, analyses with the real model,
 * previews, writes and undoes, driven through its buttons, while a watchdog checks that the FX thread never stalls
 * for more than 100 ms during the bulk analysis.
 */
@ExtendWith(ApplicationExtension.class)
class BulkTagFlowTest {
  @TempDir static Path home;
  static Path music;
  private MainWindow window;

  @BeforeAll
  static void folder() throws Exception {
    Path earlier = Files.createDirectories(home.resolve("earlier"));
    AudioFixtures.tone(earlier, "known", Encoding.WAV, 500, 1.0);
    try (Library lib = Library.open(home.resolve("library.db"))) {
      new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(1))
          .scan(List.of(earlier), (d, t) -> {}, () -> false);
    }
    music = Files.createDirectories(home.resolve("music"));
    Encoding[] encodings = {
      Encoding.MP3, Encoding.FLAC, Encoding.OGG_VORBIS, Encoding.M4A_AAC, Encoding.WAV
    };
    for (int i = 0; i < 8; i++) {
      AudioFixtures.tone(
          music, "song" + i, encodings[i % encodings.length], 180 + 60 * i, 4 + i % 3);
    }
  }

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  @Tag("timing")
  void bulkTagAFolderThenUndoWithoutFreezingTheWindow(FxRobot robot) throws Exception {
    JaudiotaggerTagStore tags = new JaudiotaggerTagStore(TagOptions.defaults());
    TagValues before = tags.read(music.resolve("song0.mp3"));
    // A window in use: the library shows what it held, every tab has been seen once.
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.libraryViewModel().allRows().size() == 1);
    for (int tab = 0; tab < window.tabs().getTabs().size(); tab++) {
      int t = tab;
      robot.interact(() -> window.tabs().getSelectionModel().select(t));
    }
    robot.interact(
        () -> {
          window.tabs().getSelectionModel().select(3);
          window.bulkTagViewModel().addFolder(music);
        });

    double worst;
    String evidence;
    long[] analysed = {Long.MAX_VALUE};
    robot.interact(
        () ->
            window
                .bulkTagViewModel()
                .stepProperty()
                .addListener(
                    (o, was, now) -> {
                      if (now == BulkTagViewModel.Step.PREVIEW) {
                        analysed[0] = System.nanoTime();
                      }
                    }));
    try (FxWatchdog watchdog = new FxWatchdog()) {
      robot.clickOn("#wizardStart");
      // scanning and hearing the folder's songs with the bundled model (2.x: about 0.15-0.3 s a
      // song on
      // one core, 1.x a tenth of it): 120 s catches a hang on a loaded machine; the FX stall below
      // is
      // what the test measures
      WaitForAsyncUtils.waitFor(
          120,
          TimeUnit.SECONDS,
          () ->
              window.bulkTagViewModel().stepProperty().get() == BulkTagViewModel.Step.PREVIEW
                  && !window.bulkTagViewModel().runningProperty().get());
      // Only the scan and analysis count: building the preview table's cells afterwards is UI work,
      // not I/O.
      worst = watchdog.worstBlockedMillisBefore(analysed[0]);
      org.slf4j.LoggerFactory.getLogger(BulkTagFlowTest.class)
          .info(
              "FX watchdog: {} pings, worst blocked {} ms, worst plain delay {} ms",
              watchdog.pings(),
              worst,
              watchdog.worstDelayMillis());
      evidence = watchdog.evidence();
      assertThat(watchdog.pings()).isGreaterThan(20);
    }
    assertThat(worst)
        .as("longest FX thread stall during the bulk analysis, ms; %s", evidence)
        .isLessThan(100);

    TableView<?> preview = robot.lookup("#previewTable").queryTableView();
    assertThat(preview.getItems()).isNotEmpty();
    assertThat(robot.lookup("#previewSummary").queryAs(Label.class).getText())
        .startsWith("8 files will change");

    robot.clickOn("#writeBatch");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#wizardReport").queryAs(Label.class).getText().contains("wrote 8 files"));
    assertThat(tags.read(music.resolve("song0.mp3")).get(TagField.VALENCE)).hasSize(1);
    assertThat(tags.read(music.resolve("song1.flac")).get(TagField.MOOD_MODEL)).hasSize(1);

    robot.clickOn("#undoBatch");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#wizardReport")
                .queryAs(Label.class)
                .getText()
                .startsWith("Undone: restored 8 files"));
    assertThat(tags.read(music.resolve("song0.mp3"))).isEqualTo(before);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> robot.lookup("#batchHistory").queryListView().getItems().size() == 1);
    assertThat(window.libraryViewModel().allRows()).hasSize(9);
  }
}
