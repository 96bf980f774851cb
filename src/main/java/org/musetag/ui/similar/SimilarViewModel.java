package org.musetag.ui.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.library.PlaylistFile;
import org.musetag.ml.Analysis;
import org.musetag.similar.Journey;
import org.musetag.similar.Placed;
import org.musetag.similar.SimilarSongs;
import org.musetag.similar.SoundIndex;
import org.musetag.similar.SoundVector;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskHandle;
import org.musetag.ui.task.TaskRunner;

/**
 * The similar-songs panel: the neighbours of one song, or the steps of a journey between two, each row playable; the
 * list saved as a playlist or shown in the library; what it lists is {@link #highlightProperty() highlighted} on the
 * circumplex. Every search runs in the background (the index of a large library takes seconds to load the first
 * time) and can be cancelled; a newer search replaces an older one.
 */
public final class SimilarViewModel {
  /** Neighbours listed for one song. */
  static final int NEIGHBOURS = 30;

  /** Songs in a journey, both ends included. */
  static final int JOURNEY = 12;

  /** One row of the panel: its place, the track, its distance (1 - cosine) from the song asked about. */
  public record Row(int rank, Placed track, double distance) {
    public String name() {
      return track.displayName();
    }
  }

  /**
   * What the circumplex shows of the panel: the song asked about (null for a file outside the library), the tracks
   * listed, and for a journey its steps in order (empty otherwise).
   */
  public record Highlight(Long query, Set<Long> tracks, List<Long> path) {
    public static final Highlight NONE = new Highlight(null, Set.of(), List.of());
  }

  private final LibraryGateway gateway;
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final Callable<String> bundledModel;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper heading =
      new ReadOnlyStringWrapper("Find similar songs from the library, the circumplex or a card");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<Highlight> highlight =
      new ReadOnlyObjectWrapper<>(Highlight.NONE);
  private final ReadOnlyObjectWrapper<TrackRow> journeyStart = new ReadOnlyObjectWrapper<>();
  private volatile SoundIndex index; // kept until the library changes
  private TaskHandle current;
  private long generation;
  private Consumer<Long> player = id -> {};
  private Consumer<Set<Long>> libraryFilter = ids -> {};

  /** @param bundledModel the bundled model's id: only its analyses are compared (asked in the background) */
  public SimilarViewModel(
      LibraryGateway gateway,
      TaskRunner runner,
      DialogService dialogs,
      Callable<String> bundledModel) {
    this.gateway = gateway;
    this.runner = runner;
    this.dialogs = dialogs;
    this.bundledModel = bundledModel;
  }

  /** Forgets the index (the library changed: a scan, an analysis); the next search loads it again. */
  public void invalidate() {
    index = null;
  }

