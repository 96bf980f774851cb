package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.library.TagJournal;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.Settings;
import org.musetag.tags.Id3Version;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.WorkerPool;

/** "Tag selection…" on real files analysed by the real model in a real library: shows the changes, writes a batch. */
class CircumplexTaggingTest {
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
  private final ObservableList<TrackRow> rows = FXCollections.observableArrayList();
  private LibraryGateway gateway;
  private BundledModel models;
  private TagBatches batches;
  private CircumplexViewModel vm;
  private Path music;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "a", Encoding.MP3, 440, 3.5);
    AudioFixtures.tone(music, "b", Encoding.FLAC, 330, 3.5);
    Services s = TestServices.in(dir);
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    LibraryJobs jobs =
        new LibraryJobs(
            gateway, s.decoder(), models, new WorkerPool(s.executors(), () -> 2), () -> EVERYTHING);
    runner.run(
        BackgroundTask.of(
            "Scanning and listening",
            ctx -> {
              jobs.scan(List.of(music), ctx);
              return jobs.analyze(ctx, LibraryJobs.NO_LISTENER);
            }));
    String model = gateway.read(lib -> lib.analyses().newestModel());
    rows.setAll(
        gateway.read(lib -> lib.analyses().find(model, null, null)).stream()
            .map(a -> TrackRow.of(a.track(), a.analysis()))
            .toList());
    batches = new TagBatches(gateway);
    vm = new CircumplexViewModel(rows, runner, dialogs, batches, () -> EVERYTHING);
    assertThat(runner.failures).isEmpty();
    assertThat(vm.pointsProperty().get().rows()).hasSize(2);
  }

  @AfterEach
  void tearDown() {
    models.close();
    gateway.close();
  }

  @Test
  void confirmingWritesTheSelectionAsOneJournalledBatch() throws Exception {
    vm.selectRectangle(-1.1, 1.1, 1.1, -1.1);
    assertThat(vm.selectedRows()).hasSize(2);

    vm.tagSelection();

    assertThat(runner.failures).isEmpty();
    assertThat(dialogs.errors).isEmpty();
    assertThat(dialogs.changeConfirmations)
        .singleElement()
        .satisfies(lines -> assertThat(lines).extracting(l -> l.file()).contains("a.mp3", "b.flac"))
        .satisfies(lines -> assertThat(lines).extracting(l -> l.field()).contains("genre", "mood"));
    assertThat(batches.history()).singleElement().satisfies(b -> assertThat(b.failed()).isZero());
    assertThat(batches.entries(batches.history().get(0).id()))
        .extracting(TagJournal.Entry::path)
        .containsOnly(music.resolve("a.mp3"), music.resolve("b.flac"))
        .contains(music.resolve("a.mp3"), music.resolve("b.flac"));
    assertThat(tags.read(music.resolve("a.mp3")).get(TagField.MOOD)).isNotEmpty();
    assertThat(vm.selectionTextProperty().get())
        .startsWith("Tagged: 2 files written, 0 unchanged, 0 skipped, 0 failed");
  }

  @Test
  void decliningWritesNothing() throws Exception {
    vm.selectRectangle(-1.1, 1.1, 1.1, -1.1);
    byte[] before = Files.readAllBytes(music.resolve("b.flac"));
    dialogs.answer = false;

    vm.tagSelection();

    assertThat(dialogs.changeConfirmations).hasSize(1);
    assertThat(batches.history()).isEmpty();
    assertThat(Files.readAllBytes(music.resolve("b.flac"))).isEqualTo(before);
    assertThat(tags.read(music.resolve("a.mp3")).get(TagField.MOOD)).isEmpty();
    assertThat(vm.selectionTextProperty().get()).isEqualTo("Not written");
  }
}
