package org.musetag.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.KeyNotation;
import org.musetag.settings.Settings;
import org.musetag.settings.SettingsStore;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.task.CurrentThreadTaskRunner;

class SettingsViewModelTest {
  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();

  @Test
  void validFormIsSavedAppliedAndReadBack() {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    SimpleObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.defaults());
    List<Settings> applied = new ArrayList<>();
    SettingsViewModel vm = new SettingsViewModel(runner, store, settings, applied::add);
    vm.knownGenres().setAll("hiphop", "disco", "rock");

    vm.fieldProperty(TagField.AROUSAL).set(false);
    vm.fieldProperty(TagField.BPM).set(false);
    vm.genrePolicyProperty().set(WritePolicy.FILL_EMPTY);
    vm.bpmKeyPolicyProperty().set(WritePolicy.REPLACE);
    vm.keyNotationProperty().set(KeyNotation.CAMELOT);
    vm.id3Property().set(Id3Version.V23);
    vm.minGenrePProperty().set("0,25");
    vm.vocabularyProperty().set("# mine\nhiphop = Rap\n\ndisco = -\n");
    vm.threadsProperty().set(3);
    vm.deviceProperty().set(DevicePreference.CPU);
    vm.save();

    assertThat(vm.errors()).isEmpty();
    Settings s = settings.get();
    assertThat(s.fields())
        .containsExactlyInAnyOrder(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.KEY);
    assertThat(s.policies().get(TagField.GENRE)).isEqualTo(WritePolicy.FILL_EMPTY);
    assertThat(s.policies().get(TagField.BPM)).isEqualTo(WritePolicy.REPLACE);
    assertThat(s.policies().get(TagField.KEY)).isEqualTo(WritePolicy.REPLACE);
    assertThat(s.keyNotation()).isEqualTo(KeyNotation.CAMELOT);
    assertThat(s.minGenreP()).isEqualTo(0.25);
    assertThat(s.vocabulary())
        .isEqualTo(new GenreVocabulary(Map.of("hiphop", "Rap"), Set.of("disco")));
    assertThat(applied).containsExactly(s);
    assertThat(store.load()).isEqualTo(s);
    assertThat(vm.statusProperty().get()).startsWith("Saved.");
  }

  @Test
  void mistakesAreListedAsSentencesAndNothingIsSaved() {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    SimpleObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.defaults());
    SettingsViewModel vm = new SettingsViewModel(runner, store, settings, s -> {});
    vm.knownGenres().setAll("rock", "jazz");
    SettingsViewModel.CHOOSABLE.forEach(f -> vm.fieldProperty(f).set(false));
    vm.minMoodConfidenceProperty().set("lots");
    vm.vocabularyProperty().set("rock = Rock'n'Roll\npolka = Polka\njazz\n");
    vm.threadsProperty().set(0);

    vm.save();

    assertThat(vm.errors())
        .containsExactly(
            "Choose at least one field to write.",
            "The minimum mood confidence must be a number from 0 to 1, such as 0.35.",
            "Genre line 2: the model has no genre \"polka\" (it knows jazz, rock).",
            "Genre line 3: write \"label = New name\" to rename, or \"label = -\" to drop.",
            "Threads must be between 1 and "
                + 4 * Runtime.getRuntime().availableProcessors()
                + ".");
    assertThat(settings.get()).isEqualTo(Settings.defaults());
    assertThat(dir.resolve("settings.properties")).doesNotExist();
    vm.revert();
    assertThat(vm.errors()).isEmpty();
    assertThat(vm.fieldProperty(TagField.GENRE).get()).isTrue();
  }
}