  /** The neighbours of a library track. */
  public void findSimilar(TrackRow row) {
    search(
        "Sounds like " + row.displayName(),
        (idx, ctx) -> {
          int r =
              idx.rowOf(row.id())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              row.displayName()
                                  + " was not heard by "
                                  + idx.model()
                                  + " yet: analyse the library first"));
          return new Found(
              row.id(),
              rowsOf(new SimilarSongs(idx).of(r, SimilarSongs.Options.nearest(NEIGHBOURS))),
              List.of());
        });
  }

  /** The neighbours of the library track of {@code file} (a file handed to the window at start). */
  public void findSimilar(Path file) {
    search(
        "Sounds like " + file.getFileName(),
        (idx, ctx) -> {
          org.musetag.library.Track t =
              gateway.read(lib -> lib.tracks().byPath(file.toAbsolutePath().normalize()));
          java.util.OptionalInt r = t == null ? java.util.OptionalInt.empty() : idx.rowOf(t.id());
          if (r.isEmpty()) {
            throw new IllegalStateException(
                file.getFileName() + " is not a library track heard by " + idx.model());
          }
          return new Found(
              t.id(),
              rowsOf(
                  new SimilarSongs(idx).of(r.getAsInt(), SimilarSongs.Options.nearest(NEIGHBOURS))),
              List.of());
        });
  }

  /** The neighbours of a file just heard (a classify card): compared by what the model heard, never listed. */
  public void findSimilar(Path file, Analysis analysis) {
    search(
        "Sounds like " + file.getFileName(),
        (idx, ctx) -> {
          if (!analysis.model().equals(idx.model())) {
            throw new IllegalStateException(
                file.getFileName()
                    + " was heard by "
                    + analysis.model()
                    + ", the library by "
                    + idx.model());
          }
          return new Found(
              null,
              rowsOf(
                  new SimilarSongs(idx)
                      .of(
                          SoundVector.of(analysis),
                          file,
                          null,
                          SimilarSongs.Options.nearest(NEIGHBOURS))),
              List.of());
        });
  }

  /** Remembers where the next journey starts. */
  public void startJourney(TrackRow from) {
    journeyStart.set(from);
    status.set(
        "Journey from " + from.displayName() + ": now choose where it goes (Journey to here)");
  }

  /** A journey from the remembered start to {@code to}. */
  public void journeyTo(TrackRow to) {
    TrackRow from = journeyStart.get();
    if (from == null) {
      status.set("Choose where the journey starts first (Start a journey here)");
      return;
    }
    if (from.id() == to.id()) {
      status.set("A journey goes from one song to another: choose a different song");
      return;
    }
    search(
        "Journey: " + from.displayName() + " → " + to.displayName(),
        (idx, ctx) -> {
          int a = rowIn(idx, from);
          int b = rowIn(idx, to);
          List<Integer> steps = Journey.plan(idx, a, b, JOURNEY);
          float[] end = idx.vector(b);
          List<Row> out = new ArrayList<>();
          List<Long> path = new ArrayList<>();
          for (int s : steps) {
            out.add(new Row(out.size() + 1, idx.placed(s), idx.distance(s, end)));
            path.add(idx.placed(s).trackId());
          }
          return new Found(from.id(), out, path);
        });
  }

  private static int rowIn(SoundIndex idx, TrackRow t) {
    return idx.rowOf(t.id())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    t.displayName() + " was not heard by " + idx.model() + " yet"));
  }

  private record Found(Long query, List<Row> rows, List<Long> path) {}

  @FunctionalInterface
  private interface Query {
    Found run(SoundIndex index, org.musetag.ui.task.TaskContext ctx) throws Exception;
  }

  private void search(String title, Query query) {
    cancel();
    long mine = ++generation;
    heading.set(title);
    status.set(index == null ? "Reading the library's sounds…" : "Searching…");
    running.set(true);
    current =
        runner.run(
            BackgroundTask.of(
                    "Finding similar songs",
                    ctx -> {
                      SoundIndex idx = loadIndex(ctx);
                      return query.run(idx, ctx);
                    })
                .onSuccess(
                    found -> {
                      if (mine != generation) {
                        return;
                      }
                      running.set(false);
                      rows.setAll(found.rows());
                      Set<Long> ids = new LinkedHashSet<>();
                      found.rows().forEach(r -> ids.add(r.track().trackId()));
                      highlight.set(new Highlight(found.query(), ids, found.path()));
                      status.set(
                          found.rows().isEmpty()
                              ? "Nothing in the library to compare with: analyse it first"
                              : Formats.count(found.rows().size(), "track")
                                  + " · compared by "
                                  + index.model());
                    })
                .onFailure(
                    e -> {
                      if (mine != generation) {
                        return;
                      }
                      running.set(false);
                      status.set(
                          e instanceof CancellationException
                              ? "Cancelled"
                              : e instanceof IllegalStateException
                                  ? e.getMessage()
                                  : UserErrors.describe(e));
                    })
                .listed());
  }

  private SoundIndex loadIndex(org.musetag.ui.task.TaskContext ctx) throws Exception {
    SoundIndex idx = index;
    if (idx != null) {
      return idx;
    }
    String model = bundledModel.call();
    ctx.message("Reading the library's sounds");
    idx =
        gateway.read(
            lib ->
                SoundIndex.load(
                    lib,
                    model,
                    ctx::isCancelled,
                    n -> ctx.message(String.format("Read %,d tracks", n))));
    index = idx;
    return idx;
  }

  /** Stops the search under way (the list keeps what it showed). */
  public void cancel() {
    if (current != null && !current.isDone()) {
      current.cancel();
    }
    current = null;
    if (running.get()) {
      running.set(false);
      status.set("Cancelled");
    }
    generation++;
  }

  private static List<Row> rowsOf(List<SimilarSongs.Neighbour> near) {
    return near.stream().map(n -> new Row(n.rank(), n.track(), n.distance())).toList();
  }

  /** Plays a listed track. */
  public void play(Row row) {
    if (row != null) {
      player.accept(row.track().trackId());
    }
  }

  /** Shows only the listed tracks (and the song asked about) in the library table. */
  public void showInLibrary() {
    if (rows.isEmpty()) {
      return;
    }
    Set<Long> ids = new LinkedHashSet<>(highlight.get().tracks());
    if (highlight.get().query() != null) {
      ids.add(highlight.get().query());
    }
    libraryFilter.accept(ids);
  }

  /** Asks where, then writes the list as an M3U8 playlist in the background. */
  public void savePlaylist() {
    if (rows.isEmpty()) {
      return;
    }
    dialogs
        .chooseSaveFile("Save as a playlist", "musetag-similar.m3u8", "m3u8")
        .ifPresent(this::savePlaylist);
  }

  void savePlaylist(Path file) {
    List<PlaylistFile.Entry> entries =
        rows.stream()
            .map(
                r ->
                    new PlaylistFile.Entry(r.track().path(), r.track().durationSeconds(), r.name()))
            .toList();
    runner.run(
        BackgroundTask.of("Saving playlist", ctx -> PlaylistFile.write(file, entries))
            .onSuccess(w -> status.set(Formats.saved(w, file)))
            .onFailure(e -> dialogs.showError("Playlist not saved", UserErrors.describe(e))));
  }

  public void setPlayer(Consumer<Long> player) {
    this.player = player;
  }

  public void setLibraryFilter(Consumer<Set<Long>> libraryFilter) {
    this.libraryFilter = libraryFilter;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Highlight> highlightProperty() {
    return highlight.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<TrackRow> journeyStartProperty() {
    return journeyStart.getReadOnlyProperty();
  }
}
