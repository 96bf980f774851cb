package org.musetag.ui.retrain;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ui.display.Icons;

/**
 * The expert pane: on the left what to learn from (folder or CSV, name, tag field, examples per label, warnings,
 * train with progress); on the right the trained heads (versions with their status, activate, roll back, delete, and
 * retrain those an earlier bundled model left behind) and the selected
 * version's cross-validated scores with its confusion matrix.
 */
public final class RetrainView {
  private final RetrainViewModel vm;

  public RetrainView(RetrainViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    SplitPane split = new SplitPane(input(), results());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.34);
    vm.refreshVersions();
    return split;
  }

  private Node input() {
    Label title = new Label("Teach Musetag your labels");
    title.getStyleClass().add("heading");
    Label how =
        new Label(
            "Give a folder with one sub-folder per label (\"dub\", \"workout\", \"rainy day\") holding"
                + " example songs, or a CSV of path,valence,arousal. Musetag listens with its bundled model and learns a"
                + " small head on top; nothing is changed until you activate it.");
    how.setWrapText(true);
    how.setMinHeight(Region.USE_PREF_SIZE);
    how.getStyleClass().add("subtle");
    Button folder = new Button("Labelled folders…", Icons.get("folder-add", 16));
    folder.setId("chooseLabelFolders");
    folder.setOnAction(e -> vm.chooseFolder());
    Button csv = new Button("Ratings CSV…");
    csv.setOnAction(e -> vm.chooseRatings());
    HBox sources = new HBox(8, folder, csv);
    sources.disableProperty().bind(vm.trainingProperty());
    Label source = new Label();
    source.setWrapText(true);
    source
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.sourceProperty().get() == null
                        ? "Nothing chosen."
                        : vm.sourceProperty().get() + " (" + vm.kindProperty().get().id() + ")",
                vm.sourceProperty(),
                vm.kindProperty()));

    TextField name = new TextField();
    name.setId("headName");
    name.textProperty().bindBidirectional(vm.nameProperty());
    TextField field = new TextField();
    field.setId("headTagField");
    field
        .promptTextProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.nameProperty().get().isBlank()
                        ? "the name in capitals"
                        : vm.nameProperty()
                            .get()
                            .strip()
                            .toUpperCase(Locale.ROOT)
                            .replace('-', '_'),
                vm.nameProperty()));
    field.textProperty().bindBidirectional(vm.tagFieldProperty());
    field.disableProperty().bind(vm.kindProperty().isEqualTo(HeadKind.REGRESSION));
    CheckBox activate = new CheckBox("Activate when trained");
    activate.selectedProperty().bindBidirectional(vm.activateWhenDoneProperty());
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Name"), name);
    form.addRow(1, new Label("Tag field"), field);
    form.add(activate, 1, 2);

    Button train = new Button("Train");
    train.setId("trainHead");
    train.setDefaultButton(true);
    train.disableProperty().bind(vm.readyProperty().not().or(vm.trainingProperty()));
    train.setOnAction(e -> vm.train());
    Button cancel = new Button("Cancel", Icons.get("cancel", 14));
    cancel.disableProperty().bind(vm.trainingProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.trainingProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    HBox actions = new HBox(8, train, cancel, bar);
    actions.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("retrainStatus");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.textProperty().bind(vm.statusProperty());
    Label problem = new Label();
    problem.setId("retrainProblem");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.getStyleClass().add("error-text");
    problem.textProperty().bind(vm.problemProperty());
    problem.managedProperty().bind(vm.problemProperty().isNotEmpty());

    TableView<RetrainViewModel.LabelCount> counts = new TableView<>(vm.counts());
    counts.setId("labelCounts");
    counts.setPlaceholder(new Label("No examples yet."));
    counts.getColumns().add(column("Label", 130, c -> c.label()));
    TableColumn<RetrainViewModel.LabelCount, Integer> n = column("Examples", 80, c -> c.examples());
    n.getStyleClass().add("number-column");
    counts.getColumns().add(n);
    counts.getColumns().add(column("Warning", 200, c -> c.warning() == null ? "" : c.warning()));
    counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    counts.setPrefHeight(220);
    ListView<String> warnings = new ListView<>(vm.warnings());
    warnings.setId("trainingWarnings");
    warnings.setPlaceholder(new Label("No warnings."));
    warnings.setPrefHeight(140);

    VBox box =
        new VBox(
            10,
            title,
            how,
            sources,
            source,
            form,
            actions,
            status,
            problem,
            new Label("Examples per label"),
            counts,
            new Label("Warnings"),
            warnings);
    VBox.setVgrow(counts, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    return box;
  }

  private Node results() {
    Label title = new Label("Trained heads");
    title.getStyleClass().add("heading");
    TableView<HeadRegistry.Version> versions = new TableView<>(vm.versions());
    versions.setId("headVersions");
    versions.setPlaceholder(
        new Label("No trained heads yet: classify uses the bundled model alone."));
    versions.getColumns().add(column("Head", 120, v -> v.name()));
    versions.getColumns().add(column("Version", 60, v -> v.version()));
    versions.getColumns().add(column("Kind", 80, v -> v.card().kind().id()));
    versions.getColumns().add(column("Score", 130, RetrainView::score));
    versions
        .getColumns()
        .add(column("Tag field", 100, v -> v.card().tagField() == null ? "" : v.card().tagField()));
    versions.getColumns().add(column("Active", 60, v -> v.active() ? "✔" : ""));
    versions.getColumns().add(column("Status", 220, vm::status));
    versions.setPrefHeight(170);
    versions
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.selectedProperty().set(now);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && versions.getSelectionModel().getSelectedItem() != now) {
                versions.getSelectionModel().select(now);
              }
            });
    Button activate = new Button("Activate");
    activate.setId("activateHead");
    activate.setOnAction(e -> vm.activateSelected());
    Button rollback = new Button("Roll back", Icons.get("undo", 14));
    rollback.setId("rollbackHead");
    rollback.setOnAction(e -> vm.rollbackSelected());
    Button delete = new Button("Delete");
    delete.setOnAction(e -> vm.deleteSelected());
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> vm.refreshVersions());
    Button retrain = new Button("Retrain");
    retrain.setId("retrainHead");
    retrain.setTooltip(
        new Tooltip(
            "Train this head again on the bundled model, from the folder or CSV it was trained from"));
    retrain
        .disableProperty()
        .bind(vm.selectedNeedsRetrainingProperty().not().or(vm.trainingProperty()));
    retrain.setOnAction(e -> vm.retrainSelected());
    HBox buttons = new HBox(8, activate, rollback, delete, refresh, retrain);
    buttons.disableProperty().bind(vm.selectedProperty().isNull());
    Label toRetrain = new Label();
    toRetrain.setId("headsToRetrain");
    toRetrain.setWrapText(true);
    toRetrain.setMinHeight(Region.USE_PREF_SIZE);
    toRetrain.textProperty().bind(vm.toRetrainProperty());
    toRetrain.visibleProperty().bind(vm.toRetrainProperty().isNotEmpty());
    toRetrain.managedProperty().bind(toRetrain.visibleProperty());

    Label summary = new Label();
    summary.setId("headSummary");
    summary.setWrapText(true);
    summary.setMinHeight(Region.USE_PREF_SIZE);
    summary
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> CardSummary.of(vm.shownCardProperty().get()), vm.shownCardProperty()));
    TableView<ClassificationMetrics.PerClass> perClass = new TableView<>();
    perClass.setId("perClassScores");
    perClass.setPlaceholder(new Label("Per-class scores appear here for label heads."));
    perClass.getColumns().add(column("Label", 90, p -> p.label()));
    perClass.getColumns().add(column("Support", 70, p -> p.support()));
    perClass.getColumns().add(column("Precision", 74, p -> fixed(p.precision())));
    perClass.getColumns().add(column("Recall", 56, p -> fixed(p.recall())));
    perClass.getColumns().add(column("F1", 50, p -> fixed(p.f1())));
    perClass.setPrefHeight(200);
    ConfusionMatrixChart matrix = new ConfusionMatrixChart();
    matrix.setId("confusionMatrix");
    vm.shownCardProperty().addListener((o, was, card) -> show(card, perClass, matrix));
    show(vm.shownCardProperty().get(), perClass, matrix);
    ScrollPane matrixScroll = new ScrollPane(matrix);
    matrixScroll.setPrefHeight(440);
    perClass.setPrefWidth(345);
    perClass.setMinWidth(345);
    VBox matrixBox = new VBox(4, new Label("Confusion matrix (out of fold)"), matrixScroll);
    HBox.setHgrow(matrixBox, Priority.ALWAYS);
    VBox.setVgrow(matrixScroll, Priority.ALWAYS);
    HBox scores = new HBox(10, perClass, matrixBox);
    perClass.prefHeightProperty().bind(matrixBox.heightProperty());

    VBox box = new VBox(10, title, toRetrain, versions, buttons, summary, scores);
    VBox.setVgrow(scores, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static void show(
      HeadCard card,
      TableView<ClassificationMetrics.PerClass> perClass,
      ConfusionMatrixChart matrix) {
    ClassificationMetrics m = card == null ? null : card.evaluation().classification();
    perClass.getItems().setAll(m == null ? List.of() : m.perClass());
    matrix.draw(m == null ? List.of() : m.labels(), m == null ? new int[0][0] : m.confusion());
  }

  private static String score(HeadRegistry.Version v) {
    var e = v.card().evaluation();
    if (e.classification() != null) {
      return String.format(Locale.ROOT, "accuracy %.3f", e.classification().accuracy());
    }
    var va = e.regression();
    return String.format(
        Locale.ROOT, "r V %.2f, A %.2f", va.get("valence").pearson(), va.get("arousal").pearson());
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
    TableColumn<S, T> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    return c;
  }
}
