package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.cli.CommandLineRun;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A library file asked for at start ({@code -Dmusetag.ui.play=FILE}) plays as its library row, tempo and key line
 * included, although the window asks before the library's rows have loaded (they wait for the model).
 */
@ExtendWith(ApplicationExtension.class)
class PlayAtStartupTest {
  @TempDir static Path home;
  private static Path song;
  private static Path db;
  private MainWindow window;

  @BeforeAll
  static void analysedLibrary() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    song = AudioFixtures.tone(music, "song", Encoding.OGG_VORBIS, 330, 8.0);
    db = home.resolve("library.db");
    assertThat(CommandLineRun.in(home, "scan", music.toString(), "--db", db.toString()).exit())
        .isZero();
    assertThat(CommandLineRun.in(home, "analyze", "--db", db.toString()).exit()).isZero();
  }

  @Start
  void start(Stage stage) {
    window =
        new MainWindow(
            TestServices.in(home), new StartupOptions(db, null, List.of(), song, null, null, null));
    window.show(stage);
  }

  @Test
  void aLibraryFilePlayedAtStartPlaysAsItsRow() throws Exception {
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> window.playerViewModel().positionSeconds() > 0.5);
    TrackRow row =
        window.libraryViewModel().allRows().stream()
            .filter(r -> r.path().equals(song))
            .findFirst()
            .orElseThrow();
    assertThat(row.tempoKeyText()).as("the analysis heard a key").isNotBlank();
    assertThat(window.playerViewModel().tempoKeyProperty().get()).isEqualTo(row.tempoKeyText());
    assertThat(window.playerViewModel().titleProperty().get()).isEqualTo(row.displayName());
  }
}
