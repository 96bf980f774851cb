package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the player plays a file without a sound device, says so, and its spectrogram animates. */
@ExtendWith(ApplicationExtension.class)
class PlayerFlowTest {
  @TempDir static Path home;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  @Tag("timing")
  void playsSilentlyWithANoticeAndAnimatesTheSpectrogram(FxRobot robot) throws Exception {
    Path song = AudioFixtures.tone(home, "song", Encoding.OGG_VORBIS, 330, 6.0);
    robot.interact(
        () -> {
          window.tabs().getSelectionModel().select(4);
          window.playerViewModel().play(song);
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 1.5);
    assertThat(robot.lookup("#playerReadout").queryAs(Label.class).getText())
        .startsWith("pitch 33");
    String notice = robot.lookup("#playerNotice").queryAs(Label.class).getText();
    assertThat(notice)
        .satisfiesAnyOf(
            n -> assertThat(n).isEmpty(), n -> assertThat(n).startsWith("No audio output"));
    double fps = window.playerView().framesPerSecond();
    LoggerFactory.getLogger(PlayerFlowTest.class)
        .info("spectrogram under Monocle: {} frames/s", fps);
    assertThat(fps).isGreaterThan(10);

    robot.clickOn("#playPause");
    double paused = window.playerViewModel().positionSeconds();
    Thread.sleep(400);
    assertThat(window.playerViewModel().positionSeconds()).isBetween(paused - 0.01, paused + 0.3);
    assertThat(window.playerViewModel().playingProperty().get()).isFalse();
  }
}
