package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.dsp.TempoKey;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.PatchModel;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.SharedSessions;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;

class AnalyzeJobTest {
  @TempDir Path dir;
  private Library library;
  private PatchModel model;
  private ExecutorService pool;
  private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

  @BeforeEach
  void setUp() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    for (int i = 0; i < 6; i++) {
      AudioFixtures.tone(music, "song" + i, Encoding.OGG_VORBIS, 200 + 100 * i, 4.0);
    }
    Files.writeString(music.resolve("zz-broken.flac"), "nope");
    library = Library.open(dir.resolve("library.db"));
    pool = Executors.newFixedThreadPool(2);
    new LibraryScanner(library, decoder, pool).scan(List.of(music), (d, t) -> {}, () -> false);
    model = SharedSessions.bundled(dir.resolve("cache"), DevicePreference.CPU);
  }

  @AfterEach
  void tearDown() throws Exception {
    model.close();
    pool.shutdownNow();
    library.close();
  }

  private AnalyzeJob job() {
    TrackClassifier classifier = new TrackClassifier(decoder, model, new StageTimes());
    return new AnalyzeJob(library, classifier, new ClassifyJob(classifier, pool, 2));
  }

  private static final JobListener QUIET = JobListener.QUIET;

  @Test
  void analysesEveryReadableTrackAndStoresTheResult() throws Exception {
    AnalyzeJob.Report r = job().run(QUIET, () -> false);

    assertThat(r.analysed()).isEqualTo(6);
    List<Analysed> stored = library.analyses().find(model.id(), null, null);
    assertThat(stored).hasSize(6);
    // what is stored is what the model answers for that file, whatever its embedding's width
    Analysed first = stored.get(0);
    try (PatchPredictor predictor = model.newPredictor()) {
      assertThat(first.analysis().embedding())
          .isNotEmpty()
          .containsExactly(
              new TrackClassifier(decoder, model, new StageTimes())
                  .classify(first.track().path(), predictor)
                  .embedding());
    }
    assertThat(stored.get(0).analysis().genres()).hasSize(14);
  }

  @Test
  void aCancelledRunKeepsWhatItDidAndTheNextRunResumes() throws Exception {
    // Workers ask before each file; saying "stop" from the third question on lets exactly two files
    // through,
    // however fast the workers run ahead of the progress reports (a cancel keyed to progress raced
    // them).
    AtomicInteger asked = new AtomicInteger();
    AnalyzeJob.Report first = job().run(QUIET, () -> asked.incrementAndGet() > 2);

    assertThat(first.cancelled()).isTrue();
    int kept = library.analyses().find(model.id(), null, null).size();
    assertThat(kept).isBetween(2, 5);

    AnalyzeJob.Report second = job().run(QUIET, () -> false);

    assertThat(second.skipped()).isEqualTo(kept);
    assertThat(second.analysed()).isEqualTo(6 - kept);
    assertThat(library.analyses().find(model.id(), null, null)).hasSize(6);
  }

  @Test
  void tracksWhoseTempoAndKeyAnOlderMethodHeardAreHeardAgain() throws Exception {
    job().run(QUIET, () -> false);
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("library.db"));
        java.sql.Statement s = c.createStatement()) {
      // two heard by the previous method, one stored before schema 6 (no method), each with a key
      // no method of today would give
      s.execute(
          "UPDATE analyses SET tempo_key_method = 2, musical_key = 'C# major' WHERE track_id IN"
              + " (SELECT id FROM tracks ORDER BY path LIMIT 2)");
      s.execute(
          "UPDATE analyses SET tempo_key_method = NULL, musical_key = 'C# major' WHERE track_id ="
              + " (SELECT id FROM tracks ORDER BY path LIMIT 1 OFFSET 2)");
    }
    assertThat(library.analyses().olderTempoKey(model.id())).isEqualTo(3);

    AnalyzeJob.Report again = job().run(QUIET, () -> false);

    assertThat(again.analysed()).isEqualTo(3);
    assertThat(again.skipped()).isEqualTo(3);
    assertThat(library.analyses().olderTempoKey(model.id())).isZero();
    assertThat(library.analyses().find(model.id(), null, null))
        .hasSize(6)
        .allSatisfy(
            a -> {
              assertThat(a.analysis().tempoKey().method()).isEqualTo(TempoKey.METHOD);
              assertThat(a.analysis().tempoKey().key()).isNotNull();
              assertThat(a.analysis().tempoKey().key().name()).isNotEqualTo("C# major");
            });
  }

  @Test
  void quadrantAndGenreFilterTheAnalysedTracks() throws Exception {
    job().run(QUIET, () -> false);
    List<Analysed> all = library.analyses().find(model.id(), null, null);
    String q = all.get(0).analysis().quadrant();
    String g = all.get(0).analysis().genres().get(0).label();

    List<Analysed> inQ = library.analyses().find(model.id(), q, null);
    List<Analysed> inQandG = library.analyses().find(model.id(), q, g);

    assertThat(inQ).isNotEmpty().allMatch(a -> a.analysis().quadrant().equals(q));
    assertThat(inQandG).isNotEmpty().allMatch(a -> a.analysis().genres().get(0).label().equals(g));
    List<String> words = new ArrayList<>(org.musetag.ml.Quadrant.valueOf(q).words());
    assertThat(library.tracks().search(words.get(0), 100)).hasSize(inQ.size());
  }
}
