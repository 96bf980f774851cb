package org.musetag.ui.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.ImperfectFiles;
import org.musetag.cli.CommandLineRun;
import org.musetag.ml.BundledModel;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.WorkerPool;

/**
 * A classify card says about a file what {@code musetag classify} and {@code musetag tag --dry-run} say about the
 * same file, word for word: the notes of a file heard although not quite right, the error of one that cannot be
 * heard, and why one cannot be tagged. The command line is run in-process on the same files for the expected words.
 */
class ClassifyCardMessagesTest {
  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private LibraryGateway gateway;
  private BundledModel models;
  private ClassifyViewModel vm;
  private Path music;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    Services s = TestServices.in(dir.resolve("app"));
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    vm =
        new ClassifyViewModel(
            runner,
            dialogs,
            models,
            new WorkerPool(s.executors(), () -> 1),
            new TagBatches(gateway),
            () -> ClassifyViewModelTest.EVERYTHING);
  }

  @AfterEach
  void tearDown() {
    models.close();
    gateway.close();
  }

  @Test
  void aCardShowsTheNotesOrTheErrorThatClassifyPrintsForTheSameFile() throws Exception {
    Path cut =
        ImperfectFiles.firstHalf(
            AudioFixtures.tone(dir, "whole", Encoding.FLAC, 440, 20.0), "cut.flac");
    Path cutHere = Files.move(cut, music.resolve("cut.flac"));
    Path misnamed =
        ImperfectFiles.namedAs(AudioFixtures.tone(music, "real", Encoding.FLAC, 330, 6.0), "mp3");
    Path picture =
        ImperfectFiles.withDamagedPicture(
            AudioFixtures.tone(music, "cover", Encoding.FLAC, 550, 6.0));
    Path broken = Files.write(music.resolve("broken.ogg"), new byte[] {1, 2, 3, 4});
    List<Path> files = List.of(cutHere, misnamed, picture, broken);

    List<JsonObject> printed =
        CommandLineRun.in(
                dir.resolve("cli"),
                "classify",
                cutHere.toString(),
                misnamed.toString(),
                picture.toString(),
                broken.toString())
            .json();
    vm.classify(files);

    assertThat(runner.failures).isEmpty();
    assertThat(printed).hasSize(4);
    assertThat(notes(printed.get(0)))
        .anySatisfy(n -> assertThat(n).contains("is truncated", "analysed on the"));
    assertThat(notes(printed.get(1))).contains("is named .mp3 but its content is FLAC");
    assertThat(notes(printed.get(2)))
        .anySatisfy(n -> assertThat(n).contains("damaged tags", "picture"));
    assertThat(printed.get(3).has("error")).isTrue();
    for (int i = 0; i < 3; i++) {
      ClassifyCardViewModel card = vm.cards().get(i);
      assertThat(card.stateProperty().get()).isEqualTo(ClassifyCardViewModel.State.DONE);
      assertThat(card.notes())
          .as(files.get(i).toString())
          .containsExactlyElementsOf(notes(printed.get(i)));
    }
    ClassifyCardViewModel unheard = vm.cards().get(3);
    assertThat(unheard.stateProperty().get()).isEqualTo(ClassifyCardViewModel.State.FAILED);
    assertThat(unheard.messageProperty().get())
        .isEqualTo(printed.get(3).get("error").getAsString());
    assertThat(unheard.notes()).isEmpty();
  }

  @Test
  void aSoundFileHasNoNotes() throws Exception {
    vm.classify(List.of(AudioFixtures.tone(music, "fine", Encoding.MP3, 440, 4.0)));

    assertThat(vm.cards().get(0).stateProperty().get()).isEqualTo(ClassifyCardViewModel.State.DONE);
    assertThat(vm.cards().get(0).notes()).isEmpty();
  }

  @Test
  void writeTagsRefusesAMisnamedFileWithTheReasonTagDryRunPrints() throws Exception {
    Path misnamed =
        ImperfectFiles.namedAs(AudioFixtures.tone(music, "real", Encoding.FLAC, 330, 6.0), "mp3");
    Files.delete(music.resolve("real.flac"));

    assertRefusedAsTagDryRunSays(misnamed);
  }

  @Test
  void writeTagsRefusesAFileWithADamagedPictureWithTheReasonTagDryRunPrints() throws Exception {
    Path picture =
        ImperfectFiles.withDamagedPicture(
            AudioFixtures.tone(music, "cover", Encoding.FLAC, 550, 6.0));
    Files.delete(music.resolve("cover.flac"));

    assertRefusedAsTagDryRunSays(picture);
  }

  /** The card's Write tags shows the reason {@code tag --dry-run} skips {@code file} with, and writes nothing. */
  private void assertRefusedAsTagDryRunSays(Path file) throws Exception {
    List<String> skips = dryRunSkips();
    String reason =
        skips.stream()
            .filter(s -> s.startsWith(file + ": "))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("tag --dry-run does not skip " + file + ": " + skips));
    byte[] before = Files.readAllBytes(file);
    vm.classify(List.of(file));
    ClassifyCardViewModel card = vm.cards().get(0);

    card.writeTags();

    assertThat(dialogs.errors).containsExactly(reason);
    assertThat(dialogs.changeConfirmations).isEmpty();
    assertThat(card.writeStatusProperty().get()).isEqualTo("Not written: " + reason);
    assertThat(card.writingProperty().get()).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void writeTagsOnAFileThatHasGoneSaysSoAsTagDoes() throws Exception {
    Path song = AudioFixtures.tone(music, "song", Encoding.FLAC, 330, 4.0);
    List<String> before = dryRunSkips();
    vm.classify(List.of(song));
    Files.delete(song);
    String gone =
        dryRunSkips().stream().filter(s -> s.startsWith(song + ": ")).findFirst().orElseThrow();
    assertThat(before).isEmpty();

    vm.cards().get(0).writeTags();

    assertThat(dialogs.errors).containsExactly(gone);
  }

  /** What {@code tag --dry-run} prints after "skip " for the files in {@link #music}, scanned and analysed. */
  private List<String> dryRunSkips() {
    Path home = dir.resolve("cli");
    String db = home.resolve("cli.db").toString();
    if (!Files.exists(home.resolve("cli.db"))) {
      assertThat(CommandLineRun.in(home, "scan", music.toString(), "--db", db).exit()).isZero();
      assertThat(CommandLineRun.in(home, "analyze", "--db", db).exit()).isZero();
    }
    CommandLineRun r = CommandLineRun.in(home, "tag", "--db", db, "--dry-run");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out()
        .lines()
        .filter(l -> l.startsWith("skip "))
        .map(l -> l.substring("skip ".length()))
        .toList();
  }

  private static List<String> notes(JsonObject row) {
    if (!row.has("notes")) {
      return List.of();
    }
    return row.getAsJsonArray("notes").asList().stream().map(JsonElement::getAsString).toList();
  }
}
