package org.musetag.ui.settings;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.KeyNotation;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;

/** The settings tab: a form bound to a {@link SettingsViewModel}, with its problems listed under it. */
public final class SettingsView {
  private final SettingsViewModel vm;

  public SettingsView(SettingsViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    int row = 0;

    HBox fields = new HBox(12);
    for (TagField f : SettingsViewModel.CHOOSABLE) {
      String name =
          f.equals(TagField.BPM) ? "BPM" : f.name().charAt(0) + f.name().substring(1).toLowerCase();
      CheckBox box = new CheckBox(name);
      box.selectedProperty().bindBidirectional(vm.fieldProperty(f));
      fields.getChildren().add(box);
    }
    grid.addRow(row++, label("Fields to write"), fields);
    grid.add(
        hint("The model id is written beside them, so every value says where it came from."),
        1,
        row++);

    ComboBox<WritePolicy> genre = combo(List.of(WritePolicy.values()), SettingsView::policy);
    genre.valueProperty().bindBidirectional(vm.genrePolicyProperty());
    ComboBox<WritePolicy> mood = combo(List.of(WritePolicy.values()), SettingsView::policy);
    mood.valueProperty().bindBidirectional(vm.moodPolicyProperty());
    grid.addRow(row++, label("Genre policy"), genre);
    grid.addRow(row++, label("Mood policy"), mood);
    ComboBox<WritePolicy> bpmKey =
        combo(List.of(WritePolicy.FILL_EMPTY, WritePolicy.REPLACE), SettingsView::policy);
    bpmKey.setId("bpmKeyPolicy");
    bpmKey.valueProperty().bindBidirectional(vm.bpmKeyPolicyProperty());
    grid.addRow(row++, label("BPM and key policy"), bpmKey);
    ComboBox<KeyNotation> notation =
        combo(
            List.of(KeyNotation.values()),
            n ->
                switch (n) {
                  case STANDARD -> "Standard: Am, C#, F#m (the ID3 specification's)";
                  case CAMELOT -> "Camelot: 8A, 3B (Mixed In Key, Rekordbox, Serato)";
                  case OPEN_KEY -> "Open Key: 1m, 8d (Traktor)";
                });
    notation.setId("keyNotation");
    notation.valueProperty().bindBidirectional(vm.keyNotationProperty());
    grid.addRow(row++, label("Key notation in files"), notation);
    grid.add(
        hint(
            "A BPM or key already in a file (set by hand or by DJ software) is kept unless the policy is Replace."),
        1,
        row++);

    ComboBox<Id3Version> id3 =
        combo(
            List.of(Id3Version.values()),
            v ->
                v == Id3Version.V24
                    ? "ID3v2.4 (several values per field)"
                    : "ID3v2.3 (older players, car stereos)");
    id3.valueProperty().bindBidirectional(vm.id3Property());
    grid.addRow(row++, label("ID3 version for new tags"), id3);

    TextField genreP = new TextField();
    genreP.setId("minGenreP");
    genreP.setPrefColumnCount(5);
    genreP.setMaxWidth(80);
    genreP.textProperty().bindBidirectional(vm.minGenrePProperty());
    TextField moodP = new TextField();
    moodP.setPrefColumnCount(5);
    moodP.setMaxWidth(80);
    moodP.textProperty().bindBidirectional(vm.minMoodConfidenceProperty());
    grid.addRow(row++, label("Write a genre from probability"), genreP);
    grid.addRow(row++, label("Write mood words from confidence"), moodP);
    grid.add(hint("Below these, Musetag writes nothing rather than guess."), 1, row++);

    TextArea vocabulary = new TextArea();
    vocabulary.setId("vocabulary");
    vocabulary.setPrefRowCount(6);
    vocabulary.setPrefColumnCount(40);
    vocabulary.setPromptText("for example: hiphop = Rap   (one label per line)");
    vocabulary.setMaxWidth(520);
    vocabulary.textProperty().bindBidirectional(vm.vocabularyProperty());
    Label known = hint("");
    known
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.knownGenres().isEmpty()
                        ? "One line per label: \"label = New name\" renames it, \"label = -\" never writes it."
                        : "One line per label: \"label = New name\" renames it, \"label = -\" never writes it. The model's labels: "
                            + String.join(", ", vm.knownGenres())
                            + ".",
                vm.knownGenres()));
    known.setWrapText(true);
    known.setMaxWidth(520);
    grid.addRow(row++, label("Genre vocabulary"), vocabulary);
    grid.add(known, 1, row++);

    Spinner<Integer> threads =
        new Spinner<>(
            1, 4 * Runtime.getRuntime().availableProcessors(), vm.threadsProperty().get());
    threads.setEditable(true);
    threads
        .getValueFactory()
        .valueProperty()
        .addListener((o, was, now) -> vm.threadsProperty().set(now));
    vm.threadsProperty()
        .addListener((o, was, now) -> threads.getValueFactory().setValue(now.intValue()));
    grid.addRow(row++, label("Analysis threads"), threads);
    ComboBox<DevicePreference> device =
        combo(
            List.of(DevicePreference.values()),
            d ->
                switch (d) {
                  case AUTO -> "GPU when it works, else CPU";
                  case CPU -> "CPU only";
                  case GPU -> "GPU (say why when it cannot)";
                });
    device.valueProperty().bindBidirectional(vm.deviceProperty());
    grid.addRow(row++, label("Inference device"), device);

    Button save = new Button("Save");
    save.setId("saveSettings");
    save.setDefaultButton(true);
    save.setOnAction(e -> vm.save());
    Button revert = new Button("Revert");
    revert.setOnAction(e -> vm.revert());
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    HBox buttons = new HBox(8, save, revert, status);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox errors = new VBox(2);
    errors.setId("settingsErrors");
    vm.errors()
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                c ->
                    errors
                        .getChildren()
                        .setAll(
                            vm.errors().stream()
                                .map(
                                    text -> {
                                      Label l = new Label(text);
                                      l.getStyleClass().add("validation");
                                      return l;
                                    })
                                .toList()));
    VBox page = new VBox(14, grid, errors, buttons);
    page.setPadding(new Insets(16));
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(200);
    return l;
  }

  private static Label hint(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("subtle");
    return l;
  }

  static String policy(WritePolicy p) {
    return switch (p) {
      case MERGE -> "Merge: keep what is there, add new values";
      case REPLACE -> "Replace what is there";
      case FILL_EMPTY -> "Only fill empty fields";
    };
  }

  private static <T> ComboBox<T> combo(List<T> items, Function<T, String> names) {
    ComboBox<T> box = new ComboBox<>();
    box.getItems().setAll(items);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(T t) {
            return t == null ? "" : names.apply(t);
          }

          @Override
          public T fromString(String s) {
            throw new UnsupportedOperationException();
          }
        });
    return box;
  }
}
