package org.musetag.ui.bulktag;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.library.TagJournal;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/** Every tag batch ever written (from the wizard, a classify card or the command line), each undoable. */
public final class BatchHistoryViewModel {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskRunner runner;
  private final DialogService dialogs;
  private final TagBatches batches;
  private final Supplier<Settings> settings;
  private final ObservableList<TagJournal.Batch> history = FXCollections.observableArrayList();

  public BatchHistoryViewModel(
      TaskRunner runner, DialogService dialogs, TagBatches batches, Supplier<Settings> settings) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.batches = batches;
    this.settings = settings;
  }

  public void refresh() {
    runner.run(
        BackgroundTask.of("Reading the tag history", ctx -> batches.history())
            .onSuccess(history::setAll));
  }

  /** Asks, then restores the tags the batch changed. */
  public void undo(TagJournal.Batch batch) {
    if (!undoable(batch)) {
      return;
    }
    if (!dialogs.confirm(
        "Undo tag batch",
        "Undo batch " + batch.id() + "?",
        "Restores the "
            + Formats.count(batch.written(), "change")
            + " it wrote, where the files still hold what it wrote. Fields changed since are left alone.")) {
      return;
    }
    Settings s = settings.get();
    runner.run(
        BackgroundTask.of("Undoing batch " + batch.id(), ctx -> batches.undo(batch.id(), s, ctx))
            .listed()
            .onSuccess(
                outcome -> {
                  dialogs.showReport(
                      "Undo",
                      String.format(
                          "Restored %s; %d already as they were; %d could not be restored.",
                          Formats.count(outcome.report().written(), "file"),
                          outcome.report().unchanged(),
                          outcome.report().failed()),
                      outcome.problems());
                  refresh();
                })
            .onFailure(e -> dialogs.showError("Undo", UserErrors.describe(e))));
  }

  /**
   * Written changes can be undone, and so can an interrupted batch whatever its counts say (its last file may have
   * been written before the journal could mark it); a batch another live process is writing cannot, yet.
   */
  public static boolean undoable(TagJournal.Batch b) {
    return !"undone".equals(b.state())
        && !b.runningElsewhere()
        && (b.written() > 0 || TagJournal.INTERRUPTED.equals(b.state()));
  }

  /** "2026-01-21 14:25 · 37 changes written · done". */
  public static String describe(TagJournal.Batch b) {
    String when = WHEN.format(Instant.ofEpochMilli(b.createdAt()).atZone(ZoneId.systemDefault()));
    return when
        + " · "
        + Formats.count(b.written(), "change")
        + " written"
        + (b.failed() > 0 ? ", " + b.failed() + " failed" : "")
        + " · "
        + b.state();
  }

  public ObservableList<TagJournal.Batch> history() {
    return history;
  }
}
