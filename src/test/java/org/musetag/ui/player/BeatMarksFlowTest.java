package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a library track whose tempo was heard has its beats marked on the live spectrogram; a file from outside
 * the library (tempo unknown) has none.
 */
@ExtendWith(ApplicationExtension.class)
class BeatMarksFlowTest {
  @TempDir static Path home;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
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
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 3.5);
    // 3.5 s at 120 BPM: at least six beats in view (where they fall is BeatGridTest's)
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playerView().beatsShown() >= 6);

    robot.interact(() -> window.playerViewModel().play(file));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 2.5);
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    assertThat(window.playerView().beatsShown()).isZero();
  }
}
