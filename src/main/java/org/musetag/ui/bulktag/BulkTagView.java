package org.musetag.ui.bulktag;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.display.Icons;

/** The bulk-tag tab: the wizard's four steps in the middle, the history of batches on the right. */
public final class BulkTagView {
  private final BulkTagViewModel vm;
  private final BatchHistoryViewModel history;

  public BulkTagView(BulkTagViewModel vm, BatchHistoryViewModel history) {
    this.vm = vm;
    this.history = history;
  }

  public Node build() {
    HBox steps = new HBox(6);
    steps.setAlignment(Pos.CENTER_LEFT);
    steps.setPadding(new Insets(8, 10, 8, 10));
    steps.getStyleClass().add("tool-row");
    String[] names = {
      "1  Folders", "2  Scan and analyse", "3  Preview changes", "4  Write and report"
    };
    for (int i = 0; i < names.length; i++) {
      Label l = new Label(names[i]);
      l.getStyleClass().add("step-label");
      BulkTagViewModel.Step mine = BulkTagViewModel.Step.values()[i];
      vm.stepProperty().addListener((o, was, now) -> styleStep(l, mine, now));
      styleStep(l, mine, vm.stepProperty().get());
      steps.getChildren().add(l);
      if (i < names.length - 1) {
        steps.getChildren().add(new Label("›"));
      }
    }
    StackPane pages =
        new StackPane(
            page(BulkTagViewModel.Step.FOLDERS, folders()),
            page(BulkTagViewModel.Step.ANALYSE, analyse()),
            page(BulkTagViewModel.Step.PREVIEW, preview()),
            page(BulkTagViewModel.Step.REPORT, report()));
    pages.setPadding(new Insets(10));
    BorderPane pane =
        new BorderPane(pages, steps, new BatchHistoryView(history).build(), null, null);
    history.refresh();
    return pane;
  }

  private static void styleStep(
      Label l, BulkTagViewModel.Step mine, BulkTagViewModel.Step current) {
    l.getStyleClass().removeAll("current", "done");
    if (mine == current) {
      l.getStyleClass().add("current");
    } else if (mine.ordinal() < current.ordinal()) {
      l.getStyleClass().add("done");
    }
  }

  private Node page(BulkTagViewModel.Step step, Node content) {
    content.visibleProperty().bind(vm.stepProperty().isEqualTo(step));
    return content;
  }

