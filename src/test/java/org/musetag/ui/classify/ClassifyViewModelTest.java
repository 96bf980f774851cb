package org.musetag.ui.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.CountingDecoder;
import org.musetag.dsp.MelParameters;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.ModelMetadata;
import org.musetag.ml.PatchPlan;
import org.musetag.ml.SharedSessions;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.Settings;
import org.musetag.tags.Id3Version;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.ui.dialog.ChangeLine;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.DirectContext;
import org.musetag.ui.task.WorkerPool;

/** Classifying dropped files with the real model, and writing one file's tags as an undoable batch. */
class ClassifyViewModelTest {
  /** Everything proposed whatever the model thinks of a test tone. */
  static final Settings EVERYTHING =
      new Settings(
          Set.of(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.AROUSAL),
          Map.of(),
          Id3Version.V24,
          0.0,
          0.0,
          GenreVocabulary.NONE,
          1,
          DevicePreference.CPU);

  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private LibraryGateway gateway;
  private BundledModel models;
  private ClassifyViewModel vm;

  @BeforeEach
  void setUp() {
    Services s = TestServices.in(dir);
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    vm =
        new ClassifyViewModel(
            runner,
            dialogs,
            models,
            new WorkerPool(s.executors(), () -> 1),
            new TagBatches(gateway),
            () -> EVERYTHING);
  }

  @AfterEach
  void tearDown() {
    models.close();
    gateway.close();
  }

  /** A 440 Hz tone with noise bursts at 120 BPM over it: something with a tempo and a key to hear. */
  private static float[] toneWithABeat(double seconds) {
    int rate = Encoding.MP3.sampleRate;
    float[] x = new float[(int) (seconds * rate)];
    java.util.Random rnd = new java.util.Random(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / rate));
    }
    for (int at = 0; at < x.length; at += rate / 2) {
      for (int i = 0; i < 1000 && at + i < x.length; i++) {
        x[at + i] += (float) (0.4 * rnd.nextGaussian() * Math.exp(-i / 200.0));
      }
    }
    return x;
  }

  @Test
  void everyDroppedFileGetsACardWithWhatTheModelHeardOrWhyNot() throws Exception {
    Path song = AudioFixtures.write(dir.resolve("song.mp3"), Encoding.MP3, toneWithABeat(4.0));
    Path broken = Files.write(dir.resolve("broken.ogg"), new byte[] {1, 2, 3, 4});

    vm.classify(List.of(song, broken));

    assertThat(vm.cards()).hasSize(2);
    ClassifyCardViewModel good = vm.cards().get(0);
    assertThat(good.stateProperty().get()).isEqualTo(ClassifyCardViewModel.State.DONE);
    assertThat(good.bars()).hasSize(ClassifyCardViewModel.BARS);
    assertThat(good.bars().get(0).p()).isGreaterThanOrEqualTo(good.bars().get(1).p());
    assertThat(good.messageProperty().get())
        .matches(
            "Q[1-4] · [a-z, ]+ · confidence \\d+ %\n\\d+\\.\\d BPM · [A-G]#? (major|minor) \\(\\d+[AB]\\)");
    assertThat(good.pictureProperty().get().height()).isEqualTo(64);
    // the frames the model heard, its windows side by side: as many as it plans on a 4-s song (all
    // K of
    // 1.x's 3-s patches, 2.x's one 10-s window), each as many frames as its samples make
    ModelMetadata meta = models.metadata();
    int windows =
        PatchPlan.starts(4 * meta.sampleRate(), meta.windowSamples(), meta.windowsPerTrack())
            .size();
    assertThat(good.pictureProperty().get().width())
        .isEqualTo(windows * MelParameters.MODEL.framesForSamples(meta.windowSamples()));
    ClassifyCardViewModel bad = vm.cards().get(1);
    assertThat(bad.stateProperty().get()).isEqualTo(ClassifyCardViewModel.State.FAILED);
    assertThat(bad.messageProperty().get())
        .isEqualTo("is not a recognised audio file"); // under its name
    assertThat(runner.failures).isEmpty();
  }

  @Test
  void aCardsAnalysisAndPictureComeFromOneOpeningOfTheFile() throws Exception {
    Path song = AudioFixtures.tone(dir, "long", Encoding.MP3, 440, 30.0);
    Services s = TestServices.in(dir);
    CountingDecoder counting = new CountingDecoder();
    try (BundledModel counted =
        new BundledModel(
            new ModelFiles(dir.resolve("cache")),
            counting,
            DevicePreference.CPU,
            SharedSessions.LOADER)) {
      ClassifyViewModel one =
          new ClassifyViewModel(
              runner,
              dialogs,
              counted,
              new WorkerPool(s.executors(), () -> 1),
              new TagBatches(gateway),
              () -> EVERYTHING);
      one.classify(List.of(song));

      assertThat(one.cards().get(0).pictureProperty().get()).isNotNull();
      assertThat(counting.openings()).isEqualTo(1);
      // a 30-s song is longer than any model's window: all K planned windows, decoded in that one
      // opening
      assertThat(counting.decodedWindows()).isEqualTo(counted.metadata().windowsPerTrack());
    }
  }

  @Test
  void writeTagsShowsEveryChangeThenWritesAnUndoableBatch() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.FLAC, 330, 4.0);
    vm.classify(List.of(song));
    ClassifyCardViewModel card = vm.cards().get(0);

    card.writeTags();

    assertThat(dialogs.changeConfirmations).hasSize(1);
    List<ChangeLine> lines = dialogs.changeConfirmations.get(0);
    assertThat(lines)
        .extracting(ChangeLine::field)
        .containsExactly("genre", "mood", "valence", "arousal", "mood model");
    assertThat(lines).allMatch(l -> l.file().equals("song.flac") && l.oldValue().equals("(empty)"));
    assertThat(card.writeStatusProperty().get()).startsWith("Written (batch ");
    var written = new JaudiotaggerTagStore(TagOptions.defaults()).read(song);
    assertThat(written.get(TagField.MOOD)).isNotEmpty();

    TagBatches batches = new TagBatches(gateway);
    String batch = batches.history().get(0).id();
    batches.undo(batch, EVERYTHING, new DirectContext());
    assertThat(new JaudiotaggerTagStore(TagOptions.defaults()).read(song).get(TagField.MOOD))
        .isEmpty();
  }

  @Test
  void declinedChangesAreNotWritten() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.OGG_VORBIS, 330, 4.0);
    vm.classify(List.of(song));
    dialogs.answer = false;
    byte[] before = Files.readAllBytes(song);

    vm.cards().get(0).writeTags();

    assertThat(card(0).writeStatusProperty().get()).isEqualTo("Not written");
    assertThat(Files.readAllBytes(song)).isEqualTo(before);
  }

  private ClassifyCardViewModel card(int i) {
    return vm.cards().get(i);
  }
}
