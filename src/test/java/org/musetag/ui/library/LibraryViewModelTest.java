package org.musetag.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.cli.CommandLineRun;
import org.musetag.library.LibraryScanner;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.BundledModel;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.Quadrant;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;

class LibraryViewModelTest {
  private static final String MODEL = "musetag-base@1.1.0";
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();

  static TrackRow row(long id, String genre, Quadrant q, double confidence) {
    return new TrackRow(
        id,
        Path.of("/music/" + id + ".mp3"),
        "Artist " + id,
        "Title " + id,
        "Album",
        "",
        180,
        genre,
        0.8,
        q,
        confidence,
        q == null ? Double.NaN : 0.3,
        q == null ? Double.NaN : -0.2);
  }

  static TrackRow timed(long id, double bpm, String key) {
    TrackRow r = row(id, "rock", Quadrant.Q1, 0.9);
    return new TrackRow(
        r.id(),
        r.path(),
        r.artist(),
        r.title(),
        r.album(),
        r.tagGenre(),
        r.durationSeconds(),
        r.topGenre(),
        r.topGenreP(),
        r.quadrant(),
        r.confidence(),
        r.valence(),
        r.arousal(),
        bpm,
        key);
  }

  @Test
  void filtersByBpmRangeAndByTheKeysThatMixWithTheSelectedTrack(@TempDir Path dir) {
    LibraryViewModel vm =
        new LibraryViewModel(TestServices.gateway(dir.resolve("l.db")), runner, () -> MODEL);
    vm.show(
        new LibraryViewModel.Snapshot(
            List.of(
                timed(1, 124.0, "A minor · 8A"),
                timed(2, 128.5, "C major · 8B"),
                timed(3, 90.0, "E minor · 9A"),
                timed(4, Double.NaN, null),
                timed(5, 126.0, "F# minor · 11A")),
            MODEL));
    vm.bpmProperty().set("120-130");
    assertThat(vm.visibleRows()).extracting(TrackRow::id).containsExactly(1L, 2L, 5L);
    vm.bpmProperty().set("120-1"); // half typed: an empty range is no filter yet
    assertThat(vm.visibleRows()).hasSize(5);
    vm.bpmProperty().set("");
    vm.selectedProperty().set(vm.visibleRows().get(0));
    vm.mixWithSelected();
    assertThat(vm.visibleRows()).extracting(TrackRow::id).containsExactly(1L, 2L, 3L);
    vm.clearFilters();
    assertThat(vm.visibleRows()).hasSize(5);
    assertThat(timed(1, 124.0, "A minor · 8A").tempoKeyText())
        .isEqualTo("124.0 BPM · A minor · 8A");
    assertThat(timed(4, Double.NaN, null).tempoKeyText()).isEmpty();
    assertThat(timed(6, Double.NaN, "C major · 8B").tempoKeyText()).isEqualTo("C major · 8B");
  }

  @Test
  void filtersByGenreQuadrantAndMinimumConfidence(@TempDir Path dir) {
    LibraryViewModel vm =
        new LibraryViewModel(TestServices.gateway(dir.resolve("l.db")), runner, () -> MODEL);
    vm.show(
        new LibraryViewModel.Snapshot(
            List.of(
                row(1, "rock", Quadrant.Q1, 0.9),
                row(2, "jazz", Quadrant.Q4, 0.5),
                row(3, "rock", Quadrant.Q2, 0.3),
                row(4, null, null, Double.NaN)),
            "musetag-base@1"));
    assertThat(vm.visibleRows()).hasSize(4);
    assertThat(vm.genres()).containsExactly("jazz", "rock");
    assertThat(vm.summaryProperty().get()).isEqualTo("4 tracks · 3 analysed");

    vm.genreProperty().set("rock");
    assertThat(vm.visibleRows()).extracting(TrackRow::id).containsExactly(1L, 3L);
    vm.minConfidenceProperty().set(0.5);
    assertThat(vm.visibleRows()).extracting(TrackRow::id).containsExactly(1L);
    assertThat(vm.summaryProperty().get()).isEqualTo("Showing 1 of 4 tracks");

    vm.clearFilters();
    vm.filterQuadrant(Quadrant.Q4);
    assertThat(vm.visibleRows()).extracting(TrackRow::id).containsExactly(2L);
  }

  @Test
  @Tag("timing")
  void filtersHundredThousandRowsWithoutDelay(@TempDir Path dir) {
    LibraryViewModel vm =
        new LibraryViewModel(TestServices.gateway(dir.resolve("l.db")), runner, () -> MODEL);
    List<TrackRow> rows = new ArrayList<>();
    Quadrant[] qs = Quadrant.values();
    for (int i = 0; i < 100_000; i++) {
      rows.add(row(i, i % 3 == 0 ? "rock" : "pop", qs[i % 4], (i % 100) / 100.0));
    }
    vm.show(new LibraryViewModel.Snapshot(rows, "m"));
    long t0 = System.nanoTime();
    vm.filterQuadrant(Quadrant.Q2);
    vm.minConfidenceProperty().set(0.5);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(vm.visibleRows()).hasSize(12_000);
    assertThat(ms).as("filtering 100,000 rows twice, in ms").isLessThan(300);
  }