  private Node folders() {
    Label intro =
        new Label(
            "Choose the folders to tag. Musetag scans them, listens to every track it has not heard"
                + " yet, and shows every change before writing anything.");
    intro.setWrapText(true);
    ListView<Path> list = new ListView<>(vm.folders());
    list.setId("wizardFolders");
    list.setPlaceholder(
        new Label("No folders yet: Add folder… (or drop folders on the window, then come back)."));
    Button add = new Button("Add folder…", Icons.get("folder-add", 16));
    add.setOnAction(e -> vm.chooseFolder());
    Button remove = new Button("Remove");
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> vm.removeFolder(list.getSelectionModel().getSelectedItem()));
    Button start = new Button("Scan and analyse");
    start.setId("wizardStart");
    start.setDefaultButton(true);
    start.setOnAction(e -> vm.start());
    Label validation = new Label();
    validation.getStyleClass().add("validation");
    validation.textProperty().bind(vm.validationProperty());
    VBox box = new VBox(10, intro, list, new HBox(8, add, remove, spring(), validation, start));
    VBox.setVgrow(list, Priority.ALWAYS);
    return box;
  }

  private Node analyse() {
    ProgressBar bar = new ProgressBar();
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(vm.progressProperty());
    Label text = new Label();
    text.setId("wizardProgress");
    text.setWrapText(true);
    text.textProperty().bind(vm.progressTextProperty());
    Button cancel = new Button("Stop", Icons.get("cancel", 14));
    cancel.setOnAction(e -> vm.cancel());
    cancel.visibleProperty().bind(vm.runningProperty());
    Button resume = new Button("Resume");
    resume.setOnAction(e -> vm.resume());
    resume.visibleProperty().bind(vm.stoppedProperty());
    Button previewAnyway = new Button("Preview what is analysed");
    previewAnyway.setOnAction(e -> vm.preview());
    previewAnyway.visibleProperty().bind(vm.stoppedProperty());
    VBox box =
        new VBox(
            12,
            new Label("Scanning the folders and listening to the music…"),
            bar,
            text,
            new HBox(8, cancel, resume, previewAnyway));
    box.setMaxHeight(Region.USE_PREF_SIZE);
    StackPane.setAlignment(box, Pos.TOP_LEFT);
    return box;
  }

  private Node preview() {
    ComboBox<WritePolicy> genre = policy(vm.genrePolicyProperty().get());
    genre.valueProperty().bindBidirectional(vm.genrePolicyProperty());
    ComboBox<WritePolicy> mood = policy(vm.moodPolicyProperty().get());
    mood.valueProperty().bindBidirectional(vm.moodPolicyProperty());
    Button all = new Button("Include all");
    all.setOnAction(e -> vm.includeAll(true));
    Button none = new Button("Exclude all");
    none.setOnAction(e -> vm.includeAll(false));
    Label genreLabel = fixed(new Label("Genre:"));
    Label moodLabel = fixed(new Label("Mood:"));
    genre.setTooltip(new javafx.scene.control.Tooltip("What to do with genres a file already has"));
    mood.setTooltip(
        new javafx.scene.control.Tooltip(
            "What to do with mood words a file already has;"
                + " valence, arousal and the model id are always replaced"));
    HBox policies =
        new HBox(8, genreLabel, genre, moodLabel, mood, spring(), fixed(all), fixed(none));
    policies.setAlignment(Pos.CENTER_LEFT);

    TableView<PreviewRow> table = new TableView<>(vm.rows());
    table.setId("previewTable");
    table.setEditable(true);
    table.setPlaceholder(new Label("Nothing to change: every file already holds these tags."));
    TableColumn<PreviewRow, Boolean> include = new TableColumn<>("Write");
    include.setCellValueFactory(c -> c.getValue().included());
    include.setCellFactory(CheckBoxTableCell.forTableColumn(include));
    include.setEditable(true);
    include.setPrefWidth(56);
    table.getColumns().add(include);
    table.getColumns().add(text("File", PreviewRow::fileName, 220));
    table.getColumns().add(text("Field", PreviewRow::field, 90));
    table.getColumns().add(text("Now", PreviewRow::oldValue, 220));
    table.getColumns().add(text("After writing", PreviewRow::newValue, 300));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    Label summary = new Label();
    summary.setId("previewSummary");
    summary.textProperty().bind(vm.previewSummaryProperty());
    Button back = new Button("Back");
    back.setOnAction(e -> vm.restart());
    Button write = new Button("Write chosen changes", Icons.get("tag", 16));
    write.setId("writeBatch");
    write.setDefaultButton(true);
    write.disableProperty().bind(vm.runningProperty());
    write.setOnAction(e -> vm.write());
    Label validation = new Label();
    validation.getStyleClass().add("validation");
    validation.textProperty().bind(vm.validationProperty());
    // What the scan and the analysis met (files not read, files heard although cut short or
    // misnamed), shown
    // before anything is written, in the words the command line prints.
    Label heardHeading = new Label("Found while reading the folders, file by file:");
    ListView<String> heard = new ListView<>(vm.problems());
    heard.setId("previewProblems");
    heard.setPrefHeight(96);
    VBox heardBox = new VBox(4, heardHeading, heard);
    heardBox.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
    heardBox.managedProperty().bind(heardBox.visibleProperty());
    VBox box =
        new VBox(
            8, policies, table, heardBox, new HBox(8, summary, spring(), validation, back, write));
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private Node report() {
    Label text = new Label();
    text.setId("wizardReport");
    text.setWrapText(true);
    text.textProperty().bind(vm.reportTextProperty());
    ListView<String> problems = new ListView<>(vm.problems());
    problems.setPlaceholder(new Label("No problems."));
    Button undo = new Button("Undo this batch", Icons.get("undo", 16));
    undo.setId("undoBatch");
    undo.disableProperty().bind(vm.canUndoProperty().not().or(vm.runningProperty()));
    undo.setOnAction(e -> vm.undo());
    Button again = new Button("Tag more folders");
    again.setOnAction(e -> vm.restart());
    VBox box =
        new VBox(
            10, text, new Label("Problems, file by file:"), problems, new HBox(8, undo, again));
    VBox.setVgrow(problems, Priority.ALWAYS);
    return box;
  }

  private static <T extends javafx.scene.control.Control> T fixed(T control) {
    control.setMinWidth(Region.USE_PREF_SIZE);
    return control;
  }

  private static ComboBox<WritePolicy> policy(WritePolicy initial) {
    ComboBox<WritePolicy> box = new ComboBox<>();
    box.setMinWidth(Region.USE_PREF_SIZE);
    box.getItems().setAll(List.of(WritePolicy.values()));
    box.setValue(initial);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(WritePolicy p) {
            return p == null ? "" : policyName(p);
          }

          @Override
          public WritePolicy fromString(String s) {
            throw new UnsupportedOperationException();
          }
        });
    return box;
  }

  static String policyName(WritePolicy p) {
    return switch (p) {
      case MERGE -> "merge with existing";
      case REPLACE -> "replace existing";
      case FILL_EMPTY -> "only fill empty";
    };
  }

  private static TableColumn<PreviewRow, String> text(
      String name, Function<PreviewRow, String> f, double w) {
    TableColumn<PreviewRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
    c.setPrefWidth(w);
    c.setEditable(false);
    return c;
  }

  private static Region spring() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
