package org.musetag.ui.shell;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.musetag.app.Services;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ui.bulktag.BulkTagView;
import org.musetag.ui.bulktag.BulkTagViewModel;
import org.musetag.ui.circumplex.CircumplexView;
import org.musetag.ui.circumplex.CircumplexViewModel;
import org.musetag.ui.classify.ClassifyView;
import org.musetag.ui.classify.ClassifyViewModel;
import org.musetag.ui.display.Icons;
import org.musetag.ui.library.LibraryView;
import org.musetag.ui.library.LibraryViewModel;
import org.musetag.ui.player.PlayerView;
import org.musetag.ui.player.PlayerViewModel;
import org.musetag.ui.retrain.RetrainView;
import org.musetag.ui.retrain.RetrainViewModel;
import org.musetag.ui.settings.SettingsView;
import org.musetag.ui.similar.SimilarView;
import org.musetag.ui.similar.SimilarViewModel;
import org.musetag.ui.task.FxTaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: menu, one tab per view, status bar. Folders dropped anywhere are added to the library; audio
 * files dropped anywhere are classified. Only the library tab is built before the window shows; every other tab is
 * built the first time it is opened, which keeps start-up short.
 */
public final class MainWindow {
  private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

  private final Services services;
  private final StartupOptions options;
  private final TabPane tabs = new TabPane();
  private AppViewModels models;
  private LibraryView libraryView;
  private PlayerView playerView;
  private Stage stage;

  public MainWindow(Services services) {
    this(services, StartupOptions.fromSystemProperties());
  }

  public MainWindow(Services services, StartupOptions options) {
    this.services = services;
    this.options = options;
  }

  public void show(Stage stage) {
    this.stage = stage;
    models = new AppViewModels(services, options, () -> stage, this::select);
    libraryView = new LibraryView(models.library);
    Node table = libraryView.build();
    Tab library = tab("library", "Library", "library", () -> table);
    libraryView.setShowing(library.selectedProperty());
    tabs.getTabs().add(library);
    tabs.getTabs()
        .add(
            tab(
                "classify",
                "Classify",
                "classify",
                () -> new ClassifyView(models.classify).build()));
    Tab circumplex = new Tab();
    tabs.getTabs()
        .add(
            tab(
                circumplex,
                "circumplex",
                "Circumplex",
                "circumplex",
                () -> {
                  CircumplexView view = new CircumplexView(models.circumplex);
                  Node node = view.build();
                  view.setShowing(circumplex.selectedProperty());
                  return node;
                }));
    tabs.getTabs()
        .add(
            tab(
                "bulktag",
                "Bulk tag",
                "tag",
                () -> new BulkTagView(models.bulkTag, models.history).build()));
    Tab player = new Tab();
    tabs.getTabs()
        .add(tab(player, "player", "Player", "play", () -> playerView(player.selectedProperty())));
    tabs.getTabs()
        .add(tab("similar", "Similar", "search", () -> new SimilarView(models.similar).build()));
    tabs.getTabs()
        .add(tab("retrain", "Expert", "retrain", () -> new RetrainView(models.retrain).build()));
    tabs.getTabs()
        .add(
            tab(
                "settings",
                "Settings",
                "settings",
                () -> new SettingsView(models.settingsForm).build()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

    MainMenu menu = new MainMenu(models, this::select, libraryView::focusSearch, stage::close);
    BorderPane root =
        new BorderPane(tabs, menu.build(), null, new StatusBar(models.main).build(), null);
    Scene scene = new Scene(root, 1280, 800);
    scene
        .getStylesheets()
        .add(MainWindow.class.getResource("/org/musetag/ui/musetag.css").toExternalForm());
    scene.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    scene.setOnDragDropped(
        e -> {
          boolean ok = e.getDragboard().hasFiles();
          if (ok) {
            models.main.drop(
                e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
          }
          e.setDropCompleted(ok);
          e.consume();
        });
    stage.setTitle("Musetag");
    for (String size : new String[] {"32", "64"}) {
      stage
          .getIcons()
          .add(
              new javafx.scene.image.Image(
                  MainWindow.class
                      .getResource("/org/musetag/ui/icons/musetag-" + size + ".png")
                      .toExternalForm(),
                  true));
    }
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.setOnHidden(e -> models.close());
    stage.show();
    LOG.info(
        "window shown {} ms after the JVM started",
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    models.start();
    openRequested();
  }

  private Node playerView(ObservableBooleanValue showing) {
    playerView = new PlayerView(models.player);
    Node node = playerView.build();
    playerView.setShowing(showing);
    return node;
  }

  private void openRequested() {
    if (!options.classify().isEmpty()) {
      models.main.drop(options.classify());
    }
    if (options.bulkTag() != null) {
      models.bulkTag.addFolder(options.bulkTag());
      models.bulkTag.start();
      select("bulktag");
    }
    if (options.play() != null) {
      // once the rows are there, so a library file plays as its row (tempo, key, beat marks)
      models.library.whenLoaded(() -> models.player.play(options.play()));
      select("player");
    }
    if (options.retrain() != null) {
      models.retrain.load(options.retrain(), HeadKind.LABELS);
      select("retrain");
    }
    if (options.similar() != null) {
      models.similar.findSimilar(options.similar());
      select("similar");
    }
    if (options.tab() != null) {
      select(options.tab());
    }
  }

  /**
   * Opens files and folders handed over by "Open with Musetag" (at start or from a later start while this window
   * runs, on any thread): brings the window to the front and treats them as dropped on it.
   */
  public void handOver(List<Path> paths) {
    FxTaskRunner.onFxThread(
        () -> {
          stage.setIconified(false);
          stage.toFront();
          if (!paths.isEmpty()) {
            models.main.drop(paths);
          }
        });
  }

  /** Shows the tab {@code id}, building it first if it was never opened. */
  void select(String id) {
    tabs.getTabs().stream()
        .filter(t -> id.equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  private static Tab tab(String id, String title, String icon, Supplier<Node> content) {
    return tab(new Tab(), id, title, icon, content);
  }

  /** A tab whose content is built the first time it is selected. */
  private static Tab tab(Tab t, String id, String title, String icon, Supplier<Node> content) {
    t.setText(title);
    t.setId(id);
    t.setGraphic(Icons.get(icon, 16));
    if (t.isSelected()) {
      t.setContent(content.get());
    }
    t.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now && t.getContent() == null) {
                t.setContent(content.get());
              }
            });
    return t;
  }

  public MainWindowViewModel viewModel() {
    return models.main;
  }

  public LibraryViewModel libraryViewModel() {
    return models.library;
  }

  public ClassifyViewModel classifyViewModel() {
    return models.classify;
  }

  public CircumplexViewModel circumplexViewModel() {
    return models.circumplex;
  }

  public BulkTagViewModel bulkTagViewModel() {
    return models.bulkTag;
  }

  public RetrainViewModel retrainViewModel() {
    return models.retrain;
  }

  public SimilarViewModel similarViewModel() {
    return models.similar;
  }

  public PlayerViewModel playerViewModel() {
    return models.player;
  }

  /** The player's view, once its tab has been opened (null before). */
  public PlayerView playerView() {
    return playerView;
  }

  public TabPane tabs() {
    return tabs;
  }
}
