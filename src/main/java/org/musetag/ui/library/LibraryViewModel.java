package org.musetag.ui.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.musetag.dsp.KeyEstimator;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.Quadrant;
import org.musetag.similar.TempoKeyFilter;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * The library table's state: every track with its analysis by the bundled model, a full-text search (run by SQLite's
 * FTS5 in the background) and filters by genre, quadrant and minimum confidence, applied in memory so 100,000 rows
 * filter at once. Also the circumplex's data source. Analyses by another model (an earlier bundled model, before the
 * user heard the library again) are left out, as tagging leaves them out, so the table, the circumplex and the tags
 * written from them never mix two models; the status bar counts those tracks and offers to hear them again.
 */
public final class LibraryViewModel {

  /** Search results kept at most; more than a table can usefully show. */
  static final int SEARCH_LIMIT = 200_000;

  /**
   * What the table needs from the library, loaded in one go on the reader connection.
   *
   * @param unreadable "path: why" for each file the last scan could not read, as {@code musetag scan} prints it
   */
  public record Snapshot(List<TrackRow> rows, String model, List<String> unreadable) {
    public Snapshot(List<TrackRow> rows, String model) {
      this(rows, model, List.of());
    }
  }

  private final LibraryGateway gateway;
  private final TaskRunner runner;
  private final ObservableList<TrackRow> rows = FXCollections.observableArrayList();
  private final FilteredList<TrackRow> visible = new FilteredList<>(rows);
  private final ObservableList<String> genres = FXCollections.observableArrayList();
  private final ObservableList<String> unreadable = FXCollections.observableArrayList();
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<String> genre = new SimpleObjectProperty<>();
  private final ObjectProperty<Quadrant> quadrant = new SimpleObjectProperty<>();
  private final DoubleProperty minConfidence = new SimpleDoubleProperty(0);
  private final StringProperty bpm = new SimpleStringProperty("");
  private final ObjectProperty<KeyEstimator.Key> mixesWith = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Loading the library…");
  private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("");
  private final ObjectProperty<TrackRow> selected = new SimpleObjectProperty<>();
  private Set<Long> searchHits;
  private Set<Long> only;
  private long searchGeneration;
  private Consumer<TrackRow> player = row -> {};
  private Consumer<TrackRow> findSimilar = row -> {};
  private Consumer<TrackRow> journeyStart = row -> {};
  private Consumer<TrackRow> journeyTo = row -> {};
  private java.util.function.BooleanSupplier journeyStarted = () -> false;
  private final Callable<String> bundledModel;
  private final UnaryOperator<Analysis> heads;

  /** Requests waiting for the first rows ({@link #whenLoaded}); none once they are shown. */
  private final List<Runnable> whenShown = new ArrayList<>();

  private boolean shown;

  public LibraryViewModel(
      LibraryGateway gateway, TaskRunner runner, Callable<String> bundledModel) {
    this(gateway, runner, bundledModel, UnaryOperator.identity());
  }

  /**
   * @param bundledModel the bundled model's id ("name@version"), whose analyses are shown; asked in the background
   * @param heads applies the user's active trained heads to each stored analysis
   */
  public LibraryViewModel(
      LibraryGateway gateway,
      TaskRunner runner,
      Callable<String> bundledModel,
      UnaryOperator<Analysis> heads) {
    this.gateway = gateway;
    this.runner = runner;
    this.bundledModel = bundledModel;
    this.heads = heads;
    search.addListener((o, was, now) -> runSearch(now));
    genre.addListener(o -> refilter());
    quadrant.addListener(o -> refilter());
    minConfidence.addListener(o -> refilter());
    bpm.addListener(o -> refilter());
    mixesWith.addListener(o -> refilter());
  }

  /** Reloads every row from the library (after a scan, an analysis or a tag batch). */
  public void reload() {
    runner.run(
        BackgroundTask.of(
                "Loading the library",
                ctx -> {
                  String model = bundledModel.call();
                  return gateway.read(lib -> load(lib, model, heads));
                })
            .onSuccess(this::show));
  }

  /** Every readable track, with {@code model}'s analysis of it (heads applied) when it has one. */
  static Snapshot load(Library library, String model, UnaryOperator<Analysis> heads)
      throws Exception {
    Map<Long, Analysis> analyses = new HashMap<>();
    for (Analysed a : library.analyses().find(model, null, null)) {
      analyses.put(a.track().id(), heads.apply(a.analysis()));
    }
    List<TrackRow> out = new ArrayList<>();
    for (Track t : library.tracks().all(Track.OK)) {
      out.add(TrackRow.of(t, analyses.get(t.id())));
    }
    List<String> unreadable =
        library.tracks().all(Track.UNREADABLE).stream().map(Track::problemLine).toList();
    return new Snapshot(out, model, unreadable);
  }

  /** Shows a loaded snapshot (UI thread). */
  public void show(Snapshot snapshot) {
    rows.setAll(snapshot.rows());
    unreadable.setAll(snapshot.unreadable());
    model.set(snapshot.model());
    genres.setAll(
        snapshot.rows().stream()
            .map(TrackRow::topGenre)
            .filter(g -> g != null)
            .collect(Collectors.toCollection(TreeSet::new)));
    if (genre.get() != null && !genres.contains(genre.get())) {
      genre.set(null);
    }
    refilter();
    shown = true;
    List<Runnable> waiting = List.copyOf(whenShown);
    whenShown.clear();
    waiting.forEach(Runnable::run);
  }

  /**
   * Runs {@code action} (UI thread) once the library's rows are there: at once when they are, otherwise after the
   * first load, so that a request made while the window starts (a file to play) finds the file's row.
   */
  public void whenLoaded(Runnable action) {
    if (shown) {
      action.run();
    } else {
      whenShown.add(action);
    }
  }

