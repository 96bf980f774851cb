package org.musetag.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.LibraryScanner;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.BundledModel;
import org.musetag.ml.PatchPredictor;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless through the window (Monocle): a library the earlier bundled model, musetag-base@1.0.0, heard (written
 * through the library's own API, as that Musetag left it) opens with "2 tracks heard by an older model — Hear
 * again" in the status bar and no analysed row in the table; clicking the link analyses them with the bundled model,
 * and the count goes away while the table shows both tracks analysed.
 */
@ExtendWith(ApplicationExtension.class)
class HearAgainFlowTest {
  private static final String EARLIER = "musetag-base@1.0.0";
  @TempDir static Path home;
  private MainWindow window;

  @BeforeAll
  static void aLibraryTheEarlierModelHeard() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    Path first = AudioFixtures.tone(music, "first", Encoding.OGG_VORBIS, 440, 3.5);
    AudioFixtures.tone(music, "second", Encoding.OGG_VORBIS, 1760, 3.5);
    Services services = TestServices.in(home.resolve("earlier"));
    Analysis heard;
    try (BundledModel models = services.model();
        PatchPredictor predictor = models.model().newPredictor()) {
      heard = models.classifier().classify(first, predictor);
    }
    Analysis byEarlier =
        new Analysis(
            heard.genres(),
            heard.quadrant(),
            heard.quadrants(),
            heard.valence(),
            heard.arousal(),
            heard.confidence(),
            heard.embedding(),
            EARLIER);
    try (LibraryGateway gateway = TestServices.gateway(home.resolve("library.db"))) {
      gateway.write(
          lib -> {
            new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(2))
                .scan(List.of(music), (d, t) -> {}, () -> false);
            for (Track t : lib.tracks().all(Track.OK)) {
              lib.analyses().store(t, byEarlier, System.currentTimeMillis());
            }
            return null;
          });
    }
  }

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  void hearAgainAnalysesWhatTheEarlierModelHeardAndTheCountGoesToZero(FxRobot robot)
      throws Exception {
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> "2 tracks heard by an older model —".equals(otherModels(robot).getText()));
    Hyperlink hearAgain = robot.lookup("#hearAgain").queryAs(Hyperlink.class);
    assertThat(hearAgain.isVisible()).isTrue();
    assertThat(otherModels(robot).isVisible()).isTrue();
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> window.libraryViewModel().allRows().size() == 2);
    assertThat(window.libraryViewModel().allRows())
        .as("the table shows no analysis by the earlier model")
        .noneMatch(TrackRow::analysed);

    robot.clickOn("#hearAgain");

    WaitForAsyncUtils.waitFor(
        90, TimeUnit.SECONDS, () -> window.viewModel().otherModelsProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.viewModel().statusProperty().get()).startsWith("Analysed 2 tracks: 0 failed");
    assertThat(hearAgain.isVisible()).isFalse();
    assertThat(otherModels(robot).isVisible()).isFalse();
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> window.libraryViewModel().allRows().stream().allMatch(TrackRow::analysed));
  }

  private static Label otherModels(FxRobot robot) {
    return robot.lookup("#otherModels").queryAs(Label.class);
  }
}
