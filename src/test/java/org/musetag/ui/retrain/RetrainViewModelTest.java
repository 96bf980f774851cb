package org.musetag.ui.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.cli.CommandLineRun;
import org.musetag.ml.Analysis;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.input.TrainingItem;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.ActiveHeads;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.WorkerPool;

/**
 * The expert pane's view model without a window, on real generated audio, the real bundled model, a real library
 * database and a registry in a temporary data folder: counts and warnings before training, a trained and
 * cross-validated version, activation changing what the app's classifications say, rollback restoring them exactly,
 * and refusals that leave nothing in the registry.
 */
class RetrainViewModelTest {
  @TempDir static Path shared;
  static Path folders;
  static Path oneLabel;
  static Path unreadable;

  @TempDir Path home;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private Services services;
  private LibraryGateway gateway;
  private WorkerPool workers;
  private ActiveHeads heads;
  private RetrainViewModel vm;

  @BeforeAll
  static void songs() throws Exception {
    folders = shared.resolve("pitch");
    Files.createDirectories(folders.resolve("low"));
    Files.createDirectories(folders.resolve("high"));
    for (int i = 0; i < 4; i++) {
      AudioFixtures.tone(folders.resolve("low"), "low" + i, Encoding.WAV, 110 + 20 * i, 4.0);
      AudioFixtures.tone(folders.resolve("high"), "high" + i, Encoding.WAV, 2000 + 300 * i, 4.0);
    }
    oneLabel = shared.resolve("one");
    Files.createDirectories(oneLabel.resolve("only"));
    AudioFixtures.tone(oneLabel.resolve("only"), "a", Encoding.WAV, 440, 2.0);
    unreadable = shared.resolve("broken");
    for (String label : List.of("a", "b")) {
      Files.createDirectories(unreadable.resolve(label));
      Files.write(
          unreadable.resolve(label).resolve("noise.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
  }

  @BeforeEach
  void setUp() {
    services = TestServices.in(home);
    gateway = TestServices.gateway(home.resolve("library.db"));
    workers = new WorkerPool(services.executors(), () -> 2);
    heads = new ActiveHeads(new HeadRegistry(home.resolve("models")), services.model());
    vm =
        RetrainViewModel.create(
            runner, dialogs, gateway, services.model(), workers, Settings::defaults, heads);
  }

  @AfterEach
  void tearDown() {
    services.close();
    heads.close();
    workers.close();
    gateway.close();
  }

  @Test
  void countsFlagSmallAndImbalancedLabels() {
    List<TrainingItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(TrainingItem.labelled(Path.of("big" + i + ".mp3"), "big"));
    }
    for (int i = 0; i < 11; i++) {
      items.add(TrainingItem.labelled(Path.of("mid" + i + ".mp3"), "mid"));
    }
    items.add(TrainingItem.labelled(Path.of("tiny.mp3"), "tiny"));
    List<RetrainViewModel.LabelCount> counts =
        RetrainViewModel.countsOf(new TrainingInput(HeadKind.LABELS, "x", items, List.of()));

    assertThat(counts)
        .extracting(RetrainViewModel.LabelCount::label)
        .containsExactly("big", "mid", "tiny");
    assertThat(counts.get(0).warning()).isNull();
    assertThat(counts.get(1).warning()).contains("5× fewer than the largest");
    assertThat(counts.get(2).warning()).startsWith("only 1 example ");
  }

  @Test
  void suggestedNamesAreValidHeadNames() {
    assertThat(RetrainViewModel.suggestedName(Path.of("/music/Rainy Day (mix)")))
        .isEqualTo("Rainy-Day-mix");
    assertThat(RetrainViewModel.suggestedName(Path.of("/r/ratings.csv"))).isEqualTo("ratings");
    assertThat(RetrainViewModel.suggestedName(Path.of("/r/Ströme"))).isEqualTo("Strome");
    assertThat(RetrainViewModel.suggestedName(Path.of("/r/雨の日"))).isEqualTo("my-labels");
  }

  @Test
  void trainsActivatesAndRollsBackChangingWhatTheAppSays() throws Exception {
    dialogs.folder = folders;
    vm.chooseFolder();

    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.readyProperty().get()).isTrue();
    assertThat(vm.nameProperty().get()).isEqualTo("pitch");
    assertThat(vm.counts()).extracting(RetrainViewModel.LabelCount::examples).containsExactly(4, 4);
    assertThat(vm.warnings()).anyMatch(w -> w.startsWith("high: only 4 examples"));

    vm.train();

    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.versions()).hasSize(1);
    HeadRegistry.Version v = vm.selectedProperty().get();
    assertThat(v.card().id()).isEqualTo("pitch@1");
    assertThat(v.active()).isFalse();
    assertThat(vm.shownCardProperty().get().evaluation().classification().labels())
        .containsExactly("high", "low");
    double accuracy = vm.shownCardProperty().get().evaluation().classification().accuracy();
    assertThat(accuracy).isGreaterThanOrEqualTo(0.75);
    assertThat(CardSummary.of(vm.shownCardProperty().get()))
        .contains(String.format(java.util.Locale.ROOT, "accuracy %.3f", accuracy))
        .contains("tag field PITCH");

    Analysis fresh = classify(folders.resolve("low").resolve("low0.wav"));
    assertThat(heads.applyAll(fresh).heads()).isEmpty();
    assertThat(services.model().sessionsOpened())
        .as("the Expert pane and classify share the app's one model")
        .isEqualTo(1);

    vm.activateSelected();
    assertThat(vm.selectedProperty().get().active()).isTrue();
    assertThat(heads.activeIds()).containsExactly("pitch@1");
    HeadedAnalysis headed = heads.applyAll(fresh);
    assertThat(headed.heads().get("pitch").labels().get(0).label()).isEqualTo("low");

    vm.rollbackSelected();
    assertThat(vm.selectedProperty().get().active()).isFalse();
    assertThat(heads.activeIds()).isEmpty();
    assertThat(heads.apply(fresh)).isSameAs(fresh);
  }

