package org.musetag.ui.library;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.musetag.jobs.TagProposal;
import org.musetag.ml.Quadrant;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.Icons;
import org.musetag.ui.display.TrackRow;

/** The library tab: search and filters above a virtualized table of every track, bound to a LibraryViewModel. */
public final class LibraryView {
  private final LibraryViewModel vm;
  private final TextField search = new TextField();
  private final TableView<TrackRow> table = new TableView<>();

  public LibraryView(LibraryViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    search.setId("search");
    search.setPromptText("Search artist, title, album, genre, mood or file name  (Ctrl+F)");
    search.textProperty().bindBidirectional(vm.searchProperty());
    search.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            search.clear();
          } else if (e.getCode() == KeyCode.DOWN) {
            table.requestFocus();
            table.getSelectionModel().selectFirst();
          }
        });
    HBox.setHgrow(search, Priority.ALWAYS);
    search.setMaxWidth(460);

    ComboBox<String> genre = genreFilter();
    ComboBox<Quadrant> quadrant = quadrantFilter();
    Slider confidence = new Slider(0, 1, 0);
    confidence.setId("minConfidence");
    confidence.setPrefWidth(110);
    confidence.setBlockIncrement(0.05);
    confidence.valueProperty().bindBidirectional(vm.minConfidenceProperty());
    Label confidenceLabel = new Label();
    confidenceLabel
        .textProperty()
        .bind(
            vm.minConfidenceProperty()
                .map(v -> "Confidence ≥ " + Formats.percent(v.doubleValue())));
    confidenceLabel.setMinWidth(Region.USE_PREF_SIZE);
    Button clear = new Button("Clear filters");
    clear.setOnAction(e -> vm.clearFilters());
    TextField bpm = new TextField();
    bpm.setId("bpmFilter");
    bpm.setPromptText("BPM 120-130");
    bpm.setPrefColumnCount(7);
    bpm.textProperty().bindBidirectional(vm.bpmProperty());
    Button mix = new Button();
    mix.setId("mixFilter");
    mix.textProperty()
        .bind(
            vm.mixesWithProperty()
                .map(k -> "Mixes with " + k.name() + " (" + k.camelot() + ") ✕")
                .orElse("Keys that mix"));
    mix.setTooltip(
        new Tooltip("Only tracks in keys a DJ can mix with the selected track's (Camelot ±1)"));
    mix.setOnAction(
        e -> {
          if (vm.mixesWithProperty().get() != null) {
            vm.mixesWithProperty().set(null);
          } else {
            vm.mixWithSelected();
          }
        });
    Label summary = new Label();
    summary.setId("librarySummary");
    summary.textProperty().bind(vm.summaryProperty());
    summary.setMinWidth(Region.USE_PREF_SIZE);
    Tooltip unreadable = new Tooltip();
    unreadable
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", vm.unreadable()), vm.unreadable()));
    summary
        .tooltipProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> vm.unreadable().isEmpty() ? null : unreadable, vm.unreadable()));
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.SOMETIMES);

    HBox bar =
        new HBox(
            8,
            Icons.get("search", 16),
            search,
            genre,
            quadrant,
            confidenceLabel,
            confidence,
            bpm,
            mix,
            clear,
            spring,
            summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 8, 6, 8));
    bar.getStyleClass().add("tool-row");

    BorderPane pane = new BorderPane(buildTable(), bar, null, null, null);
    return pane;
  }

  /**
   * Keeps the table's rows attached only while {@code showing} (its tab is selected): a hidden table would otherwise
   * lay out its rows again on every reload during a long job.
   */
  public void setShowing(ObservableBooleanValue showing) {
    ObservableList<TrackRow> items = table.getItems();
    showing.addListener(
        (o, was, now) -> table.setItems(now ? items : FXCollections.emptyObservableList()));
    if (!showing.get()) {
      table.setItems(FXCollections.emptyObservableList());
    }
  }

  /** Focuses the search box (Ctrl+F). */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  public TableView<TrackRow> table() {
    return table;
  }

  private TableView<TrackRow> buildTable() {
    table.setId("libraryTable");
    table.setPlaceholder(
        new Label("No tracks yet. Add a folder with Ctrl+O, or drop one anywhere on this window."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(text("Artist", TrackRow::artist, 140));
    table.getColumns().add(text("Title", TrackRow::title, 190));
    table.getColumns().add(text("Album", TrackRow::album, 140));
    table.getColumns().add(text("Genre (tags)", TrackRow::tagGenre, 100));
    table
        .getColumns()
        .add(
            text(
                "Heard as",
                r -> r.topGenre() == null ? "" : TagProposal.displayGenre(r.topGenre()),
                90));
    table.getColumns().add(text("Mood", TrackRow::moodText, 150));
    table.getColumns().add(number("Confidence", TrackRow::confidence, Formats::percent, 84));
    table
        .getColumns()
        .add(
            number("BPM", TrackRow::bpm, v -> String.format(java.util.Locale.ROOT, "%.1f", v), 60));
    table
        .getColumns()
        .add(text("Key", r -> r.key() == null ? "" : r.key(), 130)); // "C# minor · 12A" whole
    table.getColumns().add(number("Duration", TrackRow::durationSeconds, Formats::duration, 70));
    table.getColumns().add(text("File", r -> r.path().toString(), 260));
    SortedList<TrackRow> sorted = new SortedList<>(vm.visibleRows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> vm.selectedProperty().set(now));
    table.setRowFactory(
        t -> {
          TableRow<TrackRow> row = new TableRow<>();
          row.contextMenuProperty()
              .bind(
                  javafx.beans.binding.Bindings.when(row.emptyProperty())
                      .then((ContextMenu) null)
                      .otherwise(rowMenu(row)));
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  vm.playSelected();
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.playSelected();
          }
        });
    vm.visibleRows()
        .addListener(
            (ListChangeListener<TrackRow>) c -> table.getSelectionModel().clearSelection());
    return table;
  }

  /** Right click on a track: find the songs that sound like it, or a journey from or to it. */
  private ContextMenu rowMenu(TableRow<TrackRow> row) {
    MenuItem similar = new MenuItem("Find similar");
    similar.setOnAction(e -> vm.findSimilar(row.getItem()));
    MenuItem from = new MenuItem("Start a journey here");
    from.setOnAction(e -> vm.startJourney(row.getItem()));
    MenuItem to = new MenuItem("Journey to here");
    to.setOnAction(e -> vm.journeyTo(row.getItem()));
    MenuItem play = new MenuItem("Play");
    play.setOnAction(e -> vm.play(row.getItem()));
    ContextMenu menu = new ContextMenu(play, similar, from, to);
    menu.setOnShowing(
        e -> {
          boolean analysed = row.getItem() != null && row.getItem().analysed();
          similar.setDisable(!analysed);
          from.setDisable(!analysed);
          to.setDisable(!analysed || !vm.journeyStarted());
        });
    return menu;
  }

  private static TableColumn<TrackRow, String> text(
      String name, Function<TrackRow, String> value, double width) {
    TableColumn<TrackRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<TrackRow, Double> number(
      String name,
      Function<TrackRow, Double> value,
      Function<Double, String> format,
      double width) {
    TableColumn<TrackRow, Double> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setComparator((a, b) -> Double.compare(a.isNaN() ? -1 : a, b.isNaN() ? -1 : b));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v.isNaN() ? "" : format.apply(v));
              }
            });
    c.getStyleClass().add("number-column");
    c.setPrefWidth(width);
    return c;
  }

  private ComboBox<String> genreFilter() {
    ComboBox<String> box = new ComboBox<>();
    box.setId("genreFilter");
    box.setTooltip(new Tooltip("Show only tracks the model heard as this genre"));
    box.getItems().add(null);
    vm.genres()
        .addListener(
            (ListChangeListener<String>)
                c -> {
                  String keep = vm.genreProperty().get();
                  box.getItems().setAll(vm.genres());
                  box.getItems().add(0, null);
                  box.setValue(keep);
                });
    box.setConverter(converter(g -> g == null ? "Any genre" : TagProposal.displayGenre(g)));
    box.setButtonCell(cell(box.getConverter()));
    box.setCellFactory(l -> cell(box.getConverter()));
    box.valueProperty().bindBidirectional(vm.genreProperty());
    return box;
  }

  private ComboBox<Quadrant> quadrantFilter() {
    ComboBox<Quadrant> box = new ComboBox<>();
    box.setId("quadrantFilter");
    box.setTooltip(new Tooltip("Show only one mood quadrant of the circumplex"));
    box.getItems().add(null);
    box.getItems().addAll(Quadrant.values());
    box.setConverter(
        converter(q -> q == null ? "Any mood" : q.name() + " " + String.join(", ", q.words())));
    box.setButtonCell(cell(box.getConverter()));
    box.setCellFactory(l -> cell(box.getConverter()));
    box.valueProperty().bindBidirectional(vm.quadrantProperty());
    return box;
  }

  private static <T> StringConverter<T> converter(Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return f.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** A cell that also names the null item ("Any genre"), which ComboBox cells leave blank by default. */
  private static <T> ListCell<T> cell(StringConverter<T> converter) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(
            empty && item == null && getIndex() < 0
                ? converter.toString(null)
                : empty ? "" : converter.toString(item));
      }
    };
  }
}