  private void runSearch(String text) {
    long generation = ++searchGeneration;
    if (text == null || text.isBlank()) {
      searchHits = null;
      refilter();
      return;
    }
    runner.run(
        BackgroundTask.of(
                "Searching", ctx -> gateway.read(lib -> lib.tracks().search(text, SEARCH_LIMIT)))
            .onSuccess(
                found -> {
                  if (generation == searchGeneration) {
                    searchHits = found.stream().map(Track::id).collect(Collectors.toSet());
                    refilter();
                  }
                }));
  }

  private void refilter() {
    visible.setPredicate(predicate());
    int shown = visible.size();
    int total = rows.size();
    long analysed = rows.stream().filter(TrackRow::analysed).count();
    summary.set(
        (shown == total && only == null
                ? String.format("%,d tracks · %,d analysed", total, analysed)
                : String.format("Showing %,d of %,d tracks", shown, total))
            + (unreadable.isEmpty()
                ? ""
                : String.format(" · %,d could not be read", unreadable.size())));
  }

  Predicate<TrackRow> predicate() {
    Set<Long> hits = searchHits;
    Set<Long> pinned = only;
    String g = genre.get();
    Quadrant q = quadrant.get();
    double min = minConfidence.get();
    TempoKeyFilter tempoKey = tempoKeyFilter();
    return row ->
        (hits == null || hits.contains(row.id()))
            && (pinned == null || pinned.contains(row.id()))
            && (g == null || g.equals(row.topGenre()))
            && (q == null || q == row.quadrant())
            && (min <= 0 || row.analysed() && row.confidence() >= min)
            && (tempoKey.isAny()
                || tempoKey.keeps(Double.isNaN(row.bpm()) ? null : row.bpm(), keyOf(row)));
  }

  /** The BPM range typed ("120-130", "120-", "-90"; anything else is no filter) and the key to mix with. */
  private TempoKeyFilter tempoKeyFilter() {
    double[] range = {Double.NaN, Double.NaN};
    String text = bpm.get();
    if (text != null && !text.isBlank()) {
      try {
        range = TempoKeyFilter.range(text);
      } catch (IllegalArgumentException e) {
        // half typed: no BPM filter until it parses
      }
    }
    return new TempoKeyFilter(range[0], range[1], null, mixesWith.get());
  }

  private static KeyEstimator.Key keyOf(TrackRow row) {
    return row.key() == null ? null : KeyEstimator.Key.parse(row.key().split(" · ")[0]);
  }

  /** Shows only tracks in keys that mix with the selected track's (harmonic mixing); none selected: no change. */
  public void mixWithSelected() {
    TrackRow row = selected.get();
    if (row != null && row.key() != null) {
      mixesWith.set(keyOf(row));
    }
  }

  /** Shows only one quadrant (what clicking a quadrant of the circumplex does). */
  public void filterQuadrant(Quadrant q) {
    quadrant.set(q);
  }

  /** Shows only these tracks (a selection made on the circumplex) until the filters are cleared. */
  public void restrictTo(Set<Long> ids) {
    only = Set.copyOf(ids);
    refilter();
  }

  public void clearFilters() {
    only = null;
    search.set("");
    genre.set(null);
    quadrant.set(null);
    minConfidence.set(0);
    bpm.set("");
    mixesWith.set(null);
  }

  /** Plays the selected track (Enter or double click). */
  public void playSelected() {
    if (selected.get() != null) {
      player.accept(selected.get());
    }
  }

  public void setPlayer(Consumer<TrackRow> player) {
    this.player = player;
  }

  /** Plays a track (the row menu's Play). */
  public void play(TrackRow row) {
    if (row != null) {
      player.accept(row);
    }
  }

  /**
   * What the row menu's similar-songs items do: find the songs like a row, start a journey at one, end it at another
   * (the shell hands them to the similar-songs panel); {@code started} says whether a journey has its start yet.
   */
  public void setSimilarSongs(
      Consumer<TrackRow> find,
      Consumer<TrackRow> start,
      Consumer<TrackRow> to,
      java.util.function.BooleanSupplier started) {
    this.findSimilar = find;
    this.journeyStart = start;
    this.journeyTo = to;
    this.journeyStarted = started;
  }

  public void findSimilar(TrackRow row) {
    findSimilar.accept(row);
  }

  public void startJourney(TrackRow row) {
    journeyStart.accept(row);
  }

  public void journeyTo(TrackRow row) {
    journeyTo.accept(row);
  }

  public boolean journeyStarted() {
    return journeyStarted.getAsBoolean();
  }

  public ObservableList<TrackRow> allRows() {
    return rows;
  }

  public ObservableList<TrackRow> visibleRows() {
    return visible;
  }

  public ObservableList<String> genres() {
    return genres;
  }

  /** "path: why" for each file the last scan could not read (the table lists only readable ones). */
  public ObservableList<String> unreadable() {
    return unreadable;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<String> genreProperty() {
    return genre;
  }

  public ObjectProperty<Quadrant> quadrantProperty() {
    return quadrant;
  }

  /** "120-130", "120-" or "-90": only tracks whose tempo is in the range. */
  public StringProperty bpmProperty() {
    return bpm;
  }

  /** The key the shown tracks mix with (null: any). */
  public ObjectProperty<KeyEstimator.Key> mixesWithProperty() {
    return mixesWith;
  }

  public DoubleProperty minConfidenceProperty() {
    return minConfidence;
  }

  public ObjectProperty<TrackRow> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty modelProperty() {
    return model.getReadOnlyProperty();
  }
}
