package org.musetag.ui.retrain;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.ml.BundledModel;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.input.TrainingItem;
import org.musetag.ml.heads.training.DataSummary;
import org.musetag.ml.heads.training.HeadTraining;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.services.ActiveHeads;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskContext;
import org.musetag.ui.task.TaskHandle;
import org.musetag.ui.task.TaskRunner;
import org.musetag.ui.task.WorkerPool;

/**
 * The expert pane: choose a folder of label folders (or a CSV of valence/arousal ratings), see the examples per
 * label and the warnings before anything is decoded, train a head with progress and cancel, read its
 * cross-validated scores and confusion matrix, and activate, roll back or delete versions. Refusals (an empty
 * folder, one label, no readable file) are shown in the pane, and nothing is registered. A head trained on an earlier
 * bundled model is listed as needing retraining (as {@code musetag models list} says) and is not applied; Retrain
 * trains it again on the bundled model from the folder or CSV its card keeps, as {@code musetag train --retrain}.
 */
public final class RetrainViewModel {
  /** How many examples one label folder holds, and what is wrong with that, if anything. */
  public record LabelCount(String label, int examples, String warning) {}

  private final TaskRunner runner;
  private final DialogService dialogs;
  private final RetrainJobs jobs;
  private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
  private final ObjectProperty<HeadKind> kind = new SimpleObjectProperty<>(HeadKind.LABELS);
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty tagField = new SimpleStringProperty("");
  private final BooleanProperty activateWhenDone = new SimpleBooleanProperty(false);
  private final ObservableList<LabelCount> counts = FXCollections.observableArrayList();
  private final ObservableList<String> warnings = FXCollections.observableArrayList();
  private final StringProperty problem = new SimpleStringProperty("");
  private final BooleanProperty ready = new SimpleBooleanProperty();
  private final BooleanProperty training = new SimpleBooleanProperty();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty status =
      new SimpleStringProperty("Choose a folder whose sub-folders are your labels.");
  private final ObservableList<HeadRegistry.Version> versions = FXCollections.observableArrayList();
  private final ObjectProperty<HeadRegistry.Version> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<HeadCard> shownCard = new SimpleObjectProperty<>();
  private final BooleanProperty selectedNeedsRetraining = new SimpleBooleanProperty();
  private final StringProperty toRetrain = new SimpleStringProperty("");
  private String bundledModel;
  private TrainingInput input;
  private TaskHandle running;

  /** The pane's view model, training through {@code gateway}'s library and registering in {@code heads}' registry. */
  public static RetrainViewModel create(
      TaskRunner runner,
      DialogService dialogs,
      LibraryGateway gateway,
      BundledModel model,
      WorkerPool workers,
      Supplier<Settings> settings,
      ActiveHeads heads) {
    return new RetrainViewModel(
        runner, dialogs, new RetrainJobs(gateway, model, workers, settings, heads));
  }

