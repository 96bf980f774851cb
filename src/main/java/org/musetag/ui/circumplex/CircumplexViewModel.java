package org.musetag.ui.circumplex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.jobs.TagJob.Report;
import org.musetag.jobs.TagProposal;
import org.musetag.ml.Quadrant;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.ChangeLine;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * Every analysed track as a point of the circumplex, coloured by its most likely genre, with hover, click (play a
 * point, or filter the library to the quadrant clicked), and rubber-band selection saved as a playlist, shown in
 * the library, or tagged (as one journalled, undoable batch). Data are plain arrays plus a {@link PointIndex}, so 100,000 points stay fluid.
 */
public final class CircumplexViewModel {

  /** The points as drawn: parallel arrays, a legend of genres (most common first) and the hit-test index. */
  public record Points(
      TrackRow[] rows,
      float[] xs,
      float[] ys,
      int[] colours,
      List<String> genres,
      int[] counts,
      PointIndex index) {
    static final Points EMPTY =
        new Points(
            new TrackRow[0],
            new float[0],
            new float[0],
            new int[0],
            List.of(),
            new int[0],
            new PointIndex(new float[0], new float[0]));
  }

  private final TaskRunner runner;
  private final DialogService dialogs;
  private final TagBatches batches;
  private final Supplier<Settings> settings;
  private final ReadOnlyObjectWrapper<Points> points = new ReadOnlyObjectWrapper<>(Points.EMPTY);
  private final ReadOnlyObjectWrapper<TrackRow> hovered = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<int[]> selection = new ReadOnlyObjectWrapper<>(new int[0]);
  private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
  private Consumer<Quadrant> quadrantFilter = q -> {};
  private Consumer<TrackRow> player = r -> {};
  private Consumer<Set<Long>> libraryFilter = ids -> {};
  private Consumer<TrackRow> findSimilar = r -> {};
  private final ReadOnlyObjectWrapper<Marks> marks = new ReadOnlyObjectWrapper<>(Marks.NONE);
  private Set<Long> markedIds = Set.of();
  private List<Long> markedPath = List.of();

  public CircumplexViewModel(
      ObservableList<TrackRow> rows,
      TaskRunner runner,
      DialogService dialogs,
      TagBatches batches,
      Supplier<Settings> settings) {
    this.runner = runner;
    this.dialogs = dialogs;
    this.batches = batches;
    this.settings = settings;
    rows.addListener((ListChangeListener<TrackRow>) c -> show(rows));
    show(rows);
  }

