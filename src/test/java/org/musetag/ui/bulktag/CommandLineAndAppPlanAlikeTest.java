package org.musetag.ui.bulktag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.cli.CommandLineRun;
import org.musetag.ml.BundledModel;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.Settings;
import org.musetag.settings.SettingsStore;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.WorkerPool;

/**
 * The same library and the same {@code settings.properties} planned by {@code musetag tag --dry-run} and by the
 * bulk-tag wizard give the same changes, file by file and field by field, the user's genre renames and drops
 * included (docs/decisions/0010-one-tagging-policy.md).
 */
class CommandLineAndAppPlanAlikeTest {
  /** Every label but three dropped, two of those renamed to one word, so the vocabulary shows in every plan. */
  static final GenreVocabulary VOCABULARY =
      new GenreVocabulary(
          Map.of("blues", "Old Time", "jazz", "Old Time"),
          Set.of(
              "classical",
              "country",
              "disco",
              "electronic",
              "folk",
              "hiphop",
              "latin",
              "metal",
              "pop",
              "reggae",
              "rnb"));

  static final Settings SETTINGS =
      new Settings(
          Set.of(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.AROUSAL),
          Map.of(TagField.GENRE, WritePolicy.REPLACE),
          Id3Version.V23,
          0.0,
          0.0,
          VOCABULARY,
          2,
          DevicePreference.CPU);

  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private LibraryGateway gateway;
  private BundledModel models;
  private Path music;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "a", Encoding.MP3, 440, 3.5);
    AudioFixtures.tone(music, "b", Encoding.FLAC, 330, 3.5);
    AudioFixtures.tone(music, "c", Encoding.OPUS, 220, 3.5);
    SettingsStore.in(dir).save(SETTINGS);
  }

  @AfterEach
  void tearDown() {
    if (models != null) {
      models.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void commandLineAndWizardPlanTheSameChangesFromTheSameSettings() throws Exception {
    List<String> app = planInTheApp();
    assertThat(app)
        .anyMatch(r -> r.contains("|genre|") && r.contains("Old Time"))
        .noneMatch(
            r ->
                r.contains("|genre|")
                    && (r.contains("Blues") || r.contains("Jazz") || r.contains("Pop")));

    CommandLineRun cli =
        CommandLineRun.in(dir, "tag", "--db", dir.resolve("library.db").toString(), "--dry-run");

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(planOnTheCommandLine(cli.out())).containsExactlyElementsOf(app);
  }

  @Test
  void aFlagOverridesTheStoredSettingForOneRunOnly() throws Exception {
    planInTheApp();
    String db = dir.resolve("library.db").toString();

    CommandLineRun withFlag =
        CommandLineRun.in(dir, "tag", "--db", db, "--dry-run", "--fields", "valence");
    CommandLineRun without = CommandLineRun.in(dir, "tag", "--db", db, "--dry-run");

    assertThat(planOnTheCommandLine(withFlag.out()))
        .allMatch(r -> r.contains("|valence|") || r.contains("|mood model|"));
    assertThat(planOnTheCommandLine(without.out())).anyMatch(r -> r.contains("|genre|"));
    assertThat(SettingsStore.in(dir).load()).isEqualTo(SETTINGS);
  }

  /** The wizard's preview rows, with the app's settings read from the data folder as the app reads them. */
  private List<String> planInTheApp() throws Exception {
    Services s = TestServices.in(dir);
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    SimpleObjectProperty<Settings> settings =
        new SimpleObjectProperty<>(SettingsStore.in(dir).load());
    LibraryJobs jobs =
        new LibraryJobs(
            gateway, s.decoder(), models, new WorkerPool(s.executors(), () -> 2), settings::get);
    BulkTagViewModel vm =
        new BulkTagViewModel(
            runner, new ScriptedDialogs(), jobs, new TagBatches(gateway), settings, () -> {});
    vm.addFolder(music);
    vm.start();
    assertThat(runner.failures).isEmpty();
    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.PREVIEW);
    List<String> rows = new ArrayList<>();
    for (PreviewRow r : vm.rows()) {
      rows.add(
          r.skipped()
              ? r.file() + "|skip|" + r.skipReason()
              : row(
                  r.file().toString(),
                  r.field(),
                  r.oldValue().split("; "),
                  r.newValue().split("; ")));
    }
    return sorted(rows);
  }

  /** The dry run's lines ("FILE", then "  field: old -> new", values joined by " | "), as the same rows. */
  private static List<String> planOnTheCommandLine(String out) {
    List<String> rows = new ArrayList<>();
    String file = null;
    for (String line : out.lines().toList()) {
      if (line.startsWith("skip ")) {
        String reason = line.substring("skip ".length());
        rows.add(reason.substring(0, reason.indexOf(": ")) + "|skip|" + reason);
      } else if (line.startsWith("  ")) {
        String field = line.substring(2, line.indexOf(": "));
        String[] change = line.substring(line.indexOf(": ") + 2).split(" -> ");
        rows.add(
            row(file, field.replace('_', ' '), change[0].split(" \\| "), change[1].split(" \\| ")));
      } else if (!line.startsWith("dry run:")) {
        file = line;
      }
    }
    return sorted(rows);
  }

  private static String row(String file, String field, String[] old, String[] next) {
    return file + "|" + field + "|" + String.join(",", old) + "|" + String.join(",", next);
  }

  private static List<String> sorted(List<String> rows) {
    return List.copyOf(new TreeSet<>(rows));
  }
}
