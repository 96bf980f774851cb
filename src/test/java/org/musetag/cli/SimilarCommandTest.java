package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;

/**
 * {@code similar} and {@code playlist --like / --from --to} end to end on twelve tracks of the small real library
 * (real game soundtracks, Ogg and MP3; {@code MUSETAG_REAL_LIBRARY}, set by {@code .ci/run}; skipped without),
 * scanned and analysed by the bundled model, plus a damaged file and a copy of a track from outside the library.
 */
class SimilarCommandTest {
  @TempDir static Path home;
  static Path music;
  static Path db;
  static List<Path> tracks;
  static Services services;

  @BeforeAll
  static void analyseTwelveRealTracks() throws Exception {
    String source = System.getenv("MUSETAG_REAL_LIBRARY");
    assumeTrue(
        source != null && Files.isDirectory(Path.of(source)), "MUSETAG_REAL_LIBRARY is not set");
    music = Files.createDirectories(home.resolve("music"));
    try (Stream<Path> walk = Files.walk(Path.of(source))) {
      List<Path> all =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".ogg") || p.toString().endsWith(".mp3"))
              .sorted()
              .toList();
      for (int i = 0; i < 12; i++) {
        Path f = all.get(i * all.size() / 12);
        Files.copy(f, music.resolve(i + "-" + f.getFileName()));
      }
    }
    try (Stream<Path> list = Files.list(music)) {
      tracks = list.sorted().toList();
    }
    db = home.resolve("lib.db");
    services = CommandLineRun.services(home);
    assertThat(CommandLineRun.in(services, "scan", music.toString(), "--db", db.toString()).exit())
        .isZero();
    CommandLineRun analyzed = CommandLineRun.in(services, "analyze", "--db", db.toString());
    assertThat(analyzed.exit()).as(analyzed.err()).isZero();
  }

  @AfterAll
  static void close() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void eachSongsNeighboursAreTheOtherTracksNearestFirstNeverItself() throws Exception {
    List<String> args = new ArrayList<>(List.of("similar", "--db", db.toString(), "-n", "5"));
    tracks.forEach(t -> args.add(t.toString()));
    CommandLineRun r = CommandLineRun.in(services, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonObject> lines = r.json();
    assertThat(lines).hasSize(12 * 5);
    for (int q = 0; q < 12; q++) {
      List<JsonObject> mine = lines.subList(q * 5, q * 5 + 5);
      String query = tracks.get(q).toString();
      double last = -1;
      for (int k = 0; k < 5; k++) {
        JsonObject l = mine.get(k);
        assertThat(l.get("query").getAsString()).isEqualTo(query);
        assertThat(l.get("rank").getAsInt()).isEqualTo(k + 1);
        assertThat(l.get("path").getAsString()).isNotEqualTo(query).startsWith(music.toString());
        double d = l.get("distance").getAsDouble();
        assertThat(d).isBetween(0.0, 2.0).isGreaterThanOrEqualTo(last);
        last = d;
        assertThat(l.keySet())
            .contains("artist", "title", "genre", "quadrant", "model")
            .doesNotContain("error");
        assertThat(l.get("quadrant").getAsString()).matches("Q[1-4]");
        assertThat(l.get("model").getAsString()).isEqualTo(services.model().id());
      }
    }
  }

  @Test
  void aFileOutsideTheLibraryIsHeardAndABadFileIsOneErrorLineWhileTheRestGoOn() throws Exception {
    Path outside = Files.createDirectories(home.resolve("elsewhere")).resolve("copy.ogg");
    Path original = tracks.stream().filter(t -> t.toString().endsWith(".ogg")).findFirst().get();
    Files.copy(original, outside);
    Path bad = home.resolve("elsewhere/broken.mp3");
    Files.write(bad, "not audio at all".repeat(100).getBytes());
    CommandLineRun r =
        CommandLineRun.in(
            services,
            "similar",
            "--db",
            db.toString(),
            "-n",
            "3",
            bad.toString(),
            outside.toString(),
            tracks.get(1).toString());
    assertThat(r.exit()).as("a bad file fails the run, after the others").isEqualTo(1);
    List<JsonObject> lines = r.json();
    assertThat(lines).hasSize(1 + 3 + 3);
    assertThat(lines.get(0).get("query").getAsString()).isEqualTo(bad.toString());
    assertThat(lines.get(0).get("error").getAsString()).isNotBlank();
    JsonObject first = lines.get(1);
    assertThat(first.get("query").getAsString()).isEqualTo(outside.toString());
    assertThat(first.get("path").getAsString())
        .as("the same music outside the library finds its library copy first")
        .isEqualTo(original.toString());
    assertThat(first.get("distance").getAsDouble()).isLessThan(1e-3);
    assertThat(lines.get(4).get("query").getAsString()).isEqualTo(tracks.get(1).toString());
  }

  @Test
  void playlistsOfASongsNeighboursAndOfAJourney() throws Exception {
    Path like = home.resolve("like.m3u8");
    CommandLineRun r =
        CommandLineRun.in(
            services,
            "playlist",
            "--db",
            db.toString(),
            "--like",
            tracks.get(2).toString(),
            "-n",
            "6",
            "--out",
            like.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> liked = entries(like);
    assertThat(liked).hasSize(6).doesNotHaveDuplicates();
    assertThat(liked.get(0)).as("the song itself first").isEqualTo(tracks.get(2).toString());

    Path journey = home.resolve("journey.m3u8");
    r =
        CommandLineRun.in(
            services,
            "playlist",
            "--db",
            db.toString(),
            "--from",
            tracks.get(0).toString(),
            "--to",
            tracks.get(11).toString(),
            "-n",
            "6",
            "--out",
            journey.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> path = entries(journey);
    assertThat(path.size()).isBetween(2, 6);
    assertThat(new HashSet<>(path)).hasSameSizeAs(path);
    assertThat(path.get(0)).isEqualTo(tracks.get(0).toString());
    assertThat(path.get(path.size() - 1)).isEqualTo(tracks.get(11).toString());

    CommandLineRun outside =
        CommandLineRun.in(
            services,
            "playlist",
            "--db",
            db.toString(),
            "--from",
            home.resolve("nowhere.ogg").toString(),
            "--to",
            tracks.get(11).toString(),
            "--out",
            journey.toString());
    assertThat(outside.exit()).isEqualTo(2);
    assertThat(outside.err()).contains("nowhere.ogg is not in the library");
  }

  private static List<String> entries(Path m3u) throws Exception {
    return Files.readAllLines(m3u).stream().filter(l -> !l.startsWith("#")).toList();
  }
}
