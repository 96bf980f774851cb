package org.musetag.ui.classify;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ui.circumplex.MiniCircumplex;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.Icons;
import org.musetag.ui.display.MelPicture;

/** The view of one {@link ClassifyCardViewModel}: genre bars, a small circumplex, the mel spectrogram, Write tags. */
final class ClassifyCard {
  private static final double BAR_WIDTH = 180;

  private final ClassifyCardViewModel vm;
  private final GridPane bars = new GridPane();
  private final MiniCircumplex circumplex = new MiniCircumplex(132);
  private final Label numbers = new Label();
  private final ImageView mel = new ImageView();

  ClassifyCard(ClassifyCardViewModel vm) {
    this.vm = vm;
  }

  Node build() {
    Label title = new Label(vm.file().getFileName().toString());
    title.getStyleClass().add("card-title");
    Label path = new Label(vm.file().getParent() == null ? "" : vm.file().getParent().toString());
    path.getStyleClass().add("subtle");
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    message.setWrapText(true);
    message.getStyleClass().add("classify-message");
    Label notes = new Label();
    notes.setId("notes");
    notes
        .textProperty()
        .bind(Bindings.createStringBinding(() -> String.join("\n", vm.notes()), vm.notes()));
    notes.setWrapText(true);
    notes.getStyleClass().add("note-text");
    notes.visibleProperty().bind(Bindings.isNotEmpty(vm.notes()));
    notes.managedProperty().bind(notes.visibleProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.stateProperty().isEqualTo(ClassifyCardViewModel.State.WAITING));
    busy.managedProperty().bind(busy.visibleProperty());
    vm.stateProperty()
        .addListener(
            (o, was, now) -> {
              if (now == ClassifyCardViewModel.State.FAILED) {
                message.getStyleClass().add("error-text");
              }
            });

    Button write = new Button("Write tags…", Icons.get("tag", 16));
    write.setId("writeTags");
    write.setTooltip(new Tooltip("Shows every change first; undoable from Bulk tag → History"));
    write
        .disableProperty()
        .bind(
            vm.stateProperty()
                .isNotEqualTo(ClassifyCardViewModel.State.DONE)
                .or(vm.writingProperty().isEqualTo(true)));
    write.setOnAction(e -> vm.writeTags());
    Button similar = new Button("Find similar", Icons.get("search", 16));
    similar.setId("cardSimilar");
    similar.setTooltip(new Tooltip("The library's songs that sound most like this one"));
    similar
        .disableProperty()
        .bind(vm.stateProperty().isNotEqualTo(ClassifyCardViewModel.State.DONE));
    similar.setOnAction(e -> vm.findSimilar());
    Label writeStatus = new Label();
    writeStatus.textProperty().bind(vm.writeStatusProperty());
    writeStatus.getStyleClass().add("subtle");
    writeStatus.setWrapText(true);

    bars.setHgap(6);
    bars.setVgap(3);
    HBox writeRow = new HBox(8, write, similar, writeStatus);
    writeRow.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(4, new HBox(6, busy, title), path, message, notes, bars, writeRow);
    VBox middle = new VBox(4, circumplex, numbers);
    middle.setAlignment(Pos.TOP_CENTER);
    mel.setFitHeight(132);
    mel.setFitWidth(420);
    mel.setPreserveRatio(false);
    mel.setSmooth(true);
    StackPane melBox = new StackPane(mel);
    melBox.setAlignment(Pos.TOP_LEFT);
    Label melCaption = new Label("Mel spectrogram, 12 s from the middle (what the model hears)");
    melCaption.getStyleClass().add("subtle");
    VBox right = new VBox(4, melBox, melCaption);
    HBox card = new HBox(16, left, middle, right);
    HBox.setHgrow(left, Priority.ALWAYS);
    left.setMinWidth(300);
    card.getStyleClass().add("card");
    card.setPadding(new Insets(10));
    card.setUserData(vm);

    vm.analysisProperty().addListener((o, was, now) -> showAnalysis(now));
    vm.pictureProperty().addListener((o, was, now) -> showPicture(now));
    showAnalysis(vm.analysisProperty().get());
    showPicture(vm.pictureProperty().get());
    return card;
  }

  private void showAnalysis(Analysis a) {
    bars.getChildren().clear();
    if (a == null) {
      return;
    }
    int row = 0;
    for (LabelScore g : vm.bars()) {
      Label name = new Label(g.label());
      name.setMinWidth(80);
      Region bar = new Region();
      bar.getStyleClass().add("genre-bar");
      bar.setPrefSize(Math.max(2, BAR_WIDTH * g.p()), 12);
      bar.setMaxHeight(12);
      Region rest = new Region();
      rest.getStyleClass().add("genre-bar-rest");
      rest.setPrefSize(BAR_WIDTH * (1 - g.p()), 12);
      rest.setMaxHeight(12);
      HBox track = new HBox(bar, rest);
      track.setAlignment(Pos.CENTER_LEFT);
      bars.addRow(row++, name, track, new Label(Formats.percent(g.p())));
    }
    circumplex.draw(a.valence(), a.arousal());
    numbers.setText(
        "valence " + Formats.signed(a.valence()) + " · arousal " + Formats.signed(a.arousal()));
  }

  private void showPicture(MelPicture p) {
    if (p == null || p.width() == 0) {
      mel.setImage(null);
      return;
    }
    WritableImage image = new WritableImage(p.width(), p.height());
    image
        .getPixelWriter()
        .setPixels(
            0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
    mel.setImage(image);
  }
}