  @Test
  void searchesWithTheLibrarysFullTextIndex(@TempDir Path dir) throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "first", Encoding.WAV, 440, 1.0);
    AudioFixtures.tone(music, "second", Encoding.FLAC, 220, 1.0);
    LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
    try (gateway) {
      gateway.write(
          lib ->
              new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(2))
                  .scan(List.of(music), (d, t) -> {}, () -> false));
      LibraryViewModel vm = new LibraryViewModel(gateway, runner, () -> MODEL);
      vm.reload();
      assertThat(vm.allRows()).hasSize(2).allMatch(r -> !r.analysed());

      vm.searchProperty().set("fixture fla");
      assertThat(vm.visibleRows())
          .extracting(r -> r.path().getFileName().toString())
          .containsExactly("second.flac");
      vm.searchProperty().set("");
      assertThat(vm.visibleRows()).hasSize(2);
      assertThat(runner.failures).isEmpty();
    }
  }

  @Test
  void listsTheFilesTheScanCouldNotReadAsScanPrintsThem(@TempDir Path dir) throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "fine", Encoding.WAV, 440, 1.0);
    Files.write(music.resolve("broken.mp3"), new byte[] {1, 2, 3, 4});
    CommandLineRun printed =
        CommandLineRun.in(
            dir.resolve("cli"), "scan", music.toString(), "--db", dir.resolve("cli.db").toString());
    List<String> expected =
        printed
            .err()
            .lines()
            .filter(l -> l.startsWith("musetag: "))
            .map(l -> l.substring("musetag: ".length()))
            .toList();
    assertThat(expected).singleElement().asString().startsWith(music.resolve("broken.mp3") + ": ");
    LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
    try (gateway) {
      gateway.write(
          lib ->
              new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(2))
                  .scan(List.of(music), (d, t) -> {}, () -> false));
      LibraryViewModel vm = new LibraryViewModel(gateway, runner, () -> MODEL);

      vm.reload();

      assertThat(vm.allRows()).hasSize(1);
      assertThat(vm.unreadable()).containsExactlyElementsOf(expected);
      assertThat(vm.summaryProperty().get())
          .isEqualTo("1 tracks · 0 analysed · 1 could not be read");
    }
  }

  @Test
  void showsOnlyTheBundledModelsAnalysesNotThoseAnEarlierModelLeftInTheLibrary(@TempDir Path dir)
      throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path heardAgain = AudioFixtures.tone(music, "again", Encoding.OGG_VORBIS, 440, 3.5);
    AudioFixtures.tone(music, "older1", Encoding.OGG_VORBIS, 880, 3.5);
    AudioFixtures.tone(music, "older2", Encoding.OGG_VORBIS, 1760, 3.5);
    Services services = TestServices.in(dir);
    BundledModel models = services.model();
    Analysis bundled;
    try (PatchPredictor predictor = models.model().newPredictor()) {
      bundled = models.classifier().classify(heardAgain, predictor);
    }
    assertThat(bundled.model()).isEqualTo(models.id()).isNotEqualTo(OLDER);
    try (LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
        models) {
      gateway.write(
          lib ->
              new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(2))
                  .scan(List.of(music), (d, t) -> {}, () -> false));
      long t = System.currentTimeMillis() - 60_000;
      storeByName(gateway, "", byOlderModel(bundled), t);
      LibraryViewModel vm = new LibraryViewModel(gateway, runner, models::id);

      vm.reload();

      assertThat(vm.allRows())
          .as("a library the earlier model heard, right after the upgrade")
          .hasSize(3)
          .noneMatch(TrackRow::analysed);
      assertThat(vm.modelProperty().get()).isEqualTo(models.id());
      assertThat(vm.summaryProperty().get()).isEqualTo("3 tracks · 0 analysed");

      storeByName(gateway, "again", bundled, t + 1_000);
      storeByName(gateway, "older", byOlderModel(bundled), t + 2_000);
      String newest = gateway.read(lib -> lib.analyses().newestModel());
      assertThat(newest)
          .as("an older Musetag (a second install) analysed into the same library since")
          .isEqualTo(OLDER);

      vm.reload();

      assertThat(vm.allRows())
          .filteredOn(TrackRow::analysed)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.path()).isEqualTo(heardAgain.toAbsolutePath().normalize());
                assertThat(r.topGenre()).isEqualTo(bundled.genres().get(0).label());
              });
      assertThat(vm.summaryProperty().get()).isEqualTo("3 tracks · 1 analysed");
      assertThat(runner.failures).isEmpty();
    }
  }

  private static final String OLDER = "musetag-base@1.0.0";

  /** Stores {@code a} for every track whose file name starts with {@code prefix}, as the library's writers do. */
  private static void storeByName(LibraryGateway gateway, String prefix, Analysis a, long when)
      throws Exception {
    gateway.write(
        lib -> {
          for (Track t : lib.tracks().all(Track.OK)) {
            if (t.path().getFileName().toString().startsWith(prefix)) {
              lib.analyses().store(t, a, when);
            }
          }
          return null;
        });
  }

  /** What the earlier bundled model, musetag-base@1.0.0, stored for a track. */
  private static Analysis byOlderModel(Analysis a) {
    return new Analysis(
        a.genres(),
        a.quadrant(),
        a.quadrants(),
        a.valence(),
        a.arousal(),
        a.confidence(),
        a.embedding(),
        OLDER);
  }

  @Test
  void libraryAccessOnTheFxThreadIsRefused(@TempDir Path dir) throws Exception {
    LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
    Thread fx =
        new Thread(
            () -> {
              try {
                gateway.read(lib -> lib.tracks().all("ok"));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            "JavaFX Application Thread");
    List<Throwable> seen = new ArrayList<>();
    fx.setUncaughtExceptionHandler((t, e) -> seen.add(e));
    fx.start();
    fx.join();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must not run on the JavaFX thread");
    gateway.close();
  }
}
