package org.musetag.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.musetag.library.AudioFiles;
import org.musetag.library.ScanReport;
import org.musetag.ml.BundledModel;
import org.musetag.ml.PatchModel;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.JobReport;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.task.ActiveJob;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * The main window's state: what the status bar says (inference device, active model, running jobs, the last job's
 * outcome) and the window-wide actions: add folders (menu, Ctrl+O, or dropped) → scan → analyze, and dropped audio
 * files → classify.
 */
public final class MainWindowViewModel {
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final BundledModel models;
  private final LibraryJobs jobs;
  private final ObservableList<ActiveJob> activeJobs;
  private final ReadOnlyStringWrapper device =
      new ReadOnlyStringWrapper("Inference: loading the model…");
  private final ReadOnlyStringWrapper deviceNotice = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper gpu = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("Model: –");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
  private final ReadOnlyStringWrapper otherModels = new ReadOnlyStringWrapper("");
  private final ObjectProperty<JobReport> lastReport = new SimpleObjectProperty<>();
  private final ObservableList<String> modelGenres =
      javafx.collections.FXCollections.observableArrayList();
  private Consumer<List<Path>> classifier = files -> {};

  public MainWindowViewModel(
      TaskRunner runner,
      DialogService dialogs,
      BundledModel models,
      LibraryJobs jobs,
      ObservableList<ActiveJob> activeJobs) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.models = models;
    this.jobs = jobs;
    this.activeJobs = activeJobs;
  }

  /** Loads the model in the background so the status bar can name the device; the window is usable meanwhile. */
  public void start() {
    refreshOtherModels();
    runner.run(
        BackgroundTask.of("Loading the model", ctx -> models.model())
            .onSuccess(this::showModel)
            .onFailure(
                e -> {
                  device.set("Inference: unavailable");
                  deviceNotice.set(UserErrors.describe(e));
                }));
  }

  void showModel(PatchModel m) {
    device.set("Inference: " + m.device().description());
    gpu.set(m.device().gpu());
    deviceNotice.set(m.device().notice());
    model.set("Model: " + m.id());
    modelGenres.setAll(m.genres());
  }

  /**
   * Counts the tracks heard only by another model than the bundled one (after an upgrade) for the status bar, in
   * the background; called at start and whenever the library changed.
   */
  public void refreshOtherModels() {
    runner.run(
        BackgroundTask.of(
                "Counting tracks heard by an older model", ctx -> jobs.heardByOtherModels())
            .onSuccess(
                o ->
                    otherModels.set(
                        o.tracks() == 0
                            ? ""
                            : Formats.count(o.tracks(), "track") + " heard by an older model"))
            .onFailure(e -> otherModels.set("")));
  }

  /**
   * The status bar's "Hear again": analyses the tracks an older model heard (and any not heard yet) as a listed,
   * cancellable job; resumable like every analysis, so stopping it loses nothing.
   */
  public void hearAgain() {
    analyze();
  }

  /** Menu or Ctrl+O: asks for a folder and adds it. */
  public void chooseFolder() {
    dialogs.chooseFolder("Add a folder to the library").ifPresent(p -> addFolders(List.of(p)));
  }

  /** Dropped paths: folders are added to the library, audio files are classified. */
  public void drop(List<Path> paths) {
    List<Path> folders = paths.stream().filter(Files::isDirectory).toList();
    List<Path> files =
        paths.stream().filter(p -> !Files.isDirectory(p) && AudioFiles.looksLikeAudio(p)).toList();
    if (!folders.isEmpty()) {
      addFolders(folders);
    }
    if (!files.isEmpty()) {
      classifier.accept(files);
    }
    if (folders.isEmpty() && files.isEmpty()) {
      status.set(
          "Nothing to do with what was dropped: drop audio files to classify them, or folders to add them.");
    }
  }

  /** Scans the folders into the library, then analyses what is new. */
  public void addFolders(List<Path> roots) {
    runner.run(
        BackgroundTask.of("Scanning " + roots.get(0).getFileName(), ctx -> jobs.scan(roots, ctx))
            .listed()
            .onSuccess(
                report -> {
                  finished(scanReport(report));
                  if (report.added() + report.updated() + report.moved() > 0
                      && !report.cancelled()) {
                    analyze();
                  }
                }));
  }

  /** Analyses every track the model has not heard yet (resumable). */
  public void analyze() {
    runner.run(
        BackgroundTask.of("Analysing", ctx -> jobs.analyze(ctx, LibraryJobs.NO_LISTENER))
            .listed()
            .onSuccess(
                a -> {
                  refreshOtherModels();
                  finished(
                      new JobReport(
                          "Analysis",
                          String.format(
                              "Analysed %s%s: %d failed, %d were up to date.",
                              Formats.count(a.report().analysed(), "track"),
                              a.report().cancelled() ? " before you stopped it" : "",
                              a.report().failed(),
                              a.report().skipped()),
                          a.problems()));
                }));
  }

  static JobReport scanReport(ScanReport r) {
    return new JobReport(
        "Scan",
        String.format(
            "Scanned %s%s: %d added, %d updated, %d unchanged, %d unreadable," + " %d missing.",
            Formats.count(r.files(), "file"),
            r.cancelled() ? " (stopped)" : "",
            r.added(),
            r.updated(),
            r.unchanged(),
            r.unreadable(),
            r.missing()),
        r.problems());
  }

  private void finished(JobReport report) {
    lastReport.set(report);
    status.set(
        report.summary()
            + (report.problems().isEmpty()
                ? ""
                : " "
                    + Formats.count(report.problems().size(), "problem")
                    + " listed in the details."));
  }

  /** Shows the last job's report with every problem. */
  public void showLastReport() {
    JobReport r = lastReport.get();
    if (r != null) {
      dialogs.showReport(r.title(), r.summary(), r.problems());
    }
  }

  /** Help → About: what this is, under which licence, what it runs on, and that it never goes online. */
  public void showAbout() {
    dialogs.showInfo(
        "About Musetag",
        aboutText(
            org.musetag.app.Version.current(), model.get(), device.get(), deviceNotice.get()));
  }

  static String aboutText(String version, String model, String device, String notice) {
    return "Musetag "
        + version
        + " — a music tagger that listens to the music itself.\n\n"
        + "Model: "
        + (model == null || model.isBlank() ? "not loaded yet" : model)
        + ", running on "
        + (device == null || device.isBlank() ? "the CPU" : device)
        + "."
        + (notice == null || notice.isBlank() ? "" : "\n" + notice + ".")
        + "\nThe model card (what it learned from, how well it does per class, its limits) is"
        + " models/musetag-base.card.md in the source.\n\n"
        + "Musetag works offline: it never opens a network connection. Your library, trained heads and settings"
        + " stay in your data folder; tags it writes are journalled and can be undone.\n\n"
        + "Free software under the GNU General Public License, version 3 or later. Built with JavaFX, FFmpeg"
        + " (JavaCV), ONNX Runtime (DJL), Tribuo, JAudioTagger, TarsosDSP, SQLite and picocli.";
  }

  public void setClassifier(Consumer<List<Path>> classifier) {
    this.classifier = classifier;
  }

  /** The loaded model's genre labels (empty until it is loaded). */
  public ObservableList<String> modelGenres() {
    return modelGenres;
  }

  public ObservableList<ActiveJob> activeJobs() {
    return activeJobs;
  }

  public ReadOnlyStringProperty deviceProperty() {
    return device.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty deviceNoticeProperty() {
    return deviceNotice.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty gpuProperty() {
    return gpu.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty modelProperty() {
    return model.getReadOnlyProperty();
  }

  /** "312 tracks heard by an older model", or empty when every heard track was heard by the bundled model. */
  public ReadOnlyStringProperty otherModelsProperty() {
    return otherModels.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ObjectProperty<JobReport> lastReportProperty() {
    return lastReport;
  }
}
