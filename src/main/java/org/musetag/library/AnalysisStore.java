package org.musetag.library;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.TempoEstimator;
import org.musetag.dsp.TempoKey;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

/**
 * The {@code analyses} table: one row per track and model version; the embedding is kept in {@code embeddings}
 * (schema V4), its one home.
 */
public final class AnalysisStore {
  private static final Gson GSON = new Gson();
  private static final java.lang.reflect.Type GENRES =
      new TypeToken<List<LabelScore>>() {}.getType();
  private static final java.lang.reflect.Type QUADRANTS =
      new TypeToken<Map<String, Double>>() {}.getType();

  private final Connection c;
  private final TrackStore tracks;

  AnalysisStore(Connection c, TrackStore tracks) {
    this.c = c;
    this.tracks = tracks;
  }

  /** A track with its analysis by one model. */
  public record Analysed(Track track, Analysis analysis) {}

  /** Stores (or replaces) the analysis of a track, remembering the file's size and mtime it was made from. */
  public void store(Track track, Analysis a, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO analyses(track_id, model, top_genre, genres_json, quadrant, quadrants_json, valence,"
                + " arousal, confidence, source_size, source_mtime_ms, analysed_at, bpm, bpm_confidence,"
                + " musical_key, key_confidence, tempo_key_method) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int i = 1;
      ps.setLong(i++, track.id());
      ps.setString(i++, a.model());
      ps.setString(i++, a.genres().get(0).label());
      ps.setString(i++, GSON.toJson(a.genres()));
      ps.setString(i++, a.quadrant());
      ps.setString(i++, GSON.toJson(a.quadrants()));
      ps.setDouble(i++, a.valence());
      ps.setDouble(i++, a.arousal());
      ps.setDouble(i++, a.confidence());
      ps.setLong(i++, track.size());
      ps.setLong(i++, track.mtimeMs());
      ps.setLong(i++, now);
      TempoEstimator.Tempo tempo = a.tempoKey().tempo();
      KeyEstimator.Key key = a.tempoKey().key();
      ps.setObject(i++, tempo == null ? null : tempo.bpm());
      ps.setObject(i++, tempo == null ? null : tempo.confidence());
      ps.setString(i++, key == null ? null : key.name());
      ps.setObject(i++, key == null ? null : key.confidence());
      ps.setInt(i, a.tempoKey().method());
      ps.executeUpdate();
    }
    storeEmbedding(
        c, track.path().toString(), a.model(), track.size(), track.mtimeMs(), a.embedding());
    tracks.reindex(track.id());
  }

