package org.musetag.ui.bulktag;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.jobs.JobListener;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.library.ScanReport;
import org.musetag.settings.Settings;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.ProgressRate;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskHandle;
import org.musetag.ui.task.TaskRunner;

/**
 * The bulk-tag wizard: folders → scan and analyze (progress, rate, time left, cancel, resume later) → a preview of
 * every change with include/exclude per file and a policy per field → write as one journalled batch → a report
 * with Undo.
 */
public final class BulkTagViewModel {
  /** The wizard's steps, in order. */
  public enum Step {
    FOLDERS,
    ANALYSE,
    PREVIEW,
    REPORT
  }

  private final TaskRunner runner;
  private final DialogService dialogs;
  private final LibraryJobs jobs;
  private final TagBatches batches;
  private final ObservableValue<Settings> settings;
  private final Runnable historyChanged;
  private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.FOLDERS);
  private final ObservableList<Path> folders = FXCollections.observableArrayList();
  private final DoubleProperty progress = new SimpleDoubleProperty(-1);
  private final StringProperty progressText = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty stopped = new SimpleBooleanProperty();
  private final ObjectProperty<WritePolicy> genrePolicy = new SimpleObjectProperty<>();
  private final ObjectProperty<WritePolicy> moodPolicy = new SimpleObjectProperty<>();
  private final ChangePreview preview = new ChangePreview();
  private final StringProperty reportText = new SimpleStringProperty("");
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final BooleanProperty canUndo = new SimpleBooleanProperty();
  private final StringProperty validation = new SimpleStringProperty("");
  private String model;
  private String batchId;
  private TaskHandle current;

  public BulkTagViewModel(
      TaskRunner runner,
      DialogService dialogs,
      LibraryJobs jobs,
      TagBatches batches,
      ObservableValue<Settings> settings,
      Runnable historyChanged) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.jobs = jobs;
    this.batches = batches;
    this.settings = settings;
    this.historyChanged = historyChanged;
    genrePolicy.set(settings.getValue().policies().get(TagField.GENRE));
    moodPolicy.set(settings.getValue().policies().get(TagField.MOOD));
    genrePolicy.addListener((o, was, now) -> replan());
    moodPolicy.addListener((o, was, now) -> replan());
  }

  public void chooseFolder() {
    dialogs.chooseFolder("Choose a folder to tag").ifPresent(this::addFolder);
  }

  public void addFolder(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    if (!folders.contains(abs)) {
      folders.add(abs);
    }
    validation.set("");
  }

  public void removeFolder(Path folder) {
    folders.remove(folder);
  }

  /** Step 2: scans the folders and analyses what the model has not heard yet. */
  public void start() {
    if (folders.isEmpty()) {
      validation.set("Choose at least one folder to tag.");
      return;
    }
    List<Path> roots = List.copyOf(folders);
    step.set(Step.ANALYSE);
    running.set(true);
    stopped.set(false);
    progress.set(-1);
    progressText.set("Scanning " + Formats.count(roots.size(), "folder") + "…");
    current =
        runner.run(
            BackgroundTask.of(
                    "Bulk tag: scan and analyse",
                    ctx -> {
                      ScanReport scan = jobs.scan(roots, ctx);
                      if (ctx.isCancelled()) {
                        return null;
                      }
                      ProgressRate rate = new ProgressRate(System.nanoTime(), "tracks");
                      return new Heard(
                          scan,
                          jobs.analyze(
                              ctx,
                              new JobListener() {
                                @Override
                                public void progress(int done, int total) {
                                  String text =
                                      "Analysed " + rate.describe(done, total, System.nanoTime());
                                  ctx.publish(
                                      () -> {
                                        progress.set(total == 0 ? 1 : done / (double) total);
                                        progressText.set(text);
                                      });
                                }

                                @Override
                                public void problem(Path file, String reason) {}
                              },
                              roots));
                    })
                .listed()
                .onSuccess(this::analysed)
                .onFailure(this::failed));
  }

  /** What step 2 did: the scan (with the files it could not read) and the analysis (with its problems). */
  private record Heard(ScanReport scan, LibraryJobs.Analysis analysis) {}

  private void analysed(Heard heard) {
    LibraryJobs.Analysis a = heard == null ? null : heard.analysis();
    running.set(false);
    if (a == null || a.report().cancelled()) {
      stopped.set(true);
      progressText.set(
          "Stopped"
              + (a == null
                  ? " while scanning"
                  : " after analysing " + Formats.count(a.report().analysed(), "track"))
              + ". Everything done so far is kept: Resume goes on"
              + " from there, now or another day.");
      return;
    }
    // As 'musetag scan' and 'analyze' print them: the files not read, then those heard although not
    // quite right.
    problems.setAll(heard.scan().problems());
    problems.addAll(a.problems());
    preview();
  }

  /** Stops the running step at the next file; work done so far is kept. */
  public void cancel() {
    if (current != null) {
      current.cancel();
    }
  }

  /** Goes on after a stop: the scan is incremental and analysis skips what is done. */
  public void resume() {
    start();
  }

  /** Step 3: plans every change under the current policies. */
  public void preview() {
    running.set(
        true); // before the step, so "preview step and not running" only ever means the preview is
    // shown
    step.set(Step.PREVIEW);
    preview.say("Reading the tags the files hold now…");
    Settings s = effectiveSettings();
    List<Path> roots = List.copyOf(folders);
    current =
        runner.run(
            BackgroundTask.of("Bulk tag: preview", ctx -> batches.plan(roots, s, ctx))
                .onSuccess(
                    p -> {
                      running.set(false);
                      model = p.model();
                      preview.show(p.plans());
                    })
                .onFailure(this::failed));
  }

  private void replan() {
    if (step.get() == Step.PREVIEW && !running.get()) {
      preview();
    }
  }

  Settings effectiveSettings() {
    return settings
        .getValue()
        .withPolicy(TagField.GENRE, genrePolicy.get())
        .withPolicy(TagField.MOOD, moodPolicy.get());
  }

  /** Includes or excludes every file at once. */
  public void includeAll(boolean include) {
    preview.includeAll(include);
  }

  /** Step 4: writes the chosen changes as one batch and reports. */
  public void write() {
    List<FilePlan> chosen = preview.chosen();
    if (chosen.isEmpty()) {
      validation.set("Nothing is chosen to write.");
      return;
    }
    Settings s = effectiveSettings();
    running.set(true);
    current =
        runner.run(
            BackgroundTask.of("Bulk tag: writing", ctx -> batches.write(chosen, model, s, ctx))
                .listed()
                .onSuccess(
                    outcome -> {
                      running.set(false);
                      batchId = outcome.report().batchId();
                      var r = outcome.report();
                      reportText.set(
                          String.format(
                              "Batch %s: wrote %s, %d failed%s. Every change is journalled; Undo restores"
                                  + " the tags as they were.",
                              r.batchId(),
                              Formats.count(r.written(), "file"),
                              r.failed(),
                              r.cancelled() ? ", stopped before the end" : ""));
                      problems.setAll(outcome.problems());
                      canUndo.set(r.written() > 0);
                      step.set(Step.REPORT);
                      historyChanged.run();
                    })
                .onFailure(this::failed));
  }

  /** Undoes the batch just written. */
  public void undo() {
    if (batchId == null || !canUndo.get()) {
      return;
    }
    running.set(true);
    Settings s = effectiveSettings();
    current =
        runner.run(
            BackgroundTask.of("Bulk tag: undo", ctx -> batches.undo(batchId, s, ctx))
                .listed()
                .onSuccess(
                    outcome -> {
                      running.set(false);
                      canUndo.set(false);
                      reportText.set(
                          String.format(
                              "Undone: restored %s, %d left as they were, %d could not be restored.",
                              Formats.count(outcome.report().written(), "file"),
                              outcome.report().unchanged(),
                              outcome.report().failed()));
                      problems.setAll(outcome.problems());
                      historyChanged.run();
                    })
                .onFailure(this::failed));
  }

  /** Back to step 1 for another run. */
  public void restart() {
    step.set(Step.FOLDERS);
    preview.clear();
    problems.clear();
    canUndo.set(false);
    stopped.set(false);
    progressText.set("");
  }

  private void failed(Throwable e) {
    running.set(false);
    dialogs.showError("Bulk tag", UserErrors.describe(e));
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step.getReadOnlyProperty();
  }

  public ObservableList<Path> folders() {
    return folders;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  public BooleanProperty stoppedProperty() {
    return stopped;
  }

  public ObjectProperty<WritePolicy> genrePolicyProperty() {
    return genrePolicy;
  }

  public ObjectProperty<WritePolicy> moodPolicyProperty() {
    return moodPolicy;
  }

  public ObservableList<PreviewRow> rows() {
    return preview.rows();
  }

  public StringProperty previewSummaryProperty() {
    return preview.summaryProperty();
  }

  public StringProperty reportTextProperty() {
    return reportText;
  }

  public ObservableList<String> problems() {
    return problems;
  }

  public BooleanProperty canUndoProperty() {
    return canUndo;
  }

  public StringProperty validationProperty() {
    return validation;
  }
}
