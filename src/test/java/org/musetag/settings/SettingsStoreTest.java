package org.musetag.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.DevicePreference;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;

class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void savedSettingsReadBackEqual() throws Exception {
    SettingsStore store = SettingsStore.in(dir);
    Settings s =
        new Settings(
            Set.of(TagField.GENRE, TagField.VALENCE, TagField.KEY),
            Map.of(TagField.GENRE, WritePolicy.REPLACE, TagField.KEY, WritePolicy.REPLACE),
            Id3Version.V23,
            0.25,
            0.5,
            new GenreVocabulary(Map.of("hiphop", "Rap"), Set.of("disco")),
            3,
            DevicePreference.CPU,
            0.7,
            KeyNotation.OPEN_KEY);
    store.save(s);
    assertThat(store.load()).isEqualTo(s);
    assertThat(dir.resolve("settings.properties")).exists();
  }

  @Test
  void missingFileGivesDefaultsAndBadValuesFallBackToThem() throws Exception {
    Path file = dir.resolve("settings.properties");
    assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
    Files.writeString(file, "id3=V99\nthreads=many\npolicy.MOOD=fill_empty\nkeyNotation=solfege\n");
    Settings s = new SettingsStore(file).load();
    assertThat(s.id3Version()).isEqualTo(Id3Version.V24);
    assertThat(s.threads()).isEqualTo(Settings.defaults().threads());
    assertThat(s.policies().get(TagField.MOOD)).isEqualTo(WritePolicy.FILL_EMPTY);
    assertThat(s.policies().get(TagField.GENRE)).isEqualTo(WritePolicy.MERGE);
    assertThat(s.keyNotation()).isEqualTo(KeyNotation.STANDARD);
    Files.writeString(file, "keyNotation=camelot\n");
    assertThat(new SettingsStore(file).load().keyNotation()).isEqualTo(KeyNotation.CAMELOT);
  }
}
