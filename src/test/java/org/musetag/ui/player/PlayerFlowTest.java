package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the player plays a file without a sound device, says so, and its spectrogram animates; a library track
 * whose tempo was heard has its beats marked on it, a file from outside the library (tempo unknown) has none.
 */
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

  /** A 16-bit 16 kHz WAV of noise bursts at 120 BPM, 8 s. */
  private static Path clicks() throws Exception {
    int rate = 16_000;
    short[] pcm = new short[8 * rate];
    Random rnd = new Random(4);
    for (int beat = 0; beat * rate / 2 < pcm.length; beat++) {
      for (int i = 0; i < 400 && beat * rate / 2 + i < pcm.length; i++) {
        pcm[beat * rate / 2 + i] = (short) (12000 * rnd.nextGaussian() * Math.exp(-i / 80.0));
      }
    }
    byte[] bytes = new byte[pcm.length * 2];
    for (int i = 0; i < pcm.length; i++) {
      bytes[2 * i] = (byte) pcm[i];
      bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    Path file = home.resolve("clicks.wav");
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.length),
        AudioFileFormat.Type.WAVE,
        file.toFile());
    return file;
  }

  @Test
  void aLibraryTracksBeatsAreMarkedAndAnUnknownTemposAreNot(FxRobot robot) throws Exception {
    Path file = clicks();
    TrackRow row =
        new TrackRow(
            1,
            file,
            "",
            "Clicks",
            "",
            "",
            8,
            null,
            Double.NaN,
            null,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            120.0,
            null);
    robot.interact(
        () -> {
          window.tabs().getSelectionModel().select(4);
          window.playerViewModel().play(row);
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 2.0);
    // 2 s at 120 BPM (the grid needs two beats' worth of onsets): at least three beats in view
    // (where they fall is BeatGridTest's)
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playerView().beatsShown() >= 3);

    robot.interact(() -> window.playerViewModel().play(file));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 1.5);
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    assertThat(window.playerView().beatsShown()).isZero();

    // the same file played by path once the library holds it: its row, tempo line and beats
    robot.interact(
        () -> {
          window
              .playerViewModel()
              .setLibrary(
                  f -> f.equals(file) ? java.util.Optional.of(row) : java.util.Optional.empty());
          window.playerViewModel().play(file);
        });
    assertThat(window.playerViewModel().tempoKeyProperty().get()).isEqualTo("120.0 BPM");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 2.0);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playerView().beatsShown() >= 3);
  }
}
