package org.musetag.ui.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.jobs.ClassifyJob;
import org.musetag.ml.Analysis;
import org.musetag.ml.BundledModel;
import org.musetag.ml.TrackClassifier;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.MelPicture;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * Drag-and-drop classification: every dropped file gets a card at once, then the model classifies them in the
 * background (workers as set in Settings) and each card fills in as its result arrives, with the mel spectrogram the
 * model heard (its patches side by side), computed once by the classifier rather than decoded again for the card.
 */
public final class ClassifyViewModel {
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final BundledModel models;
  private final Supplier<ExecutorService> workers;
  private final TagBatches batches;
  private final Supplier<Settings> settings;
  private Function<Analysis, HeadedAnalysis> heads = a -> new HeadedAnalysis(a, Map.of());
  private java.util.function.BiConsumer<Path, Analysis> findSimilar = (f, a) -> {};
  private final ObservableList<ClassifyCardViewModel> cards = FXCollections.observableArrayList();

  public ClassifyViewModel(
      TaskRunner runner,
      DialogService dialogs,
      BundledModel models,
      Supplier<ExecutorService> workers,
      TagBatches batches,
      Supplier<Settings> settings) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.models = models;
    this.workers = workers;
    this.batches = batches;
    this.settings = settings;
  }

  /** What a card's "Find similar" does with its file and the bundled model's analysis of it. */
  public void setFindSimilar(java.util.function.BiConsumer<Path, Analysis> findSimilar) {
    this.findSimilar = findSimilar;
  }

  /** Applies the user's active trained heads to each new classification (none by default). */
  public void setHeads(Function<Analysis, HeadedAnalysis> heads) {
    this.heads = heads;
  }

  /** Ctrl+Shift+O: asks for files and classifies them. */
  public void chooseFiles() {
    List<Path> files = dialogs.chooseAudioFiles("Classify audio files");
    if (!files.isEmpty()) {
      classify(files);
    }
  }

  /** Adds a card per file (newest first) and classifies them in the background. */
  public void classify(List<Path> files) {
    List<ClassifyCardViewModel> added = new ArrayList<>();
    for (Path f : files) {
      ClassifyCardViewModel card = new ClassifyCardViewModel(f, runner, dialogs, batches, settings);
      card.setFindSimilar((file, analysis) -> findSimilar.accept(file, analysis));
      added.add(card);
    }
    cards.addAll(0, added);
    int threads = Math.max(1, Math.min(settings.get().threads(), files.size()));
    runner.run(
        BackgroundTask.of(
                "Classifying " + Formats.count(files.size(), "file"),
                ctx -> {
                  ctx.message("Loading the model");
                  TrackClassifier classifier = models.classifier();
                  Set<Path> finished = new HashSet<>();
                  int[] done = {0};
                  new ClassifyJob(classifier, workers.get(), threads)
                      .keepingMel()
                      .run(
                          files,
                          outcome -> {
                            ClassifyCardViewModel card = added.get(done[0]);
                            if (outcome.analysis() != null) {
                              MelPicture mel =
                                  outcome.mel() == null ? null : MelPicture.of(outcome.mel());
                              HeadedAnalysis headed = heads.apply(outcome.analysis());
                              ctx.publish(() -> card.show(outcome.analysis(), headed, mel));
                            } else {
                              String why = outcome.error();
                              ctx.publish(() -> card.fail(why));
                            }
                            finished.add(outcome.file());
                            ctx.progress(++done[0], files.size());
                            ctx.message("Classified " + done[0] + " of " + files.size());
                          },
                          ctx::isCancelled);
                  for (ClassifyCardViewModel card : added.subList(done[0], added.size())) {
                    ctx.publish(() -> card.fail("Stopped before this file was classified."));
                  }
                  return finished.size();
                })
            .listed()
            .onFailure(
                e -> {
                  String why = UserErrors.describe(e);
                  added.forEach(c -> c.fail(why));
                }));
  }

  public void clear() {
    cards.clear();
  }

  public ObservableList<ClassifyCardViewModel> cards() {
    return cards;
  }
}
