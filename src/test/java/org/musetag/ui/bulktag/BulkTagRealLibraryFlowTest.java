package org.musetag.ui.bulktag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagValues;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.shell.MainWindow;
import org.musetag.ui.shell.StartupOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bulk-tag wizard end to end on a temporary copy of the small real library (real game soundtracks, Ogg and
 * MP3), including undo: every file's tags are back exactly as they were. The library comes from
 * {@code MUSETAG_REAL_LIBRARY} ({@code .ci/run} builds it with {@code real-library.sh} and sets it); skipped without.
 */
@ExtendWith(ApplicationExtension.class)
class BulkTagRealLibraryFlowTest {
  @TempDir static Path home;
  static Path music;
  static List<Path> files;
  private MainWindow window;

  @BeforeAll
  static void copyTheRealLibrary() throws Exception {
    String source = System.getenv("MUSETAG_REAL_LIBRARY");
    assumeTrue(
        source != null && Files.isDirectory(Path.of(source)), "MUSETAG_REAL_LIBRARY is not set");
    music = Files.createDirectories(home.resolve("music"));
    Path src = Path.of(source);
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path f :
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/.debs/"))
              .toList()) {
        Path target = music.resolve(src.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
    try (Stream<Path> walk = Files.walk(music)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Start
  void start(Stage stage) {
    window = new MainWindow(TestServices.in(home), StartupOptions.NONE);
    window.show(stage);
  }

  @Test
  void bulkTagTheRealLibraryThenUndoRestoresEveryFile(FxRobot robot) throws Exception {
    JaudiotaggerTagStore tags = new JaudiotaggerTagStore(TagOptions.defaults());
    Map<Path, TagValues> before = new HashMap<>();
    for (Path f : files) {
      before.put(f, tags.read(f));
    }
    robot.interact(
        () -> {
          window.tabs().getSelectionModel().select(3);
          window.bulkTagViewModel().addFolder(music);
        });

    robot.clickOn("#wizardStart");
    WaitForAsyncUtils.waitFor(
        300,
        TimeUnit.SECONDS,
        () ->
            window.bulkTagViewModel().stepProperty().get() == BulkTagViewModel.Step.PREVIEW
                && !window.bulkTagViewModel().runningProperty().get());
    WaitForAsyncUtils.waitFor(
        300,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#previewSummary").queryAs(Label.class).getText().contains("will change"));
    String summary = robot.lookup("#previewSummary").queryAs(Label.class).getText();
    assertThat(summary).startsWith(files.size() + " files will change");

    robot.clickOn("#writeBatch");
    WaitForAsyncUtils.waitFor(
        300,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#wizardReport")
                .queryAs(Label.class)
                .getText()
                .contains("wrote " + files.size() + " files"));
    int changed = 0;
    for (Path f : files) {
      changed += tags.read(f).equals(before.get(f)) ? 0 : 1;
    }
    assertThat(changed).isEqualTo(files.size());

    robot.clickOn("#undoBatch");
    WaitForAsyncUtils.waitFor(
        300,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#wizardReport")
                .queryAs(Label.class)
                .getText()
                .startsWith("Undone: restored " + files.size() + " files"));
    for (Path f : files) {
      assertThat(tags.read(f)).as("%s after undo", f).isEqualTo(before.get(f));
    }
  }
}
