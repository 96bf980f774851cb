package org.musetag.ui.bulktag;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.musetag.library.TagJournal;
import org.musetag.ui.display.Icons;

/** The history side panel: one line per batch with an Undo button. */
final class BatchHistoryView {
  private final BatchHistoryViewModel vm;

  BatchHistoryView(BatchHistoryViewModel vm) {
    this.vm = vm;
  }

  Node build() {
    Label title = new Label("History", Icons.get("history", 16));
    title.getStyleClass().add("card-title");
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> vm.refresh());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox head = new HBox(8, title, spring, refresh);
    head.setAlignment(Pos.CENTER_LEFT);
    ListView<TagJournal.Batch> list = new ListView<>(vm.history());
    list.setId("batchHistory");
    list.setPlaceholder(new Label("No tags written yet."));
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(TagJournal.Batch b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                  setGraphic(null);
                  return;
                }
                Label id = new Label(b.id());
                id.setStyle("-fx-font-weight: bold;");
                Label what = new Label(BatchHistoryViewModel.describe(b));
                what.getStyleClass().add("subtle");
                what.setWrapText(true);
                Button undo = new Button("Undo", Icons.get("undo", 14));
                undo.setDisable(!BatchHistoryViewModel.undoable(b));
                undo.setOnAction(e -> vm.undo(b));
                VBox text = new VBox(2, id, what);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(6, text, undo);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
              }
            });
    VBox box = new VBox(8, head, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setPadding(new Insets(10));
    box.setPrefWidth(320);
    return box;
  }
}
