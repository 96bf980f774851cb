package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.Quadrant;

/**
 * A library after an upgrade of the bundled model: three tracks heard by the bundled model, two heard only by an
 * older one ({@code musetag-base@1.0.0}, stored through the library's own API as an earlier Musetag stored them).
 * No command may use the old analyses without saying so, and a plain {@code analyze} hears those tracks again.
 */
class OtherModelsCommandLineTest {
  static final String OLD = "musetag-base@1.0.0";

  @TempDir Path home;
  private Path db;
  private Services services;
  private String current;

  @BeforeEach
  void libraryHeardPartlyByAnOlderModel() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    for (int i = 0; i < 3; i++) {
      AudioFixtures.tone(music, "now" + i, Encoding.OGG_VORBIS, 300 + 200 * i, 4.0);
    }
    db = home.resolve("library.db");
    services = CommandLineRun.services(home);
    current = services.model().id();
    assertThat(CommandLineRun.in(services, "scan", music.toString(), "--db", db.toString()).exit())
        .isZero();
    assertThat(CommandLineRun.in(services, "analyze", "--db", db.toString()).exit()).isZero();
    for (int i = 0; i < 2; i++) {
      AudioFixtures.tone(music, "old" + i, Encoding.OGG_VORBIS, 1500 + 500 * i, 4.0);
    }
    assertThat(CommandLineRun.in(services, "scan", music.toString(), "--db", db.toString()).exit())
        .isZero();
    try (Library library = Library.open(db)) {
      Analysis heard = library.analyses().find(current, null, null).get(0).analysis();
      long later = System.currentTimeMillis() + 60_000;
      for (Track t : library.tracks().all(Track.OK)) {
        if (t.path().getFileName().toString().startsWith("old")) {
          library.analyses().store(t, byOldModel(heard, heard.quadrant()), later);
        }
      }
    }
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    services.close();
  }

  private static Analysis byOldModel(Analysis a, String quadrant) {
    return new Analysis(
        a.genres(),
        quadrant,
        a.quadrants(),
        a.valence(),
        a.arousal(),
        a.confidence(),
        a.embedding(),
        OLD);
  }

  private CommandLineRun run(String... args) {
    return CommandLineRun.in(services, args);
  }

  @Test
  void tagDryRunUsesOnlyTheBundledModelsAnalysesAndSaysHowManyItLeftOut() {
    CommandLineRun r = run("tag", "--db", db.toString(), "--dry-run");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("of 3 files would change")
        .contains("; 2 heard by another model than " + current + " are left out");
    assertThat(r.err())
        .contains(
            "musetag: 2 tracks were heard by "
                + OLD
                + ", not by "
                + current
                + ", and are left out: run \"musetag analyze --db "
                + db
                + "\" to hear them again");
  }

  @Test
  void playlistListsOnlyTracksTheBundledModelHeard() throws Exception {
    String q;
    try (Library library = Library.open(db)) {
      q = library.analyses().find(OLD, null, null).get(0).analysis().quadrant();
    }
    Path m3u = home.resolve("p.m3u8");
    CommandLineRun r =
        run("playlist", "--db", db.toString(), "--quadrant", q, "--out", m3u.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(m3u)).doesNotContain("old0.ogg", "old1.ogg");
    assertThat(r.err()).contains("2 tracks were heard by " + OLD + ", not by " + current);
  }

  @Test
  void plainAnalyzeHearsTheOlderModelsTracksAgainAndSaysSoBeforeAndAfter() throws Exception {
    CommandLineRun r = run("analyze", "--db", db.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "musetag: 2 tracks were heard by "
                + OLD
                + ", not by "
                + current
                + "; hearing them again now");
    assertThat(r.json().get(0).get("analysed").getAsInt()).isEqualTo(2);
    assertThat(r.json().get(0).get("already_done").getAsInt()).isEqualTo(3);
    assertThat(r.json().get(0).get("heard_by_other_models").getAsInt()).isZero();
    try (Library library = Library.open(db)) {
      assertThat(library.analyses().find(current, null, null)).hasSize(5);
      assertThat(library.analyses().heardOnlyByOtherModels(current).tracks()).isZero();
    }
    assertThat(run("analyze", "--db", db.toString()).err()).doesNotContain("heard by");
  }

  @Test
  void searchFindsATrackByItsNewestAnalysisOnlyNotByWhatAnOlderModelHeard() throws Exception {
    Track track;
    String other;
    try (Library library = Library.open(db)) {
      Analysed a = library.analyses().find(current, null, null).get(0);
      track = a.track();
      other =
          List.of(Quadrant.values()).stream()
              .map(Quadrant::name)
              .filter(q -> !q.equals(a.analysis().quadrant()))
              .findFirst()
              .orElseThrow();
      library.analyses().store(track, byOldModel(a.analysis(), other), 1_000);
    }

    CommandLineRun r = run("search", "--db", db.toString(), other);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain(track.path().toString());
  }
}
