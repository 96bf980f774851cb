package org.musetag.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.library.ScanReport;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.BundledModel;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.DirectContext;
import org.musetag.ui.task.WorkerPool;

class MainWindowViewModelTest {
  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();

  private MainWindowViewModel vm(LibraryGateway gateway, BundledModel models) {
    return new MainWindowViewModel(
        runner, dialogs, models, jobs(gateway, models), FXCollections.observableArrayList());
  }

  private LibraryJobs jobs(LibraryGateway gateway, BundledModel models) {
    Services s = TestServices.in(dir);
    Settings settings = Settings.defaults();
    return new LibraryJobs(
        gateway, s.decoder(), models, new WorkerPool(s.executors(), () -> 1), () -> settings);
  }

  @Test
  void droppedFoldersAreScannedAndAnalysedAndDroppedFilesClassified() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path song = AudioFixtures.tone(music, "song", Encoding.OGG_VORBIS, 440, 3.5);
    Path notes = Files.writeString(dir.resolve("notes.txt"), "not music");
    Services s = TestServices.in(dir);
    try (LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
        BundledModel models = s.model()) {
      MainWindowViewModel vm = vm(gateway, models);
      List<Path> classified = new ArrayList<>();
      vm.setClassifier(classified::addAll);

      vm.drop(List.of(music, song, notes));

      assertThat(classified).containsExactly(song);
      assertThat(runner.titles)
          .containsExactly(
              "Scanning music", "Analysing", "Counting tracks heard by an older model");
      assertThat(runner.failures).isEmpty();
      assertThat(vm.statusProperty().get()).startsWith("Analysed 1 track: 0 failed");
      List<?> analysed = gateway.read(lib -> lib.analyses().find(models.model().id(), null, null));
      assertThat(analysed).hasSize(1);
    }
  }

  @Test
  void saysHowManyTracksAnOlderModelHeardAndHearAgainAnalysesThemWithTheBundledModel()
      throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "now", Encoding.OGG_VORBIS, 440, 3.5);
    Services s = TestServices.in(dir);
    try (LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
        BundledModel models = s.model()) {
      MainWindowViewModel vm = vm(gateway, models);
      vm.addFolders(List.of(music));
      assertThat(vm.otherModelsProperty().get()).isEmpty();
      AudioFixtures.tone(music, "old1", Encoding.OGG_VORBIS, 880, 3.5);
      AudioFixtures.tone(music, "old2", Encoding.OGG_VORBIS, 1760, 3.5);
      jobs(gateway, models).scan(List.of(music), new DirectContext());
      gateway.write(
          lib -> {
            Analysis heard = lib.analyses().find(models.id(), null, null).get(0).analysis();
            for (Track t : lib.tracks().all(Track.OK)) {
              if (t.path().getFileName().toString().startsWith("old")) {
                lib.analyses().store(t, byOlderModel(heard), System.currentTimeMillis());
              }
            }
            return null;
          });

      vm.refreshOtherModels();

      assertThat(vm.otherModelsProperty().get()).isEqualTo("2 tracks heard by an older model");

      runner.titles.clear();
      vm.hearAgain();

      assertThat(runner.titles).contains("Analysing");
      assertThat(vm.statusProperty().get())
          .startsWith("Analysed 2 tracks: 0 failed, 1 were up to date");
      assertThat(vm.otherModelsProperty().get()).isEmpty();
      List<?> heard = gateway.read(lib -> lib.analyses().find(models.id(), null, null));
      assertThat(heard).hasSize(3);
    }
  }

  private static Analysis byOlderModel(Analysis a) {
    return new Analysis(
        a.genres(),
        a.quadrant(),
        a.quadrants(),
        a.valence(),
        a.arousal(),
        a.confidence(),
        a.embedding(),
        "musetag-base@1.0.0");
  }

  @Test
  void namesTheInferenceDeviceAndModelOnceLoaded() throws Exception {
    Services s = TestServices.in(dir);
    try (LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
        BundledModel models = s.model()) {
      MainWindowViewModel vm = vm(gateway, models);
      vm.start();
      assertThat(vm.deviceProperty().get())
          .isIn("Inference: CPU", "Inference: GPU (CUDA device 0)");
      assertThat(vm.modelProperty().get()).startsWith("Model: musetag-base@");
    }
  }

  @Test
  void scanReportSaysWhatHappenedAndListsProblems() {
    var report =
        MainWindowViewModel.scanReport(
            new ScanReport(3, 1, 0, 1, 1, 0, 0, false, List.of("/m/bad.mp3: not an audio file")));
    assertThat(report.summary())
        .isEqualTo("Scanned 3 files: 1 added, 0 updated, 1 unchanged, 1 unreadable, 0 missing.");
    assertThat(report.problems()).containsExactly("/m/bad.mp3: not an audio file");
  }

  @Test
  void aboutSaysVersionModelDeviceLicenceAndOffline() {
    String text = MainWindowViewModel.aboutText("0.1.0", "musetag-base@1.0.0", "CPU", "");
    assertThat(text)
        .startsWith("Musetag 0.1.0")
        .contains("musetag-base@1.0.0, running on CPU.")
        .contains("never opens a network connection")
        .contains("GNU General Public License, version 3 or later");
    assertThat(MainWindowViewModel.aboutText("0.1.0", "", "", "CUDA could not be started"))
        .contains("not loaded yet")
        .contains("\nCUDA could not be started.");
  }
}
