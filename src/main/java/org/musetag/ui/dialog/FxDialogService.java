package org.musetag.ui.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and the platform's file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;

  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String sentence) {
    alert(Alert.AlertType.ERROR, title, sentence).showAndWait();
  }

  @Override
  public void showInfo(String title, String text) {
    alert(Alert.AlertType.INFORMATION, title, text).showAndWait();
  }

  @Override
  public void showReport(String title, String summary, List<String> problems) {
    Alert a =
        alert(
            problems.isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING,
            title,
            summary);
    if (!problems.isEmpty()) {
      javafx.scene.control.TextArea list =
          new javafx.scene.control.TextArea(String.join("\n", problems));
      list.setEditable(false);
      list.setWrapText(true);
      list.setPrefRowCount(Math.min(12, problems.size() + 1));
      a.getDialogPane().setExpandableContent(list);
      a.getDialogPane().setExpanded(true);
    }
    a.showAndWait();
  }

  @Override
  public boolean confirm(String title, String question, String details) {
    Alert a = alert(Alert.AlertType.CONFIRMATION, title, details);
    a.setHeaderText(question);
    return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  @Override
  public boolean confirmChanges(String title, String question, List<ChangeLine> changes) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner.get());
    d.setTitle(title);
    d.setHeaderText(question);
    TableView<ChangeLine> table = new TableView<>();
    table.getColumns().add(column("File", ChangeLine::file, 220));
    table.getColumns().add(column("Field", ChangeLine::field, 90));
    table.getColumns().add(column("Now", ChangeLine::oldValue, 200));
    table.getColumns().add(column("After writing", ChangeLine::newValue, 220));
    table.getItems().setAll(changes);
    table.setPrefSize(760, Math.min(420, 60 + 26 * changes.size()));
    table.setId("changesTable");
    BorderPane content = new BorderPane(table);
    content.setBottom(
        new Label("Written atomically and journalled: undo it any time from Bulk tag → History."));
    d.getDialogPane().setContent(content);
    ButtonType write = new ButtonType("Write tags", ButtonType.OK.getButtonData());
    d.getDialogPane().getButtonTypes().setAll(write, ButtonType.CANCEL);
    return d.showAndWait().filter(b -> b == write).isPresent();
  }

  private static TableColumn<ChangeLine, String> column(
      String name, Function<ChangeLine, String> value, double w) {
    TableColumn<ChangeLine, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  @Override
  public Optional<Path> chooseFolder(String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
  }

  @Override
  public List<Path> chooseAudioFiles(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                "Audio files",
                "*.mp3",
                "*.flac",
                "*.ogg",
                "*.oga",
                "*.opus",
                "*.m4a",
                "*.mp4",
                "*.aac",
                "*.wav",
                "*.aif",
                "*.aiff"));
    List<File> files = chooser.showOpenMultipleDialog(owner.get());
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  @Override
  public Optional<Path> chooseOpenFile(String title, String extension) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
    return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseSaveFile(String title, String initialName, String extension) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.setInitialFileName(initialName);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
    return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
  }

  private Alert alert(Alert.AlertType type, String title, String text) {
    Alert a = new Alert(type);
    a.initOwner(owner.get());
    a.setTitle(title);
    a.setHeaderText(null);
    a.setContentText(text);
    a.getDialogPane().setMinWidth(440);
    return a;
  }
}