  @Test
  void ratingsTrainAValenceArousalHead() throws Exception {
    Path csv = shared.resolve("ratings.csv");
    StringBuilder lines = new StringBuilder("path,valence,arousal\n");
    for (int i = 0; i < 4; i++) {
      lines.append("pitch/low/low").append(i).append(".wav,-0.5,-0.").append(i + 2).append('\n');
      lines.append("pitch/high/high").append(i).append(".wav,0.6,0.").append(i + 4).append('\n');
    }
    lines.append("pitch/high/high0.wav,lots,0.1\n");
    Files.writeString(csv, lines);
    dialogs.openFile = csv;

    vm.chooseRatings();
    assertThat(vm.kindProperty().get()).isEqualTo(HeadKind.REGRESSION);
    assertThat(vm.counts()).singleElement().satisfies(c -> assertThat(c.examples()).isEqualTo(8));
    assertThat(vm.warnings()).anyMatch(w -> w.contains("line 10"));
    vm.train();

    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.shownCardProperty().get().kind()).isEqualTo(HeadKind.REGRESSION);
    assertThat(vm.shownCardProperty().get().evaluation().regression())
        .containsKeys("valence", "arousal");
    assertThat(CardSummary.of(vm.shownCardProperty().get()))
        .contains("Cross-validated valence: Pearson r");
  }

  @Test
  void unicodeLabelsAndPathsTrainAndComeBackSpelledAsTheFolders() throws Exception {
    Path root = home.resolve("Étiquettes — 雨");
    List<String> labels = List.of("rainy dæy 雨の日", "énergie");
    for (int i = 0; i < 3; i++) {
      Files.createDirectories(root.resolve(labels.get(0)));
      Files.createDirectories(root.resolve(labels.get(1)));
      AudioFixtures.tone(
          root.resolve(labels.get(0)), "chanson ü " + i, Encoding.WAV, 120 + 10 * i, 3.0);
      AudioFixtures.tone(root.resolve(labels.get(1)), "曲 " + i, Encoding.WAV, 2500 + 200 * i, 3.0);
    }
    vm.load(root, HeadKind.LABELS);
    assertThat(vm.nameProperty().get()).isEqualTo("Etiquettes");
    vm.nameProperty().set("weather");

    vm.train();

    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.shownCardProperty().get().outputs()).containsExactlyInAnyOrderElementsOf(labels);
    vm.activateSelected();
    Analysis fresh = classify(root.resolve(labels.get(1)).resolve("曲 0.wav"));
    assertThat(heads.applyAll(fresh).heads().get("weather").labels().get(0).label())
        .isEqualTo("énergie");
  }

  @Test
  void cancelledTrainingRegistersNothingAndSaysWhatIsKept() throws Exception {
    vm.load(folders, HeadKind.LABELS);
    runner.cancelRequested = true;

    vm.train();

    assertThat(vm.problemProperty().get()).contains("cancelled").contains("kept for the next run");
    assertThat(vm.trainingProperty().get()).isFalse();
    assertThat(registryEntries()).isEmpty();
  }

  @Test
  void oneLabelIsRefusedBeforeAnythingIsHeard() throws Exception {
    vm.load(oneLabel, HeadKind.LABELS);

    assertThat(vm.problemProperty().get()).contains("only one label ('only')");
    assertThat(vm.readyProperty().get()).isFalse();
    assertThat(registryEntries()).isEmpty();
  }

  @Test
  void unreadableFilesAreNamedAndNothingIsRegistered() throws Exception {
    vm.load(unreadable, HeadKind.LABELS);
    assertThat(vm.readyProperty().get()).isTrue();

    vm.train();

    assertThat(vm.problemProperty().get()).contains("noise.mp3");
    assertThat(vm.statusProperty().get()).isEqualTo("Nothing was registered.");
    assertThat(vm.trainingProperty().get()).isFalse();
    assertThat(vm.versions()).isEmpty();
    assertThat(registryEntries()).isEmpty();
  }

  @Test
  void aHeadOfAnEarlierModelIsListedAsModelsListSaysAndRetrainTrainsItAgainOnTheBundledModel()
      throws Exception {
    vm.load(folders, HeadKind.LABELS);
    vm.activateWhenDoneProperty().set(true);
    vm.train();
    assertThat(heads.activeIds()).containsExactly("pitch@1");
    trainedOnAnEarlierModel(vm.selectedProperty().get());
    heads.reload();
    Analysis fresh = classify(folders.resolve("low").resolve("low0.wav"));
    assertThat(heads.applyAll(fresh).heads()).as("not applied on the bundled model").isEmpty();
    vm.activateWhenDoneProperty().set(false);

    vm.refreshVersions();

    HeadRegistry.Version v1 = vm.selectedProperty().get();
    String listed =
        CommandLineRun.in(home, "models", "list").json().get(0).get("status").getAsString();
    assertThat(vm.status(v1))
        .isEqualTo(listed)
        .isEqualTo("needs retraining (trained on " + EARLIER + ")");
    assertThat(vm.selectedNeedsRetrainingProperty().get()).isTrue();
    String current = services.model().id();
    assertThat(vm.toRetrainProperty().get())
        .isEqualTo(
            "pitch@1 was trained on an earlier model than "
                + current
                + " and is not applied: select it and click Retrain.");

    runner.cancelRequested = true;
    vm.retrainSelected();
    assertThat(vm.problemProperty().get()).contains("cancelled");
    assertThat(vm.trainingProperty().get()).isFalse();
    assertThat(vm.versions()).hasSize(1);
    runner.cancelRequested = false;
    runner.titles.clear();

    vm.retrainSelected();

    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(runner.titles).contains("Reading the examples of pitch", "Training pitch");
    assertThat(vm.sourceProperty().get()).isEqualTo(folders.toAbsolutePath().normalize());
    assertThat(vm.counts()).extracting(RetrainViewModel.LabelCount::examples).containsExactly(4, 4);
    HeadRegistry.Version v2 = vm.selectedProperty().get();
    assertThat(v2.card().id()).isEqualTo("pitch@2");
    assertThat(v2.active()).as("active, as the version it replaces was").isTrue();
    assertThat(v2.card().backbone()).isEqualTo(current);
    assertThat(v2.card().tagField()).isEqualTo("PITCH");
    assertThat(vm.status(v2)).isEqualTo("usable");
    assertThat(vm.selectedNeedsRetrainingProperty().get()).isFalse();
    assertThat(vm.toRetrainProperty().get()).isEmpty();
    assertThat(vm.statusProperty().get())
        .isEqualTo("Registered pitch version 2 (active): heard 8 files, 8 from the cache.");
    assertThat(heads.activeIds()).containsExactly("pitch@2");
    assertThat(heads.applyAll(fresh).heads().get("pitch").labels().get(0).label()).isEqualTo("low");
  }

  @Test
  void retrainingAHeadWhoseFolderIsGoneSaysWhichFolderAndRegistersNothing() throws Exception {
    Path moved = home.resolve("moved away");
    for (String label : List.of("low", "high")) {
      Files.createDirectories(moved.resolve(label));
      try (Stream<Path> s = Files.list(folders.resolve(label))) {
        for (Path p : s.toList()) {
          Files.copy(p, moved.resolve(label).resolve(p.getFileName()));
        }
      }
    }
    vm.load(moved, HeadKind.LABELS);
    vm.train();
    trainedOnAnEarlierModel(vm.selectedProperty().get());
    try (Stream<Path> s = Files.walk(moved)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    vm.refreshVersions();
    assertThat(vm.selectedNeedsRetrainingProperty().get()).isTrue();

    vm.retrainSelected();

    assertThat(vm.problemProperty().get())
        .isEqualTo(
            "Moved-away@1 was trained from the label folder "
                + moved
                + ", which is gone; choose its label folder with \"Labelled folders…\" and train it"
                + " again under the name moved-away.");
    assertThat(vm.statusProperty().get()).isEqualTo("Nothing was registered.");
    assertThat(vm.trainingProperty().get()).isFalse();
    assertThat(vm.versions()).hasSize(1);
    assertThat(new HeadRegistry(home.resolve("models")).versions("moved-away")).hasSize(1);
  }

  private static final String EARLIER = "musetag-base@1.0.0";

  /** Rewrites the card of {@code v} as an earlier Musetag, whose bundled model was musetag-base@1.0.0, wrote it. */
  static void trainedOnAnEarlierModel(HeadRegistry.Version v) throws Exception {
    HeadCard c = v.card();
    new HeadCard(
            c.name(),
            c.version(),
            c.kind(),
            c.created(),
            c.musetagVersion(),
            EARLIER,
            c.outputs(),
            c.tagField(),
            c.data(),
            c.training(),
            c.evaluation(),
            c.trainedFrom())
        .write(v.dir());
  }

  private List<Path> registryEntries() throws Exception {
    Path root = home.resolve("models");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> !p.getFileName().toString().equals(".lock")).toList();
    }
  }

  private Analysis classify(Path file) throws Exception {
    try (PatchPredictor predictor = services.model().model().newPredictor()) {
      return services.model().classifier().classify(file, predictor);
    }
  }
}
