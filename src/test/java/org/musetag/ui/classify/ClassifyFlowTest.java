package org.musetag.ui.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless end to end: a generated file dropped on the window is classified and shown as a card; Write tags shows
 * the change in a dialog and writes it. The drop goes through the same handler the scene's drag-and-drop calls
 * (Monocle cannot synthesise an OS drag).
 */
@ExtendWith(ApplicationExtension.class)
class ClassifyFlowTest {
  @TempDir static Path home;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  void droppedFileIsClassifiedAndItsTagsWrittenAfterConfirmation(FxRobot robot) throws Exception {
    Path song = AudioFixtures.tone(home, "dropped", Encoding.MP3, 440, 4.0);

    robot.interact(() -> window.viewModel().drop(List.of(song)));

    assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("classify");
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> !robot.lookup("#writeTags").queryButton().isDisabled());
    assertThat(robot.lookup((Label l) -> l.getText().equals("dropped.mp3")).tryQuery()).isPresent();
    assertThat(robot.lookup((Label l) -> l.getText().matches("\\d+ %")).queryAll())
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(robot.lookup((Label l) -> l.getText().startsWith("valence ")).tryQuery())
        .isPresent();

    robot.clickOn("#writeTags");
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> robot.lookup((Button b) -> "Write tags".equals(b.getText())).tryQuery().isPresent());
    assertThat(robot.lookup("#changesTable").tryQuery()).isPresent();
    robot.clickOn(robot.lookup((Button b) -> "Write tags".equals(b.getText())).queryButton());

    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup((Label l) -> l.getText().startsWith("Written (batch "))
                .tryQuery()
                .isPresent());
    assertThat(new JaudiotaggerTagStore(TagOptions.defaults()).read(song).get(TagField.VALENCE))
        .hasSize(1);
  }
}
