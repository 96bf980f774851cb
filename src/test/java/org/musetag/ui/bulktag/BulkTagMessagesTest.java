package org.musetag.ui.bulktag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
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
import org.musetag.ui.services.LibraryJobs;
import org.musetag.ui.services.TagBatches;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;
import org.musetag.ui.task.WorkerPool;

/**
 * The wizard says about a folder what {@code musetag scan}, {@code analyze} and {@code tag --dry-run} say about the
 * same folder, word for word: the files it could not read, the files heard although not quite right, and the files
 * it will not write, each with its reason. The command line runs in-process on a copy of the folder's files.
 */
class BulkTagMessagesTest {
  private static final String PREFIX = "musetag: ";

  @TempDir Path dir;
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private LibraryGateway gateway;
  private BundledModel models;
  private BulkTagViewModel vm;
  private Path music;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    Services s = TestServices.in(dir.resolve("app"));
    gateway = TestServices.gateway(dir.resolve("library.db"));
    models = s.model();
    LibraryJobs jobs =
        new LibraryJobs(
            gateway,
            s.decoder(),
            models,
            new WorkerPool(s.executors(), () -> 2),
            () -> BulkTagViewModelTest.EVERYTHING);
    vm =
        new BulkTagViewModel(
            runner,
            dialogs,
            jobs,
            new TagBatches(gateway),
            new SimpleObjectProperty<>(BulkTagViewModelTest.EVERYTHING),
            () -> {});
  }

  @AfterEach
  void tearDown() {
    models.close();
    gateway.close();
  }

  @Test
  void theWizardListsTheProblemsAndSkipsThatTheCommandLinePrintsForTheSameFolder()
      throws Exception {
    AudioFixtures.tone(music, "fine", Encoding.MP3, 440, 4.0);
    Path whole = AudioFixtures.tone(dir, "whole", Encoding.FLAC, 330, 12.0);
    Files.move(ImperfectFiles.firstHalf(whole, "cut.flac"), music.resolve("cut.flac"));
    Path real = AudioFixtures.tone(music, "real", Encoding.FLAC, 550, 4.0);
    Path misnamed = ImperfectFiles.namedAs(real, "mp3");
    Files.delete(real);
    Files.write(music.resolve("broken.ogg"), new byte[] {1, 2, 3, 4});

    Path home = dir.resolve("cli");
    String db = home.resolve("cli.db").toString();
    CommandLineRun scan = CommandLineRun.in(home, "scan", music.toString(), "--db", db);
    CommandLineRun analyze = CommandLineRun.in(home, "analyze", "--db", db);
    CommandLineRun dryRun = CommandLineRun.in(home, "tag", "--db", db, "--dry-run");
    List<String> scanProblems = prefixed(scan.err());
    List<String> analyzeProblems = prefixed(analyze.err());
    List<String> skips =
        dryRun
            .out()
            .lines()
            .filter(l -> l.startsWith("skip "))
            .map(l -> l.substring("skip ".length()))
            .toList();
    assertThat(scanProblems)
        .singleElement()
        .asString()
        .startsWith(music.resolve("broken.ogg") + ": ");
    assertThat(analyzeProblems)
        .anySatisfy(p -> assertThat(p).startsWith(music.resolve("cut.flac") + ": is truncated"))
        .anySatisfy(p -> assertThat(p).startsWith(misnamed + ": is named .mp3"));
    assertThat(skips).singleElement().asString().startsWith(misnamed + ": cannot write tags");

    vm.addFolder(music);
    vm.start();

    assertThat(runner.failures).isEmpty();
    assertThat(dialogs.errors).isEmpty();
    assertThat(vm.stepProperty().get()).isEqualTo(BulkTagViewModel.Step.PREVIEW);
    assertThat(vm.problems())
        .containsExactlyInAnyOrderElementsOf(concat(scanProblems, analyzeProblems));
    assertThat(vm.rows())
        .filteredOn(PreviewRow::skipped)
        .extracting(PreviewRow::skipReason)
        .containsExactlyElementsOf(skips);
    assertThat(vm.previewSummaryProperty().get()).endsWith("· 1 skipped");
  }

  /** The lines a command printed as "musetag: ..." on standard error, without that prefix. */
  private static List<String> prefixed(String err) {
    return err.lines()
        .filter(l -> l.startsWith(PREFIX))
        .map(l -> l.substring(PREFIX.length()))
        .toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
