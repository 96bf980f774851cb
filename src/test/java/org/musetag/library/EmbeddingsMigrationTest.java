package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.heads.embeddings.EmbeddingStore;

/**
 * Schema V4 gives embeddings one home: a version-3 library's embeddings, kept in analyses and in the training cache,
 * are all there after the upgrade, read through both stores, and each file and model is stored once.
 */
class EmbeddingsMigrationTest {
  private static final String MODEL = "musetag-base@1.1.0";
  @TempDir Path dir;

  @Test
  void aVersion3LibraryKeepsEveryEmbeddingInItsOneHome() throws Exception {
    Path db = dir.resolve("v3.db");
    Path song = dir.resolve("song.mp3");
    Path clip = dir.resolve("clip.ogg");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String script :
          List.of("V1__init.sql", "V2__embeddings_cache.sql", "V3__batch_owner.sql")) {
        for (String statement : statements(script)) {
          s.execute(statement);
        }
      }
      s.execute("PRAGMA user_version = 3");
      s.execute(
          "INSERT INTO tracks(id, path, size, mtime_ms, status, scanned_at) VALUES (1, '"
              + song
              + "', 10, 20,"
              + " 'ok', 0)");
      insertAnalysis(c, 1, floats(0.25f, -1.5f));
      insertCached(
          c,
          song,
          10,
          20,
          floats(0.25f, -1.5f)); // the same file heard for training too: stored twice
      insertCached(c, clip, 5, 6, floats(3f, 4f));
    }

    try (Library library = Library.open(db)) {
      List<AnalysisStore.Analysed> analysed = library.analyses().find(MODEL, null, null);
      assertThat(analysed)
          .singleElement()
          .satisfies(a -> assertThat(a.analysis().embedding()).containsExactly(0.25f, -1.5f));
      Map<Path, EmbeddingStore.Entry> cached =
          library
              .embeddingCache()
              .lookup(
                  List.of(
                      new EmbeddingStore.Stamp(song, 10, 20), new EmbeddingStore.Stamp(clip, 5, 6)),
                  MODEL);
      assertThat(cached.get(song).analysis().embedding()).containsExactly(0.25f, -1.5f);
      assertThat(cached.get(clip).analysis().embedding()).containsExactly(3f, 4f);
      assertThat(cached.get(clip).sha256()).isEqualTo("sha-" + clip.getFileName());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM embeddings")).isEqualTo(2);
      assertThat(
              count(s, "SELECT COUNT(*) FROM pragma_table_info('analyses') WHERE name='embedding'"))
          .isZero();
      assertThat(
              count(
                  s,
                  "SELECT COUNT(*) FROM pragma_table_info('embedding_cache') WHERE name='embedding'"))
          .isZero();
    }
  }

  private static void insertAnalysis(Connection c, long track, byte[] embedding) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analyses(track_id, model, top_genre, genres_json,"
                + " quadrant, quadrants_json, valence, arousal, confidence, embedding, source_size, source_mtime_ms,"
                + " analysed_at) VALUES (?, ?, 'rock', ?, 'Q1', ?, 0.1, 0.2, 0.7, ?, 10, 20, 100)")) {
      ps.setLong(1, track);
      ps.setString(2, MODEL);
      ps.setString(3, "[{\"label\":\"rock\",\"p\":1.0}]");
      ps.setString(4, "{\"Q1\":0.7,\"Q2\":0.1,\"Q3\":0.1,\"Q4\":0.1}");
      ps.setBytes(5, embedding);
      ps.executeUpdate();
    }
  }

  private static void insertCached(Connection c, Path file, long size, long mtime, byte[] embedding)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO embedding_cache(path, model, size, mtime_ms, sha256,"
                + " embedding, genres_json, quadrants_json, valence, arousal, cached_at) VALUES (?,?,?,?,?,?,?,?,0.1,0.2,50)")) {
      ps.setString(1, file.toString());
      ps.setString(2, MODEL);
      ps.setLong(3, size);
      ps.setLong(4, mtime);
      ps.setString(5, "sha-" + file.getFileName());
      ps.setBytes(6, embedding);
      ps.setString(7, "[{\"label\":\"rock\",\"p\":1.0}]");
      ps.setString(8, "{\"Q1\":0.7,\"Q2\":0.1,\"Q3\":0.1,\"Q4\":0.1}");
      ps.executeUpdate();
    }
  }

  private static byte[] floats(float... v) {
    return AnalysisStore.toBytes(v);
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  /** The scripts as shipped, split as {@link Migrations} splits them (statements end with a semicolon). */
  private static List<String> statements(String name) throws Exception {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      StringBuilder clean = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        clean
            .append(line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
            .append('\n');
      }
      return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
          .map(String::strip)
          .filter(st -> !st.isEmpty())
          .toList();
    }
  }
}
