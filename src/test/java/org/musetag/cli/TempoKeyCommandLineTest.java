package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.dsp.KeyEstimator;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;

/**
 * Tempo and key on real music (three tracks of the small real library, {@code MUSETAG_REAL_LIBRARY}; skipped
 * without): {@code classify} prints them, {@code analyze} stores the same values, and the notations agree.
 */
class TempoKeyCommandLineTest {
  @TempDir Path home;

  @Test
  void classifyPrintsTempoAndKeyAndAnalyzeStoresTheSame() throws Exception {
    String source = System.getenv("MUSETAG_REAL_LIBRARY");
    assumeTrue(
        source != null && Files.isDirectory(Path.of(source)), "MUSETAG_REAL_LIBRARY is not set");
    Path music = Files.createDirectories(home.resolve("music"));
    try (Stream<Path> walk = Files.walk(Path.of(source))) {
      List<Path> all =
          walk.filter(p -> p.toString().endsWith(".ogg") || p.toString().endsWith(".mp3"))
              .sorted()
              .toList();
      for (int i = 0; i < 3; i++) {
        Path f = all.get(i * all.size() / 3);
        Files.copy(f, music.resolve(i + "-" + f.getFileName()));
      }
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(music)) {
      files = list.sorted().toList();
    }
    String db = home.resolve("lib.db").toString();
    try (Services services = CommandLineRun.services(home)) {
      String[] args =
          Stream.concat(Stream.of("classify"), files.stream().map(Path::toString))
              .toArray(String[]::new);
      CommandLineRun classified = CommandLineRun.in(services, args);
      assertThat(classified.exit()).as(classified.err()).isZero();
      assertThat(CommandLineRun.in(services, "scan", music.toString(), "--db", db).exit()).isZero();
      assertThat(CommandLineRun.in(services, "analyze", "--db", db).exit()).isZero();
      List<Analysed> stored;
      try (Library library = Library.open(Path.of(db))) {
        stored = library.analyses().find(services.model().id(), null, null);
      }
      assertThat(stored).hasSize(3);
      for (JsonObject line : classified.json()) {
        double bpm = line.get("bpm").getAsDouble();
        assertThat(bpm).isBetween(40.0, 240.0);
        assertThat(bpm * 10).as("one decimal").isEqualTo(Math.rint(bpm * 10));
        assertThat(line.get("bpm_confidence").getAsDouble()).isBetween(0.0, 1.0);
        String key = line.get("key").getAsString();
        assertThat(key).matches("(A|A#|B|C|C#|D|D#|E|F|F#|G|G#) (major|minor)");
        assertThat(line.get("key_camelot").getAsString())
            .isEqualTo(KeyEstimator.Key.parse(key).camelot());
        assertThat(line.get("key_confidence").getAsDouble()).isBetween(0.0, 1.0);
        Analysed a =
            stored.stream()
                .filter(s -> s.track().path().toString().equals(line.get("path").getAsString()))
                .findFirst()
                .orElseThrow();
        assertThat(a.analysis().tempoKey().tempo().bpm()).as("stored as heard").isEqualTo(bpm);
        assertThat(a.analysis().tempoKey().key().name()).isEqualTo(key);
      }
      Analysed first = stored.get(0);
      double bpm = first.analysis().tempoKey().tempo().bpm();
      String word =
          first.track().path().getFileName().toString().replaceAll("^\\d+-", "").split("[ ._-]")[0];
      CommandLineRun within =
          CommandLineRun.in(
              services, "search", "--db", db, "--bpm", (bpm - 0.5) + "-" + (bpm + 0.5), word);
      assertThat(within.exit()).as(within.err()).isZero();
      assertThat(within.json())
          .as("searching " + word + " with its tempo finds it")
          .anyMatch(l -> l.get("path").getAsString().equals(first.track().path().toString()));
      assertThat(within.json()).allMatch(l -> Math.abs(l.get("bpm").getAsDouble() - bpm) <= 0.5);
      CommandLineRun outside =
          CommandLineRun.in(services, "search", "--db", db, "--bpm", "241-", word);
      assertThat(outside.exit()).isZero();
      assertThat(outside.json()).as("no track is heard above 240 BPM").isEmpty();

      // a track whose tempo and key an older version of Musetag heard is heard again, and analyze
      // says so
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
          java.sql.Statement s = c.createStatement()) {
        s.execute(
            "UPDATE analyses SET tempo_key_method = 2 WHERE track_id = " + first.track().id());
      }
      CommandLineRun again = CommandLineRun.in(services, "analyze", "--db", db);
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.err())
          .contains("1 track has a tempo and key heard by an older version of Musetag");
      assertThat(again.json())
          .singleElement()
          .satisfies(l -> assertThat(l.get("analysed").getAsInt()).isEqualTo(1));
      CommandLineRun settled = CommandLineRun.in(services, "analyze", "--db", db);
      assertThat(settled.err()).doesNotContain("older version");
      assertThat(settled.json())
          .singleElement()
          .satisfies(l -> assertThat(l.get("analysed").getAsInt()).isZero());
    }
  }
}
