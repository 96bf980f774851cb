package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.library.TagJournal;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.PatchModel;
import org.musetag.ml.SharedSessions;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;
import org.musetag.settings.Settings;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagValues;

/** Bulk tagging on real files, with a real library and the real model: journal, skips, undo across restarts. */
class TagJobTest {
  /** Low thresholds so every field is proposed whatever the model thinks of test tones. */
  static final Settings EVERYTHING =
      Settings.defaults()
          .withFields(Set.of(TagField.GENRE, TagField.MOOD, TagField.VALENCE, TagField.AROUSAL))
          .withThresholds(0.0, 0.0, Settings.DEFAULT_MIN_HEAD_P);

  @TempDir Path dir;
  private Path music;
  private Path dbFile;
  private Library library;
  private final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());
  private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
  private final List<String> problems = new ArrayList<>();
  private final JobListener listener =
      new JobListener() {
        @Override
        public void progress(int done, int total) {}

        @Override
        public void problem(Path file, String reason) {
          problems.add(reason);
        }
      };

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("music"));
    Encoding[] encodings = {
      Encoding.MP3, Encoding.FLAC, Encoding.OGG_VORBIS, Encoding.M4A_AAC, Encoding.OPUS
    };
    for (Encoding e : encodings) {
      AudioFixtures.tone(music, "song-" + e.name().toLowerCase(), e, 330, 4.0);
    }
    dbFile = dir.resolve("library.db");
    library = Library.open(dbFile);
    analyseEverything(library, decoder, music, dir.resolve("cache"));
  }

  @AfterEach
  void tearDown() throws Exception {
    library.close();
  }

  static void analyseEverything(Library library, FfmpegAudioDecoder decoder, Path music, Path cache)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PatchModel model = SharedSessions.bundled(cache, DevicePreference.CPU)) {
      new LibraryScanner(library, decoder, pool).scan(List.of(music), (d, t) -> {}, () -> false);
      TrackClassifier classifier = new TrackClassifier(decoder, model, new StageTimes());
      new AnalyzeJob(library, classifier, new ClassifyJob(classifier, pool, 2))
          .run(JobListener.QUIET, () -> false);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<TagJob.FilePlan> plan(TagJob job) throws Exception {
    return TagPlans.withoutHeads(store, EVERYTHING).plan(library, library.analyses().newestModel());
  }

  @Test
  void writesEveryFileOpusIncludedAndJournalsIt() throws Exception {
    TagJob job = new TagJob(library, store);
    TagJob.Report r = job.write(plan(job), "b1", "m", "{}", listener, () -> false);

    assertThat(r.written()).isEqualTo(5);
    assertThat(r.skipped()).isZero();
    assertThat(problems).isEmpty();
    assertThat(store.read(music.resolve("song-opus.opus")).get(TagField.MOOD_MODEL).get(0))
        .startsWith("musetag-base@");
    TagValues flac = store.read(music.resolve("song-flac.flac"));
    assertThat(flac.get(TagField.GENRE)).isNotEmpty();
    assertThat(flac.get(TagField.MOOD_MODEL).get(0)).startsWith("musetag-base@");
    assertThat(library.journal().entries("b1")).allMatch(e -> e.state().equals(TagJournal.WRITTEN));
  }

  @Test
  void aSecondRunFindsNothingToChangeAndTouchesNoFile() throws Exception {
    TagJob job = new TagJob(library, store);
    job.write(plan(job), "b1", "m", "{}", listener, () -> false);
    Path mp3 = music.resolve("song-mp3.mp3");
    FileTime before = Files.getLastModifiedTime(mp3);

    List<TagJob.FilePlan> again = plan(job);

    assertThat(again).allMatch(p -> p.changes().isEmpty());
    job.write(again, "b2", "m", "{}", listener, () -> false);
    assertThat(Files.getLastModifiedTime(mp3)).isEqualTo(before);
    assertThat(library.analyses().upToDate(library.analyses().newestModel())).hasSize(4 + 1);
  }

  @Test
  void filesThatChangedVanishedOrAreReadOnlyAreReportedAndTheBatchGoesOn() throws Exception {
    TagJob job = new TagJob(library, store);
    List<TagJob.FilePlan> plans = plan(job);
    Path mp3 = music.resolve("song-mp3.mp3");
    Files.setLastModifiedTime(
        mp3, FileTime.fromMillis(Files.getLastModifiedTime(mp3).toMillis() + 10_000));
    Files.delete(music.resolve("song-m4a_aac.m4a"));
    Path flac = music.resolve("song-flac.flac");
    flac.toFile().setWritable(false);
    byte[] flacBytes = Files.readAllBytes(flac);

    TagJob.Report r = job.write(plans, "b1", "m", "{}", listener, () -> false);

    assertThat(r.written()).isEqualTo(2); // the Ogg Vorbis and the Opus file
    assertThat(String.join("\n", problems))
        .contains("song-mp3.mp3: has changed on disk since the last scan")
        .contains("song-m4a_aac.m4a: has vanished")
        .containsPattern("song-flac.flac: .*read-only");
    assertThat(Files.readAllBytes(flac)).isEqualTo(flacBytes);
  }

  @Test
  void undoRestoresThePreviousTagsExactlyAfterARestart() throws Exception {
    Path ogg = music.resolve("song-ogg_vorbis.ogg");
    TagValues before = store.read(ogg);
    TagJob job = new TagJob(library, store);
    job.write(plan(job), "b1", "m", "{}", listener, () -> false);
    assertThat(store.read(ogg)).isNotEqualTo(before);
    library.close();

    try (Library reopened = Library.open(dbFile)) {
      TagJob.Report r = new TagJob(reopened, store).undo("b1", listener);
      assertThat(r.written()).isEqualTo(5);
      assertThat(reopened.journal().entries("b1"))
          .allMatch(e -> e.state().equals(TagJournal.UNDONE));
    }
    library = Library.open(dbFile);
    assertThat(store.read(ogg)).isEqualTo(before);
    assertThat(store.read(music.resolve("song-mp3.mp3"))).isEqualTo(TagValues.empty());
  }

  @Test
  void undoLeavesAloneAFieldSomeoneChangedSince() throws Exception {
    TagJob job = new TagJob(library, store);
    job.write(plan(job), "b1", "m", "{}", listener, () -> false);
    Path flac = music.resolve("song-flac.flac");
    store.write(flac, Map.of(TagField.GENRE, List.of("Shoegaze")));

    job.undo("b1", listener);

    assertThat(store.read(flac).get(TagField.GENRE)).containsExactly("Shoegaze");
    assertThat(problems).anyMatch(p -> p.contains("GENRE was changed since"));
  }
}