  RetrainViewModel(TaskRunner runner, DialogService dialogs, RetrainJobs jobs) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.jobs = jobs;
    selected.addListener(
        (o, was, now) -> {
          shownCard.set(now == null ? null : now.card());
          selectedNeedsRetraining.set(now != null && needsRetraining(now));
        });
  }

  /** Asks for a folder of label folders and reads it. */
  public void chooseFolder() {
    dialogs
        .chooseFolder("Folder with one sub-folder per label")
        .ifPresent(dir -> load(dir, HeadKind.LABELS));
  }

  /** Asks for a CSV of path,valence,arousal and reads it. */
  public void chooseRatings() {
    dialogs
        .chooseOpenFile("Ratings: a CSV of path,valence,arousal", "csv")
        .ifPresent(f -> load(f, HeadKind.REGRESSION));
  }

  /** Reads the folder or CSV (no decoding) and shows its counts and warnings; the name defaults to the folder's. */
  public void load(Path path, HeadKind what) {
    source.set(path);
    kind.set(what);
    ready.set(false);
    counts.clear();
    warnings.clear();
    problem.set("");
    if (name.get().isBlank()) {
      name.set(suggestedName(path));
    }
    status.set("Reading " + path + " …");
    runner.run(
        BackgroundTask.of("Reading the training data", ctx -> jobs.read(path, what))
            .onSuccess(this::showInput)
            .onFailure(e -> refused(e)));
  }

  private void showInput(TrainingInput read) {
    input = read;
    counts.setAll(countsOf(read));
    warnings.setAll(read.warnings());
    counts.stream()
        .filter(c -> c.warning() != null)
        .forEach(c -> warnings.add(c.label() + ": " + c.warning()));
    ready.set(true);
    status.set(
        read.items().size()
            + " files"
            + (read.kind() == HeadKind.LABELS ? " in " + counts.size() + " labels" : " rated")
            + ". Files that cannot be decoded and duplicates are found while listening.");
  }

  /** Examples per label (regression: one line), flagged when fewer than 10 or far fewer than the largest label. */
  static List<LabelCount> countsOf(TrainingInput input) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (TrainingItem item : input.items()) {
      n.merge(item.label() == null ? "rated" : item.label(), 1, Integer::sum);
    }
    int largest = n.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<LabelCount> out = new ArrayList<>();
    n.forEach(
        (label, k) -> {
          String warning = null;
          if (k < DataSummary.FEW_EXAMPLES) {
            warning =
                "only "
                    + k
                    + (k == 1 ? " example" : " examples")
                    + " (fewer than "
                    + DataSummary.FEW_EXAMPLES
                    + "): its scores will be unreliable";
          } else if (largest > DataSummary.HEAVY_IMBALANCE * k) {
            warning =
                String.format(
                    Locale.ROOT,
                    "%d examples, %.0f× fewer than the largest label",
                    k,
                    (double) largest / k);
          }
          out.add(new LabelCount(label, k, warning));
        });
    return out;
  }

  /** Trains a new version in the background; progress and a cancel button show in the status bar too. */
  public void train() {
    if (input == null || training.get()) {
      return;
    }
    String field = tagField.get().isBlank() ? null : tagField.get().strip();
    train(new HeadTraining.Request(name.get().strip(), input, field), activateWhenDone.get());
  }

  /**
   * Trains the selected head again on the bundled model, from the folder or CSV and the tag field its card keeps: the
   * pane shows them (and their counts) as if chosen, then trains as {@link #train} does, with progress and cancel.
   * The new version is active when the one retrained was (or when "Activate when trained" is ticked). When the
   * card's folder or CSV is gone, the pane says which and registers nothing.
   */
  public void retrainSelected() {
    HeadRegistry.Version v = selected.get();
    if (v == null || training.get()) {
      return;
    }
    problem.set("");
    status.set("Reading the examples " + v.card().id() + " was trained on …");
    runner.run(
        BackgroundTask.of("Reading the examples of " + v.name(), ctx -> jobs.retraining(v.name()))
            .onSuccess(
                plan -> {
                  HeadTraining.Request request = plan.request();
                  source.set(Path.of(request.input().source()));
                  kind.set(request.input().kind());
                  name.set(request.name());
                  tagField.set(request.tagField() == null ? "" : request.tagField());
                  showInput(request.input());
                  train(request, plan.from().active() || activateWhenDone.get());
                })
            .onFailure(this::refused));
  }

  private void train(HeadTraining.Request request, boolean activate) {
    TrainingInput input = request.input();
    training.set(true);
    problem.set("");
    progress.set(0);
    status.set("Listening to " + input.items().size() + " files …");
    running =
        runner.run(
            BackgroundTask.of(
                    "Training " + request.name(),
                    ctx -> {
                      TaskContext shown = new PaneContext(ctx);
                      shown.progress(0, input.items().size());
                      return jobs.train(request, activate, shown, this::showData);
                    })
                .onSuccess(this::trained)
                .onFailure(
                    e -> {
                      training.set(false);
                      refused(e);
                    })
                .listed());
  }

  /** Stops training after the files in hand; what was heard stays cached for the next run. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  /** Reports to the status bar's job and to the pane's own progress bar and status line. */
  private final class PaneContext implements TaskContext {
    private final TaskContext task;

    PaneContext(TaskContext task) {
      this.task = task;
    }

    @Override
    public void progress(double done, double total) {
      task.progress(done, total);
      task.publish(() -> progress.set(total > 0 ? done / total : -1));
    }

    @Override
    public void message(String message) {
      task.message(message);
      task.publish(() -> status.set(message));
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelled();
    }

    @Override
    public void publish(Runnable uiUpdate) {
      task.publish(uiUpdate);
    }
  }

  private void showData(DataSummary data) {
    counts.setAll(
        data.counts().entrySet().stream()
            .map(e -> new LabelCount(e.getKey(), e.getValue(), null))
            .toList());
    warnings.setAll(data.warnings());
  }

  private void trained(HeadTraining.Result r) {
    training.set(false);
    progress.set(1);
    status.set(
        String.format(
            Locale.ROOT,
            "Registered %s version %d (%s): heard %d files, %d from the cache.",
            r.version().name(),
            r.version().version(),
            r.version().active() ? "active" : "not active yet",
            r.cached() + r.computed(),
            r.cached()));
    refreshVersions(r.version().name(), r.version().version());
  }

  private void refused(Throwable e) {
    problem.set(UserErrors.describe(e));
    status.set("Nothing was registered.");
  }

  /** Reads the registry again, selecting {@code name} version {@code version} when given. */
  public void refreshVersions() {
    HeadRegistry.Version s = selected.get();
    refreshVersions(s == null ? null : s.name(), s == null ? 0 : s.version());
  }

  private void refreshVersions(String keepName, int keepVersion) {
    runner.run(
        BackgroundTask.of("Reading the trained heads", ctx -> jobs.versions())
            .onSuccess(
                read -> {
                  List<HeadRegistry.Version> list = read.versions();
                  bundledModel = read.bundledModel();
                  toRetrain.set(toRetrainLine(list));
                  versions.setAll(list);
                  selected.set(
                      list.stream()
                          .filter(v -> v.name().equals(keepName) && v.version() == keepVersion)
                          .findFirst()
                          .orElse(list.isEmpty() ? null : list.get(list.size() - 1)));
                  HeadRegistry.Version now = selected.get();
                  selectedNeedsRetraining.set(now != null && needsRetraining(now));
                }));
  }

  /**
   * "usable", or "needs retraining (trained on musetag-base@1.0.0)" for a version of a head made on an earlier
   * bundled model; empty until the registry was read.
   */
  public String status(HeadRegistry.Version v) {
    return bundledModel == null ? "" : v.card().status(bundledModel);
  }

  private boolean needsRetraining(HeadRegistry.Version v) {
    return bundledModel != null && v.card().needsRetraining(bundledModel);
  }

  /**
   * Names the heads not applied because the version in use (the active one, else the newest) was trained on another
   * model, the same version {@link #retrainSelected} trains again from.
   */
  private String toRetrainLine(List<HeadRegistry.Version> list) {
    Map<String, HeadRegistry.Version> inUse = new java.util.TreeMap<>();
    for (HeadRegistry.Version v : list) {
      HeadRegistry.Version kept = inUse.get(v.name());
      if (kept == null || !kept.active() && (v.active() || v.version() > kept.version())) {
        inUse.put(v.name(), v);
      }
    }
    List<String> stale =
        inUse.values().stream().filter(this::needsRetraining).map(v -> v.card().id()).toList();
    if (stale.isEmpty()) {
      return "";
    }
    return String.join(", ", stale)
        + (stale.size() == 1 ? " was" : " were")
        + " trained on an earlier model than "
        + bundledModel
        + " and "
        + (stale.size() == 1 ? "is" : "are")
        + " not applied: select "
        + (stale.size() == 1 ? "it" : "each")
        + " and click Retrain.";
  }

  /** Makes the selected version the active one: classify, the library, the circumplex and tagging use it. */
  public void activateSelected() {
    HeadRegistry.Version v = selected.get();
    if (v != null) {
      change("Activating " + v.card().id(), () -> jobs.activate(v.name(), v.version()), v);
    }
  }

  /** Goes back to what was active before the last activation of the selected head (possibly none). */
  public void rollbackSelected() {
    HeadRegistry.Version v = selected.get();
    if (v != null) {
      change("Rolling back " + v.name(), () -> jobs.rollback(v.name()), v);
    }
  }

  /** Deletes the selected version after asking; the active version cannot be deleted. */
  public void deleteSelected() {
    HeadRegistry.Version v = selected.get();
    if (v != null
        && dialogs.confirm(
            "Delete a trained head",
            "Delete " + v.card().id() + "?",
            "Its ONNX file and model card are removed from "
                + v.dir()
                + ". This cannot be undone.")) {
      change("Deleting " + v.card().id(), () -> jobs.delete(v.name(), v.version()), null);
    }
  }

  private interface Change {
    void run() throws Exception;
  }

  private void change(String title, Change change, HeadRegistry.Version keep) {
    runner.run(
        BackgroundTask.of(
                title,
                ctx -> {
                  change.run();
                  return null;
                })
            .onSuccess(
                x -> {
                  status.set(title + ": done.");
                  refreshVersions(
                      keep == null ? null : keep.name(), keep == null ? 0 : keep.version());
                })
            .onFailure(e -> problem.set(UserErrors.describe(e))));
  }

  static String suggestedName(Path path) {
    Path file = path.getFileName();
    String base = file == null ? "" : file.toString().replaceFirst("\\.[^.]*$", "");
    base = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String cleaned = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return cleaned.isEmpty()
        ? "my-labels"
        : cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }

  public Optional<TrainingInput> input() {
    return Optional.ofNullable(input);
  }

  public ObjectProperty<Path> sourceProperty() {
    return source;
  }

  public ObjectProperty<HeadKind> kindProperty() {
    return kind;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty tagFieldProperty() {
    return tagField;
  }

  public BooleanProperty activateWhenDoneProperty() {
    return activateWhenDone;
  }

  public ObservableList<LabelCount> counts() {
    return counts;
  }

  public ObservableList<String> warnings() {
    return warnings;
  }

  /** Why the data or the training was refused; empty when nothing is wrong. */
  public StringProperty problemProperty() {
    return problem;
  }

  /** True once data was read and can be trained on. */
  public BooleanProperty readyProperty() {
    return ready;
  }

  public BooleanProperty trainingProperty() {
    return training;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObservableList<HeadRegistry.Version> versions() {
    return versions;
  }

  public ObjectProperty<HeadRegistry.Version> selectedProperty() {
    return selected;
  }

  /** True when the selected version was trained on another model than the bundled one: Retrain is offered. */
  public BooleanProperty selectedNeedsRetrainingProperty() {
    return selectedNeedsRetraining;
  }

  /** Which heads are not applied until retrained on the bundled model, and what to do; empty when none. */
  public StringProperty toRetrainProperty() {
    return toRetrain;
  }

  /** The model card whose scores the pane shows: the selected version's. */
  public ObjectProperty<HeadCard> shownCardProperty() {
    return shownCard;
  }
}
