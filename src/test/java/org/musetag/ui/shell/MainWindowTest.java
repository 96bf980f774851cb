package org.musetag.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Wiring;
import org.musetag.ui.services.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop app opens its main window headless (Monocle): tabs, status bar with version, device and model. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir static Path home;
  private Stage stage;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  void opensTitledWindowWithStatusBar(FxRobot robot) {
    assertThat(stage.isShowing()).isTrue();
    assertThat(stage.getTitle()).isEqualTo("Musetag");
    assertThat(robot.lookup((Label l) -> l.getText().startsWith("Musetag ")).tryQuery())
        .isPresent();
    assertThat(window.tabs().getTabs()).extracting(Tab::getId).startsWith("library");
  }

  @Test
  void statusBarNamesTheDeviceAndModelOnceLoaded(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        30,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#modelLabel")
                .queryAs(Label.class)
                .getText()
                .startsWith("Model: musetag-base@"));
    assertThat(robot.lookup("#deviceLabel").queryAs(Label.class).getText())
        .startsWith("Inference: ");
  }

  @Test
  void filesHandedOverFromAnotherStartAreTreatedAsDropped() throws Exception {
    Path notAudio = java.nio.file.Files.writeString(home.resolve("notes.txt"), "not music");

    window.handOver(java.util.List.of(notAudio));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(window.viewModel().statusProperty().get())
        .startsWith("Nothing to do with what was dropped");
  }

  @Test
  void theDefaultConstructorStillWorks() {
    assertThat(new MainWindow(Wiring.create())).isNotNull();
  }
}