  /** Rebuilds the points from the library's rows (only analysed ones are drawn). */
  public void show(List<TrackRow> rows) {
    List<TrackRow> analysed = rows.stream().filter(TrackRow::analysed).toList();
    Map<String, Integer> counts = new HashMap<>();
    analysed.forEach(r -> counts.merge(r.topGenre(), 1, Integer::sum));
    List<String> genres =
        counts.keySet().stream()
            .sorted(Comparator.comparing((String g) -> -counts.get(g)).thenComparing(g -> g))
            .toList();
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < genres.size(); i++) {
      order.put(genres.get(i), i);
    }
    int n = analysed.size();
    float[] xs = new float[n];
    float[] ys = new float[n];
    int[] colours = new int[n];
    for (int i = 0; i < n; i++) {
      TrackRow r = analysed.get(i);
      xs[i] = (float) r.valence();
      ys[i] = (float) r.arousal();
      colours[i] = Palette.argb(Palette.genre(order.get(r.topGenre())));
    }
    points.set(
        new Points(
            analysed.toArray(new TrackRow[0]),
            xs,
            ys,
            colours,
            genres,
            genres.stream().mapToInt(counts::get).toArray(),
            new PointIndex(xs, ys)));
    select(new int[0]);
    hovered.set(null);
    remark();
  }

  /** The point within {@code radius} of (valence, arousal), shown as the hover tip. */
  public void hoverAt(double valence, double arousal, double radius) {
    int i = points.get().index().nearest(valence, arousal, radius);
    hovered.set(i < 0 ? null : points.get().rows()[i]);
  }

  /** A click: on a point selects and plays it; on the background filters the library to that quadrant. */
  public void clickAt(double valence, double arousal, double radius) {
    int i = points.get().index().nearest(valence, arousal, radius);
    if (i >= 0) {
      select(new int[] {i});
      player.accept(points.get().rows()[i]);
    } else if (Math.abs(valence) <= 1.1 && Math.abs(arousal) <= 1.1) {
      quadrantFilter.accept(Quadrant.of(valence, arousal));
    }
  }

  /** Rubber band: selects every point in the rectangle. */
  public void selectRectangle(double v0, double a0, double v1, double a1) {
    select(points.get().index().within(v0, a0, v1, a1));
  }

  private void select(int[] indices) {
    selection.set(indices);
    selectionText.set(
        indices.length == 0
            ? "Shift+drag to select tracks"
            : Formats.count(indices.length, "track") + " selected");
  }

  public List<TrackRow> selectedRows() {
    TrackRow[] rows = points.get().rows();
    return Arrays.stream(selection.get()).mapToObj(i -> rows[i]).toList();
  }

  /** Asks where, then writes the selection as an M3U8 playlist in the background. */
  public void saveSelectionAsPlaylist() {
    List<TrackRow> chosen = selectedRows();
    if (chosen.isEmpty()) {
      return;
    }
    dialogs
        .chooseSaveFile("Save the selection as a playlist", "musetag-selection.m3u8", "m3u8")
        .ifPresent(file -> savePlaylist(file, chosen));
  }

  void savePlaylist(Path file, List<TrackRow> chosen) {
    runner.run(
        BackgroundTask.of("Saving playlist", ctx -> Playlists.writeM3u8(file, chosen))
            .onSuccess(w -> selectionText.set(Formats.saved(w, file))));
  }

  /**
   * Plans the tags of the selected tracks in the background, shows every change (and every file skipped, with its
   * reason), and on confirmation writes them as one journalled batch, undoable from Bulk tag → History.
   */
  public void tagSelection() {
    List<TrackRow> chosen = selectedRows();
    if (chosen.isEmpty()) {
      return;
    }
    Settings s = settings.get();
    List<Long> ids = chosen.stream().map(TrackRow::id).toList();
    selectionText.set("Reading the tags of " + Formats.count(chosen.size(), "track") + "…");
    runner.run(
        BackgroundTask.of("Planning tags", ctx -> batches.planTracks(ids, s, ctx))
            .onSuccess(planned -> confirmAndWrite(planned, s))
            .onFailure(this::failedTagging));
  }

  private void confirmAndWrite(TagBatches.Planned planned, Settings s) {
    List<FilePlan> plans = planned.plans();
    List<FilePlan> changing =
        plans.stream().filter(p -> p.skipReason() == null && !p.changes().isEmpty()).toList();
    List<FilePlan> skipped = plans.stream().filter(p -> p.skipReason() != null).toList();
    if (changing.isEmpty()) {
      selectionText.set("Nothing to write");
      dialogs.showReport(
          "Tag selection",
          skipped.isEmpty()
              ? "The selected files already hold these tags; nothing to write."
              : "Nothing can be written: " + Formats.count(skipped.size(), "file") + " skipped.",
          skipped.stream().map(FilePlan::skipReason).toList());
      return;
    }
    if (!dialogs.confirmChanges(
        "Tag selection", question(changing.size(), plans.size() - changing.size()), lines(plans))) {
      selectionText.set("Not written");
      return;
    }
    selectionText.set("Writing…");
    runner.run(
        BackgroundTask.of("Writing tags", ctx -> batches.write(plans, planned.model(), s, ctx))
            .onSuccess(
                outcome -> {
                  String summary = summary(outcome.report());
                  selectionText.set(summary);
                  if (outcome.report().failed() > 0 || outcome.report().skipped() > 0) {
                    dialogs.showReport("Tag selection", summary, outcome.problems());
                  }
                })
            .listed()
            .onFailure(this::failedTagging));
  }

  private static String question(int changing, int others) {
    return "Write these changes into "
        + Formats.count(changing, "file")
        + "?"
        + (others == 0
            ? ""
            : " (" + Formats.count(others, "other file") + " unchanged or skipped)");
  }

  /** Every change, old → new per field, per file; then every skipped file with its reason. */
  static List<ChangeLine> lines(List<FilePlan> plans) {
    List<ChangeLine> out = new ArrayList<>();
    plans.stream()
        .filter(p -> p.skipReason() == null)
        .forEach(p -> p.changes().forEach(c -> out.add(ChangeLine.of(c))));
    plans.stream()
        .filter(p -> p.skipReason() != null)
        .forEach(
            p ->
                out.add(
                    new ChangeLine(
                        p.track().path().getFileName().toString(), "skipped", "", p.skipReason())));
    return out;
  }

  static String summary(Report r) {
    return "Tagged: "
        + Formats.count(r.written(), "file")
        + " written, "
        + r.unchanged()
        + " unchanged, "
        + r.skipped()
        + " skipped, "
        + r.failed()
        + " failed"
        + (r.written() > 0 ? " (batch " + r.batchId() + "; undo it in Bulk tag → History)" : "");
  }

  private void failedTagging(Throwable e) {
    selectionText.set("Not written");
    dialogs.showError("Cannot tag the selection", UserErrors.describe(e));
  }

  /**
   * What the similar-songs panel found, drawn over the points: rings around {@code tracks} and, for a journey, a
   * line through {@code path} in order. Kept by track id, so it survives the points being rebuilt.
   */
  public record Marks(int[] points, int[] path) {
    static final Marks NONE = new Marks(new int[0], new int[0]);
  }

  /** Marks these tracks (and this journey, in order; empty for none) on the plane. */
  public void mark(Set<Long> tracks, List<Long> path) {
    markedIds = Set.copyOf(tracks);
    markedPath = List.copyOf(path);
    remark();
  }

  private void remark() {
    TrackRow[] rows = points.get().rows();
    Map<Long, Integer> at = new HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      at.put(rows[i].id(), i);
    }
    marks.set(
        new Marks(
            markedIds.stream().map(at::get).filter(i -> i != null).mapToInt(i -> i).toArray(),
            markedPath.stream().map(at::get).filter(i -> i != null).mapToInt(i -> i).toArray()));
  }

  /** The songs like the one selected (exactly one point), in the similar-songs panel. */
  public void findSimilarToSelection() {
    if (selection.get().length == 1) {
      findSimilar.accept(points.get().rows()[selection.get()[0]]);
    }
  }

  public void setFindSimilar(Consumer<TrackRow> findSimilar) {
    this.findSimilar = findSimilar;
  }

  public ReadOnlyObjectProperty<Marks> marksProperty() {
    return marks.getReadOnlyProperty();
  }

  /** Shows only the selected tracks in the library table. */
  public void showSelectionInLibrary() {
    if (selection.get().length > 0) {
      libraryFilter.accept(selectedRows().stream().map(TrackRow::id).collect(Collectors.toSet()));
    }
  }

  /** What the hover tip says about a track. */
  public static String describe(TrackRow r) {
    return r.displayName()
        + "\n"
        + "Heard as "
        + TagProposal.displayGenre(r.topGenre())
        + " ("
        + Formats.percent(r.topGenreP())
        + ") · "
        + r.moodText()
        + "\n"
        + "valence "
        + Formats.signed(r.valence())
        + " · arousal "
        + Formats.signed(r.arousal())
        + " · confidence "
        + Formats.percent(r.confidence());
  }

  /** Legend entries: "Rock (12)". */
  public List<String> legend() {
    Points p = points.get();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.genres().size(); i++) {
      out.add(TagProposal.displayGenre(p.genres().get(i)) + " (" + p.counts()[i] + ")");
    }
    return out;
  }

  public void setQuadrantFilter(Consumer<Quadrant> quadrantFilter) {
    this.quadrantFilter = quadrantFilter;
  }

  public void setPlayer(Consumer<TrackRow> player) {
    this.player = player;
  }

  public void setLibraryFilter(Consumer<Set<Long>> libraryFilter) {
    this.libraryFilter = libraryFilter;
  }

  public ReadOnlyObjectProperty<Points> pointsProperty() {
    return points.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<TrackRow> hoveredProperty() {
    return hovered.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<int[]> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty selectionTextProperty() {
    return selectionText.getReadOnlyProperty();
  }
}