  /**
   * Stores a file's embedding in its one home, the {@code embeddings} table (schema V4), shared by library analyses
   * and the training cache ({@link EmbeddingCache}), so the same file heard by the same model is kept once.
   */
  static void storeEmbedding(
      Connection c, String path, String model, long size, long mtimeMs, float[] embedding)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO embeddings(path, model, size, mtime_ms, embedding) VALUES (?,?,?,?,?)")) {
      ps.setString(1, path);
      ps.setString(2, model);
      ps.setLong(3, size);
      ps.setLong(4, mtimeMs);
      ps.setBytes(5, toBytes(embedding));
      ps.executeUpdate();
    }
  }

  /**
   * Ids of tracks already analysed by {@code model} from the file as it is now, their tempo and key heard by this
   * version's method ({@link TempoKey#METHOD}): what a resumed run skips.
   */
  public Set<Long> upToDate(String model) throws LibraryException {
    return analysedFromTheFileAsItIs(model, "a.tempo_key_method=?");
  }

  /**
   * How many tracks {@code model} analysed from the file as it is now whose tempo and key an older method heard (or
   * an unknown one: before schema 6): the next analysis hears them again.
   */
  public int olderTempoKey(String model) throws LibraryException {
    return analysedFromTheFileAsItIs(model, "(a.tempo_key_method IS NULL OR a.tempo_key_method<>?)")
        .size();
  }

  /** Tracks {@code model} analysed from the file as it is now whose method meets {@code method} (one ?: METHOD). */
  private Set<Long> analysedFromTheFileAsItIs(String model, String method) throws LibraryException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.track_id FROM analyses a JOIN tracks t ON t.id = a.track_id"
                + " WHERE a.model=? AND a.source_size=t.size AND a.source_mtime_ms=t.mtime_ms AND "
                + method)) {
      ps.setString(1, model);
      ps.setInt(2, TempoKey.METHOD);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  /**
   * Analysed tracks of {@code model}, optionally only one quadrant and/or one top genre (null for any), ordered
   * by path.
   */
  public List<Analysed> find(String model, String quadrant, String genre) throws LibraryException {
    List<Analysed> out = new ArrayList<>();
    read(model, quadrant, genre, out::add);
    return out;
  }

  /**
   * Every analysed readable track of {@code model}, ordered by path, one at a time: for readers that keep less than
   * the whole analysis of a large library (the similar-songs index).
   */
  public void forEach(String model, java.util.function.Consumer<Analysed> each)
      throws LibraryException {
    read(model, null, null, each);
  }

  private void read(
      String model, String quadrant, String genre, java.util.function.Consumer<Analysed> each)
      throws LibraryException {
    String sql =
        "SELECT "
            + TrackStore.prefixed("t.")
            + ", a.genres_json, a.quadrant, a.quadrants_json, a.valence,"
            + " a.arousal, a.confidence, e.embedding, a.model, a.bpm, a.bpm_confidence, a.musical_key,"
            + " a.key_confidence, a.tempo_key_method FROM analyses a JOIN tracks t ON t.id = a.track_id"
            + " LEFT JOIN embeddings e ON e.path = t.path AND e.model = a.model"
            + " WHERE a.model=? AND t.status='ok' AND (? IS NULL OR a.quadrant=?) AND (? IS NULL OR a.top_genre=?)"
            + " ORDER BY t.path";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, model);
      ps.setString(2, quadrant);
      ps.setString(3, quadrant);
      ps.setString(4, genre);
      ps.setString(5, genre);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Track t = TrackStore.read(rs);
          List<LabelScore> genres = GSON.fromJson(rs.getString(15), GENRES);
          Map<String, Double> quadrants = GSON.fromJson(rs.getString(17), QUADRANTS);
          each.accept(
              new Analysed(
                  t,
                  new Analysis(
                          genres,
                          rs.getString(16),
                          quadrants,
                          rs.getDouble(18),
                          rs.getDouble(19),
                          rs.getDouble(20),
                          fromBytes(rs.getBytes(21)),
                          rs.getString(22))
                      .withTempoKey(tempoKey(rs, 23))));
        }
      }
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  /**
   * Readable tracks that only other models than {@code current} heard: what an upgrade of the bundled model leaves to
   * hear again. Readers of analyses use the current model's only, so these are left out of tagging, playlists and
   * the library table until {@code analyze} hears them again.
   *
   * @param tracks how many tracks
   * @param byModel for each other model ("name@version"), how many of those tracks it was the last to hear
   */
  public record OtherModels(int tracks, Map<String, Integer> byModel) {
    public static final OtherModels NONE = new OtherModels(0, Map.of());
  }

  /** The ok tracks with an analysis by another model than {@code current} and none by {@code current}. */
  public OtherModels heardOnlyByOtherModels(String current) throws LibraryException {
    Map<Long, String> lastHeardBy = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.track_id, a.model FROM analyses a JOIN tracks t ON t.id = a.track_id"
                + " WHERE t.status='ok' AND a.model<>? AND NOT EXISTS"
                + " (SELECT 1 FROM analyses m WHERE m.track_id = a.track_id AND m.model=?)"
                + " ORDER BY a.analysed_at")) {
      ps.setString(1, current);
      ps.setString(2, current);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastHeardBy.put(rs.getLong(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
    Map<String, Integer> byModel = new TreeMap<>();
    lastHeardBy.values().forEach(m -> byModel.merge(m, 1, Integer::sum));
    return new OtherModels(lastHeardBy.size(), java.util.Collections.unmodifiableMap(byModel));
  }

  /** The model of the most recent analysis, or null when nothing was analysed yet. */
  public String newestModel() throws LibraryException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT model FROM analyses ORDER BY analysed_at DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  /**
   * The tempo and key {@code model} heard in each of these tracks (reading those five columns only); tracks it did
   * not hear are absent.
   */
  public Map<Long, TempoKey> tempoKeys(String model, List<Long> trackIds) throws LibraryException {
    Map<Long, TempoKey> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT bpm, bpm_confidence, musical_key, key_confidence, tempo_key_method FROM analyses"
                + " WHERE model=? AND track_id=?")) {
      ps.setString(1, model);
      for (long id : trackIds) {
        ps.setLong(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(id, tempoKey(rs, 1));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  /**
   * The tempo and key stored from column {@code at} on (bpm, its confidence, key, its confidence, the method that
   * heard them).
   */
  static TempoKey tempoKey(ResultSet rs, int at) throws SQLException {
    double bpm = rs.getDouble(at);
    TempoEstimator.Tempo tempo =
        rs.wasNull() ? null : new TempoEstimator.Tempo(bpm, rs.getDouble(at + 1));
    String name = rs.getString(at + 2);
    KeyEstimator.Key key = null;
    if (name != null) {
      KeyEstimator.Key parsed = KeyEstimator.Key.parse(name);
      key = new KeyEstimator.Key(parsed.tonic(), parsed.minor(), rs.getDouble(at + 3));
    }
    return new TempoKey(tempo, key, rs.getInt(at + 4)); // null (before schema 6) reads 0: unknown
  }

  static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  /** The floats of a stored embedding; none when there is none ({@code null}). */
  static float[] fromBytes(byte[] bytes) {
    if (bytes == null) {
      return new float[0];
    }
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
