package org.musetag.ui.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.LibraryScanner;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.services.TestServices;
import org.musetag.ui.task.CurrentThreadTaskRunner;

/** The similar-songs panel's state against a real library file, with work run on the test's thread. */
class SimilarViewModelTest {
  private static final String MODEL = "musetag-base@2.0.0";
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();

  /** Four scanned files; track i's embedding points at angle i × 20°. */
  private static LibraryGateway library(Path dir, int n) throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    for (int i = 0; i < n; i++) {
      AudioFixtures.tone(music, "t" + i, Encoding.WAV, 300 + 40 * i, 0.3);
    }
    LibraryGateway gateway = TestServices.gateway(dir.resolve("library.db"));
    gateway.write(
        lib -> {
          new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(1))
              .scan(List.of(music), (d, t) -> {}, () -> false);
          for (Track t : lib.tracks().all(Track.OK)) {
            int i = Integer.parseInt(t.path().getFileName().toString().replaceAll("\\D", ""));
            lib.analyses().store(t, at(i * 20, MODEL), 1);
          }
          return null;
        });
    return gateway;
  }

  static Analysis at(double degrees, String model) {
    float[] e = new float[128];
    e[0] = (float) Math.cos(Math.toRadians(degrees));
    e[1] = (float) Math.sin(Math.toRadians(degrees));
    Map<String, Double> q = new LinkedHashMap<>();
    for (String k : List.of("Q1", "Q2", "Q3", "Q4")) {
      q.put(k, 0.25);
    }
    return new Analysis(
        List.of(new LabelScore("rock", 0.6), new LabelScore("jazz", 0.4)),
        "Q1",
        q,
        0.3,
        0.3,
        0.25,
        e,
        model);
  }

  private static TrackRow row(LibraryGateway gateway, String name) throws Exception {
    return gateway.read(
        lib ->
            lib.tracks().all(Track.OK).stream()
                .filter(t -> t.path().getFileName().toString().equals(name))
                .map(t -> TrackRow.of(t, at(0, MODEL)))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void listsTheNearestFirstAndSavesThemAsAPlaylist(@TempDir Path dir) throws Exception {
    try (LibraryGateway gateway = library(dir, 4)) {
      SimilarViewModel vm = new SimilarViewModel(gateway, runner, dialogs, () -> MODEL);
      vm.findSimilar(row(gateway, "t0.wav"));
      assertThat(vm.rows())
          .extracting(r -> r.track().path().getFileName().toString())
          .containsExactly("t1.wav", "t2.wav", "t3.wav");
      assertThat(vm.rows().get(0).distance()).isLessThan(vm.rows().get(2).distance());
      assertThat(vm.highlightProperty().get().tracks()).hasSize(3);
      assertThat(vm.statusProperty().get()).contains("3 tracks").contains(MODEL);

      Path m3u = dir.resolve("like.m3u8");
      vm.savePlaylist(m3u);
      assertThat(Files.readAllLines(m3u).stream().filter(l -> !l.startsWith("#")))
          .containsExactly(
              vm.rows().get(0).track().path().toString(),
              vm.rows().get(1).track().path().toString(),
              vm.rows().get(2).track().path().toString());
      assertThat(runner.failures).isEmpty();
    }
  }

  @Test
  void aLibraryFileByItsPathListsItsNeighboursAndAnotherFileIsToldSo(@TempDir Path dir)
      throws Exception {
    try (LibraryGateway gateway = library(dir, 3)) {
      SimilarViewModel vm = new SimilarViewModel(gateway, runner, dialogs, () -> MODEL);
      vm.findSimilar(dir.resolve("music/t1.wav"));
      assertThat(vm.rows())
          .extracting(r -> r.track().path().getFileName().toString())
          .containsExactlyInAnyOrder("t0.wav", "t2.wav");
      vm.findSimilar(dir.resolve("elsewhere.ogg"));
      assertThat(vm.statusProperty().get())
          .isEqualTo("elsewhere.ogg is not a library track heard by " + MODEL);
    }
  }

  @Test
  void aHeardFileIsComparedOnlyWithTheSameModelsAnalyses(@TempDir Path dir) throws Exception {
    try (LibraryGateway gateway = library(dir, 3)) {
      SimilarViewModel vm = new SimilarViewModel(gateway, runner, dialogs, () -> MODEL);
      vm.findSimilar(dir.resolve("dropped.ogg"), at(41, MODEL));
      assertThat(vm.rows().get(0).track().path().getFileName().toString()).isEqualTo("t2.wav");
      assertThat(vm.highlightProperty().get().query()).isNull();

      vm.findSimilar(dir.resolve("dropped.ogg"), at(41, "musetag-base@1.1.0"));
      assertThat(vm.statusProperty().get())
          .isEqualTo("dropped.ogg was heard by musetag-base@1.1.0, the library by " + MODEL);
      assertThat(vm.runningProperty().get()).isFalse();
    }
  }

  @Test
  void aCancelledSearchSaysSoAndTheIndexFollowsTheLibraryAfterItChanges(@TempDir Path dir)
      throws Exception {
    try (LibraryGateway gateway = library(dir, 3)) {
      SimilarViewModel vm = new SimilarViewModel(gateway, runner, dialogs, () -> MODEL);
      runner.cancelRequested = true;
      vm.findSimilar(row(gateway, "t0.wav"));
      assertThat(vm.statusProperty().get()).isEqualTo("Cancelled");
      assertThat(vm.rows()).isEmpty();
      runner.cancelRequested = false;

      vm.findSimilar(row(gateway, "t0.wav"));
      assertThat(vm.rows()).hasSize(2);
      AudioFixtures.tone(dir.resolve("music"), "t3", Encoding.WAV, 700, 0.3);
      gateway.write(
          lib -> {
            new LibraryScanner(lib, new FfmpegAudioDecoder(), Executors.newFixedThreadPool(1))
                .scan(List.of(dir.resolve("music")), (d, t) -> {}, () -> false);
            lib.analyses().store(lib.tracks().byPath(dir.resolve("music/t3.wav")), at(5, MODEL), 2);
            return null;
          });
      vm.findSimilar(row(gateway, "t0.wav"));
      assertThat(vm.rows()).as("the index is kept until told the library changed").hasSize(2);
      vm.invalidate();
      vm.findSimilar(row(gateway, "t0.wav"));
      assertThat(vm.rows().get(0).track().path().getFileName().toString()).isEqualTo("t3.wav");
    }
  }

  @Test
  void aJourneyNeedsAStartAndAnotherSong(@TempDir Path dir) throws Exception {
    try (LibraryGateway gateway = library(dir, 5)) {
      SimilarViewModel vm = new SimilarViewModel(gateway, runner, dialogs, () -> MODEL);
      TrackRow t0 = row(gateway, "t0.wav");
      vm.journeyTo(t0);
      assertThat(vm.statusProperty().get()).startsWith("Choose where the journey starts");
      vm.startJourney(t0);
      vm.journeyTo(t0);
      assertThat(vm.statusProperty().get()).contains("different song");
      vm.journeyTo(row(gateway, "t4.wav"));
      assertThat(vm.rows())
          .extracting(r -> r.track().path().getFileName().toString())
          .containsExactly("t0.wav", "t1.wav", "t2.wav", "t3.wav", "t4.wav");
      assertThat(vm.highlightProperty().get().path()).hasSize(5);
    }
  }
}
