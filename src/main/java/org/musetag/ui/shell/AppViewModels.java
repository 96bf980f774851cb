package org.musetag.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.musetag.app.Services;
import org.musetag.ml.BundledModel;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.settings.Settings;
import org.musetag.settings.SettingsStore;
import org.musetag.ui.bulktag.BatchHistoryViewModel;
import org.musetag.ui.bulktag.BulkTagViewModel;
import org.musetag.ui.circumplex.CircumplexViewModel;
import org.musetag.ui.classify.ClassifyViewModel;
import org.musetag.ui.dialog.DialogService;
import org.musetag.ui.dialog.FxDialogService;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.library.LibraryViewModel;
import org.musetag.ui.player.AudioOutputs;
import org.musetag.ui.player.PlayerViewModel;
import org.musetag.ui.retrain.RetrainViewModel;
import org.musetag.ui.services.ActiveHeads;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.settings.SettingsViewModel;
import org.musetag.ui.similar.SimilarViewModel;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.FxTaskRunner;
import org.musetag.ui.task.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's composition root: builds the UI services once (task runner, dialogs, library gateway, worker pool,
 * settings; the bundled model is the process's one {@link org.musetag.ml.BundledModel}, from {@link Services}, set to
 * the device the settings name) and every view model with what it needs, and wires the view models to each other (play from the
 * library or the circumplex, filter the library from the circumplex, classify dropped files). Views are built from
 * these by {@link MainWindow}. Closing it stops playback and background work and closes the library and model.
 */
public final class AppViewModels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppViewModels.class);

  /** Threads for background tasks; a playing track and a long job each hold one. */
  static final int BACKGROUND_THREADS = 6;

  final ObjectProperty<Settings> settings;
  final FxTaskRunner runner;
  final MainWindowViewModel main;
  final LibraryViewModel library;
  final ClassifyViewModel classify;
  final CircumplexViewModel circumplex;
  final BulkTagViewModel bulkTag;
  final BatchHistoryViewModel history;
  final PlayerViewModel player;
  final SettingsViewModel settingsForm;
  final RetrainViewModel retrain;
  final SimilarViewModel similar;
  private final ActiveHeads heads;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  /**
   * @param owner the window dialogs belong to
   * @param select shows a tab by id ("library", "classify", "player", …)
   */
  AppViewModels(
      Services services, StartupOptions options, Supplier<Window> owner, Consumer<String> select) {
    Path home = services.directories().home();
    SettingsStore store = SettingsStore.in(home);
    settings = new SimpleObjectProperty<>(store.load());
    DialogService dialogs = new FxDialogService(owner);
    ExecutorService background = services.executors().apply(BACKGROUND_THREADS);
    runner =
        new FxTaskRunner(background, e -> dialogs.showError("Musetag", UserErrors.describe(e)));
    LibraryGateway gateway =
        new LibraryGateway(
            options.libraryFile() != null ? options.libraryFile() : home.resolve("library.db"),
            services.executors().apply(1),
            services.executors().apply(1));
    BundledModel models = services.model();
    models.prefer(settings.get().device());
    WorkerPool workers = new WorkerPool(services.executors(), () -> settings.get().threads());
    LibraryJobs jobs = new LibraryJobs(gateway, services.decoder(), models, workers, settings::get);
    heads = new ActiveHeads(new HeadRegistry(home.resolve("models")), models);
    TagBatches batches = new TagBatches(gateway, heads);

    main = new MainWindowViewModel(runner, dialogs, models, jobs, runner.activeJobs());
    library = new LibraryViewModel(gateway, runner, models::id, heads::apply);
    classify = new ClassifyViewModel(runner, dialogs, models, workers, batches, settings::get);
    circumplex =
        new CircumplexViewModel(library.allRows(), runner, dialogs, batches, settings::get);
    history = new BatchHistoryViewModel(runner, dialogs, batches, settings::get);
    bulkTag = new BulkTagViewModel(runner, dialogs, jobs, batches, settings, history::refresh);
    player = new PlayerViewModel(runner, services.decoder(), new AudioOutputs(false));
    settingsForm =
        new SettingsViewModel(runner, store, settings, saved -> models.prefer(saved.device()));
    retrain =
        RetrainViewModel.create(runner, dialogs, gateway, models, workers, settings::get, heads);
    similar = new SimilarViewModel(gateway, runner, dialogs, models::id);
    closeables.addAll(List.of(player, gateway, models, workers, heads, background::shutdownNow));
    classify.setHeads(heads::applyAll);

    gateway.addChangeListener(library::reload);
    gateway.addChangeListener(similar::invalidate);
    gateway.addChangeListener(history::refresh);
    gateway.addChangeListener(main::refreshOtherModels);
    Bindings.bindContent(settingsForm.knownGenres(), main.modelGenres());
    main.setClassifier(
        files -> {
          classify.classify(files);
          select.accept("classify");
        });
    library.setPlayer(
        row -> {
          player.play(row);
          select.accept("player");
        });
    circumplex.setPlayer(player::play);
    player.setLibrary(
        file -> library.allRows().stream().filter(r -> r.path().equals(file)).findFirst());
    circumplex.setQuadrantFilter(
        q -> {
          library.filterQuadrant(q);
          select.accept("library");
        });
    circumplex.setLibraryFilter(
        ids -> {
          library.restrictTo(ids);
          select.accept("library");
        });
    Consumer<TrackRow> findSimilar =
        row -> {
          similar.findSimilar(row);
          select.accept("similar");
        };
    library.setSimilarSongs(
        findSimilar,
        similar::startJourney,
        row -> {
          similar.journeyTo(row);
          select.accept("similar");
        },
        () -> similar.journeyStartProperty().get() != null);
    circumplex.setFindSimilar(findSimilar);
    classify.setFindSimilar(
        (file, analysis) -> {
          similar.findSimilar(file, analysis);
          select.accept("similar");
        });
    similar.setPlayer(
        id ->
            library.allRows().stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .ifPresent(
                    row -> {
                      player.play(row);
                      select.accept("player");
                    }));
    similar.setLibraryFilter(
        ids -> {
          library.restrictTo(ids);
          select.accept("library");
        });
    similar
        .highlightProperty()
        .addListener((o, was, now) -> circumplex.mark(now.tracks(), now.path()));
  }

  /** Starts what runs in the background from the first moment: loading the model and the library. */
  void start() {
    main.start();
    runner.run(
        BackgroundTask.of(
                "Loading the trained heads",
                ctx -> {
                  heads.reload();
                  return heads.activeIds();
                })
            .onSuccess(
                ids -> {
                  if (!ids.isEmpty()) {
                    LOG.info("active trained heads: {}", ids);
                  }
                  library.reload();
                })
            .onFailure(
                e -> {
                  LOG.warn("trained heads not loaded: {}", UserErrors.describe(e));
                  library.reload();
                }));
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", c, e.getMessage());
      }
    }
  }
}
