package org.musetag.ui.classify;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.musetag.ui.display.Icons;

/** The classify tab: a card per dropped file, newest on top; a hint while there are none. */
public final class ClassifyView {
  private final ClassifyViewModel vm;
  private final VBox list = new VBox(10);

  public ClassifyView(ClassifyViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    Button open = new Button("Classify files…", Icons.get("classify", 16));
    open.setOnAction(e -> vm.chooseFiles());
    Button clear = new Button("Clear");
    clear.setOnAction(e -> vm.clear());
    clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.cards()));
    Label hint =
        new Label("Drop audio files anywhere on the window: each shows what the model hears.");
    hint.getStyleClass().add("subtle");
    HBox bar = new HBox(8, open, clear, hint);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 8, 6, 8));
    bar.getStyleClass().add("tool-row");

    list.setPadding(new Insets(10));
    list.setId("classifyCards");
    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    Label empty =
        new Label(
            "Drop songs here to hear what Musetag hears:\ngenre, mood quadrant, valence and arousal.");
    empty.getStyleClass().add("drop-hint");
    empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    VBox emptyBox = new VBox(12, Icons.get("classify", 48), empty);
    emptyBox.setAlignment(Pos.CENTER);
    emptyBox.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.cards()));
    StackPane center = new StackPane(scroll, emptyBox);
    emptyBox.setMouseTransparent(true);

    vm.cards().addListener((ListChangeListener<ClassifyCardViewModel>) c -> rebuild());
    rebuild();
    return new BorderPane(center, bar, null, null, null);
  }

  private void rebuild() {
    list.getChildren()
        .setAll(vm.cards().stream().map(card -> new ClassifyCard(card).build()).toList());
  }
}
