package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.TagJournal.Batch;

/**
 * A library keeps its data across Musetag versions: a file left at any older schema (made here by running only the
 * first scripts, as that older Musetag did) opens at the current one with every track, analysis and tag batch kept,
 * and a file from a newer Musetag is refused by name and left as it was.
 */
class MigrationsTest {
  private static final String MODEL = "musetag-base@1.0.0";

  @TempDir Path dir;

  static IntStream olderSchemas() {
    return IntStream.range(1, Migrations.latest());
  }

  @ParameterizedTest(name = "from schema {0}")
  @MethodSource("olderSchemas")
  void anOlderLibraryUpgradesToTheCurrentSchemaWithItsDataKept(int schema) throws Exception {
    Path db = dir.resolve("old.db");
    Path song = dir.resolve("music/song.flac");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      buildSchema(c, schema);
      insertTrackAnalysisAndBatch(c, song, schema);
    }

    try (Library library = Library.open(db)) {
      Track track = library.tracks().byPath(song);
      assertThat(track).isNotNull();
      assertThat(track.title()).isEqualTo("Old Song");
      assertThat(track.artist()).isEqualTo("Old Band");
      List<Analysed> analysed = library.analyses().find(MODEL, null, null);
      assertThat(analysed)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.track().path()).isEqualTo(song);
                assertThat(a.analysis().quadrant()).isEqualTo("Q3");
                assertThat(a.analysis().valence()).isEqualTo(-0.25);
                assertThat(a.analysis().embedding()).containsExactly(0.5f, -1.0f);
                assertThat(a.analysis().tempoKey())
                    .as("heard before tempo and key were")
                    .isEqualTo(org.musetag.dsp.TempoKey.NONE);
              });
      assertThat(library.tracks().search("old band", 10))
          .extracting(Track::path)
          .containsExactly(song);
      List<Batch> batches = library.journal().batches();
      assertThat(batches)
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.id()).isEqualTo("batch-1");
                assertThat(b.state()).isEqualTo("done");
                assertThat(b.written()).isEqualTo(1);
                assertThat(b.owner()).isNull();
              });
      assertThat(library.journal().entries("batch-1"))
          .singleElement()
          .satisfies(e -> assertThat(e.newValues()).containsExactly("Blues"));
    }
    assertThat(userVersion(db)).isEqualTo(Migrations.latest());
  }

  @Test
  void aLibraryFromANewerMusetagIsRefusedByNameAndLeftAsItWas() throws Exception {
    Path db = dir.resolve("newer.db");
    int newer = Migrations.latest() + 1;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)");
      s.execute("PRAGMA user_version = " + newer);
    }
    byte[] before = Files.readAllBytes(db);

    assertThatThrownBy(() -> Library.open(db))
        .isInstanceOf(LibraryException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("newer Musetag")
        .hasMessageContaining("schema version " + newer)
        .hasMessageNotContaining("Exception");

    assertThat(Arrays.equals(Files.readAllBytes(db), before))
        .as("the newer library's bytes are unchanged")
        .isTrue();
    assertThat(userVersion(db)).isEqualTo(newer);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.getString(1)).as("journal mode, not switched to WAL").isEqualTo("delete");
    }
  }

  /** Runs the first {@code n} migration scripts as that older Musetag did, recording the version. */
  private static void buildSchema(Connection c, int n) throws Exception {
    try (Statement s = c.createStatement()) {
      for (String script : Migrations.SCRIPTS.subList(0, n)) {
        for (String statement : Migrations.statements(Migrations.read(script))) {
          s.execute(statement);
        }
      }
      s.execute("PRAGMA user_version = " + n);
    }
  }

  /** Writes rows as that schema holds them (embeddings in their own table from schema 4). */
  private static void insertTrackAnalysisAndBatch(Connection c, Path song, int schema)
      throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO tracks(id, path, size, mtime_ms, status, format, title, artist, album, scanned_at)"
              + " VALUES (1, '"
              + song
              + "', 1234, 5678, 'ok', 'flac', 'Old Song', 'Old Band', 'Old Album', 1000)");
      s.execute(
          "INSERT INTO tracks_fts(rowid, artist, title, album, genre, mood, path)"
              + " VALUES (1, 'Old Band', 'Old Song', 'Old Album', 'Blues', 'Q3 sad melancholic', '"
              + song
              + "')");
      s.execute(
          "INSERT INTO tag_batches(id, created_at, model, settings, state) VALUES ('batch-1', 2000, '"
              + MODEL
              + "', '{}', 'done')");
      s.execute(
          "INSERT INTO tag_journal(batch_id, path, field, old_json, new_json, state) VALUES ('batch-1', '"
              + song
              + "', 'genre', '[]', '[\"Blues\"]', 'written')");
    }
    if (schema < 4) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO analyses(track_id, model, top_genre, genres_json,"
                  + " quadrant, quadrants_json, valence, arousal, confidence, embedding, source_size, source_mtime_ms,"
                  + " analysed_at) VALUES (1, ?, 'Blues', '[{\"label\":\"Blues\",\"p\":0.8}]', 'Q3',"
                  + " '{\"Q1\":0.1,\"Q2\":0.1,\"Q3\":0.7,\"Q4\":0.1}', -0.25, -0.5, 0.7, ?, 1234, 5678, 3000)")) {
        ps.setString(1, MODEL);
        ps.setBytes(2, AnalysisStore.toBytes(new float[] {0.5f, -1.0f}));
        ps.executeUpdate();
      }
      return;
    }
    // schema 4 keeps embeddings in their own table
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analyses(track_id, model, top_genre, genres_json,"
                + " quadrant, quadrants_json, valence, arousal, confidence, source_size, source_mtime_ms,"
                + " analysed_at) VALUES (1, ?, 'Blues', '[{\"label\":\"Blues\",\"p\":0.8}]', 'Q3',"
                + " '{\"Q1\":0.1,\"Q2\":0.1,\"Q3\":0.7,\"Q4\":0.1}', -0.25, -0.5, 0.7, 1234, 5678, 3000)")) {
      ps.setString(1, MODEL);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO embeddings(path, model, size, mtime_ms, embedding) VALUES (?, ?, 1234, 5678, ?)")) {
      ps.setString(1, song.toString());
      ps.setString(2, MODEL);
      ps.setBytes(3, AnalysisStore.toBytes(new float[] {0.5f, -1.0f}));
      ps.executeUpdate();
    }
  }

  private static int userVersion(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }
}
