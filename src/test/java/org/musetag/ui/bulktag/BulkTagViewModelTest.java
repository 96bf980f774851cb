package org.musetag.ui.bulktag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.Settings;
import org.musetag.tags.Id3Version;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.DirectContext;
import org.musetag.ui.task.WorkerPool;

/** The wizard's steps on real files with the real model and a real library: preview, choose, write, undo. */
class BulkTagViewModelTest {
  static final Settings EVERYTHING =
      new Settings(
          Set.of(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.AROUSAL),
          Map.of(),
          Id3Version.V24,
          0.0,
          0.0,
          GenreVocabulary.NONE,
          2,
          DevicePreference.CPU);

  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final TagStore tags = new JaudiotaggerTagStore(TagOptions.defaults());
  private LibraryGateway gateway;
  private BundledModel models;
  private BulkTagViewModel vm;
  private BatchHistoryViewModel history;
  private Path music;
  private LibraryJobs jobs;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "a", Encoding.MP3, 440, 3.5);
    AudioFixtures.tone(music, "b", Encoding.FLAC, 330, 3.5);
    AudioFixtures.tone(music, "c", Encoding.OPUS, 220, 3.5);
    Services s = TestServices.in(dir);
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    jobs =
        new LibraryJobs(
            gateway, s.decoder(), models, new WorkerPool(s.executors(), () -> 2), () -> EVERYTHING);
    TagBatches batches = new TagBatches(gateway);
    history = new BatchHistoryViewModel(runner, dialogs, batches, () -> EVERYTHING);
    vm =
        new BulkTagViewModel(
            runner,
            dialogs,
            jobs,
            batches,
            new SimpleObjectProperty<>(EVERYTHING),
            history::refresh);
  }

  @AfterEach
  void tearDown() {
    models.close();
    gateway.close();
  }

  @Test
  void startingWithoutFoldersSaysWhatIsMissing() {
    vm.start();
    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.FOLDERS);
    assertThat(vm.validationProperty().get()).isEqualTo("Choose at least one folder to tag.");
  }

  @Test
  void analysesOnlyTheChosenFoldersNotTheWholeLibrary() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    AudioFixtures.tone(other, "elsewhere", Encoding.MP3, 550, 3.5);
    jobs.scan(List.of(other), new DirectContext());

    vm.addFolder(music);
    vm.start();

    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.PREVIEW);
    String model = models.model().id();
    Set<Long> analysed = gateway.read(lib -> lib.analyses().upToDate(model));
    long elsewhere = gateway.read(lib -> lib.tracks().byPath(other.resolve("elsewhere.mp3")).id());
    long inMusic = gateway.read(lib -> lib.tracks().byPath(music.resolve("a.mp3")).id());
    assertThat(analysed).contains(inMusic).doesNotContain(elsewhere);
  }

  @Test
  void previewChooseWriteAndUndo() throws Exception {
    vm.addFolder(music);
    vm.start();

    assertThat(runner.failures).isEmpty();
    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.PREVIEW);
    assertThat(vm.previewSummaryProperty().get())
        .isEqualTo("3 files will change (3 chosen) · 0 already up to date" + " · 0 skipped");
    assertThat(vm.rows())
        .noneMatch(PreviewRow::skipped)
        .anyMatch(r -> r.fileName().equals("c.opus"));
    assertThat(vm.rows())
        .filteredOn(r -> r.fileName().equals("a.mp3"))
        .extracting(PreviewRow::field)
        .containsExactly("genre", "mood", "valence", "arousal", "mood model");

    vm.rows().stream()
        .filter(r -> r.fileName().equals("b.flac"))
        .findFirst()
        .orElseThrow()
        .included()
        .set(false);
    vm.genrePolicyProperty().set(WritePolicy.REPLACE);
    assertThat(vm.previewSummaryProperty().get()).startsWith("3 files will change (2 chosen)");

    byte[] flacBefore = Files.readAllBytes(music.resolve("b.flac"));
    vm.write();

    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.REPORT);
    assertThat(vm.reportTextProperty().get()).contains("wrote 2 files, 0 failed");
    assertThat(tags.read(music.resolve("a.mp3")).get(TagField.MOOD)).isNotEmpty();
    assertThat(Files.readAllBytes(music.resolve("b.flac"))).isEqualTo(flacBefore);
    assertThat(history.history()).hasSize(1);

    vm.undo();

    assertThat(vm.reportTextProperty().get()).startsWith("Undone: restored 2 files");
    assertThat(tags.read(music.resolve("a.mp3")).get(TagField.MOOD)).isEmpty();
    assertThat(history.history())
        .singleElement()
        .satisfies(b -> assertThat(b.state()).isEqualTo("undone"));
    assertThat(BatchHistoryViewModel.undoable(history.history().get(0))).isFalse();
  }

  @Test
  void aStoppedAnalysisCanBeResumed() {
    vm.addFolder(music);
    runner.cancelRequested = true;
    vm.start();
    assertThat(vm.stoppedProperty().get()).isTrue();
    assertThat(vm.progressTextProperty().get()).startsWith("Stopped").contains("Resume");

    runner.cancelRequested = false;
    vm.resume();
    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.PREVIEW);
    assertThat(vm.rows()).isNotEmpty();
  }
}
