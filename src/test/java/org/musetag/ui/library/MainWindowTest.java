package org.musetag.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.musetag.app.Wiring;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The desktop app opens its main window headless (Monocle), with the status bar naming the version. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new MainWindow(Wiring.create()).show(stage);
  }

  @Test
  void opensTitledWindowWithStatusBar(FxRobot robot) {
    assertThat(stage.isShowing()).isTrue();
    assertThat(stage.getTitle()).isEqualTo("Musetag");
    assertThat(robot.lookup((Label l) -> l.getText().startsWith("Musetag ")).tryQuery()).isPresent();
  }
}
