package org.musetag.library;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.heads.embeddings.EmbeddingStore;

/**
 * The {@code embedding_cache} table (schema V2): what the backbone heard in files used to train heads, keyed by path
 * and backbone model, current while the file's size and mtime match. Files need not be in the library. The
 * embeddings themselves live in the {@code embeddings} table (V4), shared with library analyses.
 */
public final class EmbeddingCache implements EmbeddingStore {
  private static final Gson GSON = new Gson();
  private static final Type GENRES = new TypeToken<List<LabelScore>>() {}.getType();
  private static final Type QUADRANTS = new TypeToken<LinkedHashMap<String, Double>>() {}.getType();

  private final Library library;
  private final Connection c;

  EmbeddingCache(Library library, Connection c) {
    this.library = library;
    this.c = c;
  }

  @Override
  public Map<Path, Entry> lookup(List<Stamp> files, String model) throws LibraryException {
    Map<Path, Entry> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.sha256, e.embedding, c.genres_json, c.quadrants_json, c.valence, c.arousal FROM embedding_cache c"
                + " JOIN embeddings e ON e.path = c.path AND e.model = c.model AND e.size = c.size"
                + " AND e.mtime_ms = c.mtime_ms WHERE c.path=? AND c.model=? AND c.size=? AND c.mtime_ms=?")) {
      for (Stamp s : files) {
        ps.setString(1, s.path().toString());
        ps.setString(2, model);
        ps.setLong(3, s.size());
        ps.setLong(4, s.mtimeMs());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(s.path(), new Entry(s, rs.getString(1), analysis(rs, model)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException(
          "cannot read the embedding cache of " + library.file() + ": " + e.getMessage(), e);
    }
  }

  private static Analysis analysis(ResultSet rs, String model) throws SQLException {
    List<LabelScore> genres = GSON.fromJson(rs.getString(3), GENRES);
    Map<String, Double> quadrants = GSON.fromJson(rs.getString(4), QUADRANTS);
    String best =
        quadrants.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("Q1");
    return new Analysis(
        genres,
        best,
        quadrants,
        rs.getDouble(5),
        rs.getDouble(6),
        quadrants.getOrDefault(best, 0.0),
        AnalysisStore.fromBytes(rs.getBytes(2)),
        model);
  }

  @Override
  public void store(List<Entry> entries) throws LibraryException {
    long now = System.currentTimeMillis();
    library.inTransaction(
        () -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO embedding_cache(path, model, size, mtime_ms, sha256, genres_json,"
                      + " quadrants_json, valence, arousal, cached_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Entry e : entries) {
              int i = 1;
              ps.setString(i++, e.stamp().path().toString());
              ps.setString(i++, e.analysis().model());
              ps.setLong(i++, e.stamp().size());
              ps.setLong(i++, e.stamp().mtimeMs());
              ps.setString(i++, e.sha256());
              ps.setString(i++, GSON.toJson(e.analysis().genres()));
              ps.setString(i++, GSON.toJson(e.analysis().quadrants()));
              ps.setDouble(i++, e.analysis().valence());
              ps.setDouble(i++, e.analysis().arousal());
              ps.setLong(i, now);
              ps.addBatch();
              AnalysisStore.storeEmbedding(
                  c,
                  e.stamp().path().toString(),
                  e.analysis().model(),
                  e.stamp().size(),
                  e.stamp().mtimeMs(),
                  e.analysis().embedding());
            }
            ps.executeBatch();
          }
        });
  }
}
