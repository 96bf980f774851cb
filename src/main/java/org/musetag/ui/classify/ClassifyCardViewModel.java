package org.musetag.ui.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.jobs.TagProposal;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.Quadrant;
import org.musetag.ml.heads.HeadOutput;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.settings.Settings;
import org.musetag.tags.TagChange;
import org.musetag.ui.dialog.ChangeLine;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.MelPicture;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * One dropped file: waiting, then what the model heard (genre probabilities, quadrant, valence/arousal,
 * confidence, the mel spectrogram it listened to) or why it could not, and "Write tags", which shows the exact
 * change and writes it as a one-file, undoable batch. What it says is wrong with the file (the notes of a file heard
 * although cut short, misnamed or with damaged tags; why one cannot be heard or tagged) are the command line's own
 * sentences for that file, from the same source, so the app and {@code musetag classify} / {@code tag --dry-run}
 * never tell a user two different things.
 */
public final class ClassifyCardViewModel {
  private java.util.function.BiConsumer<Path, Analysis> findSimilar = (f, a) -> {};

  /** Where a card is. */
  public enum State {
    WAITING,
    DONE,
    FAILED
  }

  /** Genres shown as bars. */
  static final int BARS = 5;

  private final Path file;
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final TagBatches batches;
  private final Supplier<Settings> settings;
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
  private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
  private Analysis bundled;
  private final ObjectProperty<MelPicture> picture = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Listening…");
  private final ReadOnlyStringWrapper writeStatus = new ReadOnlyStringWrapper("");
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
  private final ReadOnlyObjectWrapper<Boolean> writing = new ReadOnlyObjectWrapper<>(false);

  ClassifyCardViewModel(
      Path file,
      TaskRunner runner,
      DialogService dialogs,
      TagBatches batches,
      Supplier<Settings> settings) {
    this.file = file;
    this.runner = runner;
    this.dialogs = dialogs;
    this.batches = batches;
    this.settings = settings;
  }

  void show(Analysis a, MelPicture mel) {
    show(a, new HeadedAnalysis(a, Map.of()), mel);
  }

  /**
   * Shows the analysis with the active heads applied; each active label head adds a line with its most likely
   * labels. Writing plans from the bundled model's own analysis, applying the heads there (as tagging does).
   */
  void show(Analysis bundled, HeadedAnalysis headed, MelPicture mel) {
    Analysis a = headed.analysis();
    Map<String, HeadOutput> heads = headed.heads();
    this.bundled = bundled;
    analysis.set(a);
    picture.set(mel);
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s · %s · confidence %s",
                a.quadrant(),
                String.join(", ", Quadrant.valueOf(a.quadrant()).words()),
                Formats.percent(a.confidence())));
    if (a.tempoKey().tempo() != null || a.tempoKey().key() != null) {
      text.append('\n');
      if (a.tempoKey().tempo() != null) {
        text.append(String.format(Locale.ROOT, "%.1f BPM", a.tempoKey().tempo().bpm()));
      }
      if (a.tempoKey().key() != null) {
        text.append(a.tempoKey().tempo() != null ? " · " : "")
            .append(a.tempoKey().key().name())
            .append(" (")
            .append(a.tempoKey().key().camelot())
            .append(')');
      }
    }
    heads.values().stream()
        .filter(h -> !h.labels().isEmpty())
        .forEach(
            h ->
                text.append('\n')
                    .append(h.head())
                    .append(": ")
                    .append(
                        String.join(
                            ", ",
                            h.labels().stream()
                                .limit(3)
                                .map(l -> l.label() + " " + Formats.percent(l.p()))
                                .toList())));
    message.set(text.toString());
    notes.setAll(bundled.notes());
    state.set(State.DONE);
  }

  /** Shows why the file could not be heard, e.g. {@code ClassifyJob.Outcome.error()}. */
  void fail(String sentence) {
    notes.clear();
    message.set(sentence);
    state.set(State.FAILED);
  }

  /** The most likely genres, as the bars show them: display name and probability. */
  public List<LabelScore> bars() {
    Analysis a = analysis.get();
    if (a == null) {
      return List.of();
    }
    return a.genres().stream()
        .limit(BARS)
        .map(g -> new LabelScore(TagProposal.displayGenre(g.label()), g.p()))
        .toList();
  }

  /** Plans the tags for this file, shows every change, and writes them when the user agrees. */
  public void writeTags() {
    Analysis a = bundled;
    if (a == null || writing.get()) {
      return;
    }
    Settings s = settings.get();
    writing.set(true);
    writeStatus.set("Reading the file's tags…");
    runner.run(
        BackgroundTask.of("Planning tags", ctx -> batches.planFile(file, a, s))
            .onSuccess(plan -> confirmAndWrite(plan, analysis.get().model(), s))
            .onFailure(this::failedWrite));
  }

  private void confirmAndWrite(FilePlan plan, String model, Settings s) {
    if (plan.skipReason() != null) {
      writing.set(false);
      writeStatus.set("Not written: " + plan.skipReason());
      dialogs.showError("Cannot write tags", plan.skipReason());
      return;
    }
    if (plan.changes().isEmpty()) {
      writing.set(false);
      writeStatus.set("The file already holds these tags; nothing to write.");
      return;
    }
    if (!dialogs.confirmChanges(
        "Write tags", "Write these changes into " + file.getFileName() + "?", lines(plan))) {
      writing.set(false);
      writeStatus.set("Not written");
      return;
    }
    writeStatus.set("Writing…");
    runner.run(
        BackgroundTask.of("Writing tags", ctx -> batches.write(List.of(plan), model, s, ctx))
            .onSuccess(
                outcome -> {
                  writing.set(false);
                  if (outcome.report().written() == 1) {
                    writeStatus.set(
                        "Written (batch "
                            + outcome.report().batchId()
                            + "; undo it in Bulk tag → History)");
                  } else {
                    writeStatus.set("Not written");
                    dialogs.showReport(
                        "Write tags", "The tags could not be written.", outcome.problems());
                  }
                })
            .onFailure(this::failedWrite));
  }

  private void failedWrite(Throwable e) {
    writing.set(false);
    writeStatus.set("Not written");
    dialogs.showError("Cannot write tags", UserErrors.describe(e));
  }

  static List<ChangeLine> lines(FilePlan plan) {
    return plan.changes().stream().map(ClassifyCardViewModel::line).toList();
  }

  static ChangeLine line(TagChange c) {
    return ChangeLine.of(c);
  }

  /** The library's songs that sound like this file, in the similar-songs panel (once it was heard). */
  public void findSimilar() {
    if (state.get() == State.DONE && bundled != null) {
      findSimilar.accept(file(), bundled);
    }
  }

  void setFindSimilar(java.util.function.BiConsumer<Path, Analysis> findSimilar) {
    this.findSimilar = findSimilar;
  }

  public Path file() {
    return file;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ObjectProperty<Analysis> analysisProperty() {
    return analysis;
  }

  public ObjectProperty<MelPicture> pictureProperty() {
    return picture;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /**
   * What the listener should know about the file it heard (see {@code Analysis.notes()}), as
   * {@code musetag classify} prints them; empty for a sound file.
   */
  public ObservableList<String> notes() {
    return notesView;
  }

  public ReadOnlyStringProperty writeStatusProperty() {
    return writeStatus.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Boolean> writingProperty() {
    return writing.getReadOnlyProperty();
  }
}
