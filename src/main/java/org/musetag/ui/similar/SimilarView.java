package org.musetag.ui.similar;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.musetag.jobs.TagProposal;
import org.musetag.ui.display.Icons;

/** The Similar tab: what was asked, the neighbours or journey steps, and what can be done with them. */
public final class SimilarView {
  private final SimilarViewModel vm;
  private final TableView<SimilarViewModel.Row> table = new TableView<>();

  public SimilarView(SimilarViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    Label heading = new Label();
    heading.setId("similarHeading");
    heading.getStyleClass().add("card-title");
    heading.textProperty().bind(vm.headingProperty());
    Label status = new Label();
    status.setId("similarStatus");
    status.getStyleClass().add("subtle");
    status.textProperty().bind(vm.statusProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.runningProperty());
    busy.managedProperty().bind(busy.visibleProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("similarCancel");
    cancel.visibleProperty().bind(vm.runningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> vm.cancel());

    Button play = new Button("Play", Icons.get("play", 16));
    play.setOnAction(e -> vm.play(table.getSelectionModel().getSelectedItem()));
    play.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    Button save = new Button("Save as playlist…", Icons.get("playlist", 16));
    save.setId("similarSave");
    save.setOnAction(e -> vm.savePlaylist());
    Button show = new Button("Show in library", Icons.get("library", 16));
    show.setOnAction(e -> vm.showInLibrary());
    save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
    show.disableProperty().bind(save.disableProperty());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Label help =
        new Label(
            "Right-click a library track: Find similar · Start a journey here · Journey to here");
    help.getStyleClass().add("subtle");
    HBox bar = new HBox(8, play, save, show, busy, cancel, spring, help);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("tool-row");
    bar.setPadding(new Insets(6, 8, 6, 8));

    table.setId("similarTable");
    table.setPlaceholder(new Label("Nothing asked yet."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("#", r -> String.valueOf(r.rank()), 40));
    table.getColumns().add(column("Track", SimilarViewModel.Row::name, 320));
    table
        .getColumns()
        .add(column("Heard as", r -> TagProposal.displayGenre(r.track().genre()), 100));
    table.getColumns().add(column("Quadrant", r -> r.track().quadrant(), 70));
    table.getColumns().add(column("Distance", r -> String.format("%.3f", r.distance()), 80));
    table.getColumns().add(column("File", r -> r.track().path().toString(), 300));
    table.setItems(vm.rows());
    table.setRowFactory(
        t -> {
          TableRow<SimilarViewModel.Row> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  vm.play(row.getItem());
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.play(table.getSelectionModel().getSelectedItem());
          }
        });
    VBox top = new VBox(4, heading, status);
    top.setPadding(new Insets(10, 10, 4, 10));
    return new BorderPane(table, top, null, bar, null);
  }

  private static TableColumn<SimilarViewModel.Row, String> column(
      String name, java.util.function.Function<SimilarViewModel.Row, String> value, double width) {
    TableColumn<SimilarViewModel.Row, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
