package org.musetag.library;

import com.google.gson.Gson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musetag.ml.Quadrant;

/** The {@code tracks} table and its full-text index. */
public final class TrackStore {
  private static final Gson GSON = new Gson();
  private static final String COLUMNS =
      "id, path, size, mtime_ms, status, problem, format, codec, duration_s, title, artist, album, genre, mood";

  private final Connection c;
  private final Statements statements;

  TrackStore(Statements statements) {
    this.statements = statements;
    this.c = statements.connection();
  }

  /**
   * Size and mtime of every file under {@code root} that the library holds as present, keyed by path: what an
   * incremental scan compares. Files marked missing are left out, so one that comes back is looked at again.
   */
  public Map<String, long[]> fingerprintsUnder(Path root) throws LibraryException {
    Map<String, long[]> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT path, size, mtime_ms FROM tracks WHERE path >= ? AND path < ? AND status != 'missing'")) {
      bindPrefix(ps, root);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  /** Inserts or updates one scanned file and its search entry. */
  public void upsert(ScannedFile f, long now) throws SQLException {
    String genre = tag(f, "genre");
    String mood = tag(f, "mood");
    PreparedStatement ps =
        statements.get(
            "INSERT INTO tracks(path, size, mtime_ms, status, problem, format, codec, duration_s, sample_rate, channels,"
                + " title, artist, album, genre, mood, tags_json, scanned_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ms=excluded.mtime_ms, status=excluded.status,"
                + " problem=excluded.problem, format=excluded.format, codec=excluded.codec, duration_s=excluded.duration_s,"
                + " sample_rate=excluded.sample_rate, channels=excluded.channels, title=excluded.title,"
                + " artist=excluded.artist, album=excluded.album, genre=excluded.genre, mood=excluded.mood,"
                + " tags_json=excluded.tags_json, scanned_at=excluded.scanned_at");
    {
      int i = 1;
      ps.setString(i++, f.path().toString());
      ps.setLong(i++, f.size());
      ps.setLong(i++, f.mtimeMs());
      ps.setString(i++, f.readable() ? Track.OK : Track.UNREADABLE);
      ps.setString(i++, f.problem());
      ps.setString(i++, f.format());
      ps.setString(i++, f.codec());
      ps.setDouble(i++, f.durationSeconds());
      ps.setInt(i++, f.sampleRate());
      ps.setInt(i++, f.channels());
      ps.setString(i++, tag(f, "title"));
      ps.setString(i++, tag(f, "artist"));
      ps.setString(i++, tag(f, "album"));
      ps.setString(i++, genre);
      ps.setString(i++, mood);
      ps.setString(i++, f.tags() == null ? null : GSON.toJson(f.tags()));
      ps.setLong(i, now);
      ps.executeUpdate();
    }
    long id = idOf(f.path());
    reindex(id);
  }

  /** Marks the given paths as gone. */
  public void markMissing(List<String> paths) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE tracks SET status='missing' WHERE path=?")) {
      for (String p : paths) {
        ps.setString(1, p);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Moves a track's row (and so its analyses) to a new path, for a file that was moved or renamed. */
  public void move(long id, ScannedFile to, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tracks SET path=?, mtime_ms=?, status='ok', scanned_at=? WHERE id=?")) {
      ps.setString(1, to.path().toString());
      ps.setLong(2, to.mtimeMs());
      ps.setLong(3, now);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /**
   * Records a file's new size and mtime after Musetag itself rewrote its tags, in the track and in its analyses
   * (the audio is unchanged: the tag writer verifies that), so neither a scan nor analyze redoes work for it.
   */
  public void refreshFingerprint(long id, long size, long mtimeMs) throws LibraryException {
    try {
      PreparedStatement t = statements.get("UPDATE tracks SET size=?, mtime_ms=? WHERE id=?");
      t.setLong(1, size);
      t.setLong(2, mtimeMs);
      t.setLong(3, id);
      t.executeUpdate();
      PreparedStatement a =
          statements.get("UPDATE analyses SET source_size=?, source_mtime_ms=? WHERE track_id=?");
      a.setLong(1, size);
      a.setLong(2, mtimeMs);
      a.setLong(3, id);
      a.executeUpdate();
    } catch (SQLException e) {
      throw new LibraryException("cannot update the library: " + e.getMessage(), e);
    }
  }

  /** Missing tracks whose size matches: candidates for a moved file. */
  public List<Track> missingWithSize(long size) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM tracks WHERE status='missing' AND size=?", size);
  }

  /**
   * Rebuilds one track's search entry from its tags, its newest analysis (top genre, quadrant code and mood words)
   * and its path. Only the newest: after a new bundled model heard a track, the old model's words would otherwise
   * still find it.
   */
  public void reindex(long id) throws SQLException {
    StringBuilder genres = new StringBuilder();
    StringBuilder moods = new StringBuilder();
    PreparedStatement analyses =
        statements.get(
            "SELECT top_genre, quadrant FROM analyses WHERE track_id=?"
                + " ORDER BY analysed_at DESC LIMIT 1");
    analyses.setLong(1, id);
    try (ResultSet rs = analyses.executeQuery()) {
      while (rs.next()) {
        genres.append(' ').append(rs.getString(1));
        String q = rs.getString(2);
        moods
            .append(' ')
            .append(q)
            .append(' ')
            .append(String.join(" ", Quadrant.valueOf(q).words()));
      }
    }
    PreparedStatement del = statements.get("DELETE FROM tracks_fts WHERE rowid=?");
    del.setLong(1, id);
    del.executeUpdate();
    PreparedStatement ps =
        statements.get(
            "INSERT INTO tracks_fts(rowid, artist, title, album, genre, mood, path)"
                + " SELECT id, artist, title, album, trim(coalesce(genre,'') || ?), trim(coalesce(mood,'') || ?), path"
                + " FROM tracks WHERE id=?");
    ps.setString(1, genres.toString());
    ps.setString(2, moods.toString());
    ps.setLong(3, id);
    ps.executeUpdate();
  }

  /** Tracks matching a full-text query (words are matched as prefixes), best match first. */
  public List<Track> search(String query, int limit) throws LibraryException {
    String match = toMatch(query);
    if (match.isEmpty()) {
      return List.of();
    }
    try {
      return query(
          "SELECT "
              + prefixed("t.")
              + " FROM tracks_fts f JOIN tracks t ON t.id = f.rowid"
              + " WHERE tracks_fts MATCH ? AND t.status != 'missing' ORDER BY bm25(tracks_fts) LIMIT "
              + limit,
          match);
    } catch (SQLException e) {
      throw new LibraryException("search failed: " + e.getMessage(), e);
    }
  }

  public List<Track> all(String status) throws LibraryException {
    try {
      return query("SELECT " + COLUMNS + " FROM tracks WHERE status=? ORDER BY path", status);
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  public Track byPath(Path path) throws LibraryException {
    try {
      List<Track> t = query("SELECT " + COLUMNS + " FROM tracks WHERE path=?", path.toString());
      return t.isEmpty() ? null : t.get(0);
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  public Map<String, Integer> countsByStatus() throws LibraryException {
    Map<String, Integer> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT status, count(*) FROM tracks GROUP BY status");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the library: " + e.getMessage(), e);
    }
  }

  private long idOf(Path path) throws SQLException {
    PreparedStatement ps = statements.get("SELECT id FROM tracks WHERE path=?");
    ps.setString(1, path.toString());
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  List<Track> query(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Track> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    }
  }

  /** Reads a {@link Track} from the first 14 columns, selected as {@link #prefixed}. */
  static Track read(ResultSet rs) throws SQLException {
    return new Track(
        rs.getLong(1),
        Path.of(rs.getString(2)),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getDouble(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14));
  }

  static String prefixed(String alias) {
    return alias + COLUMNS.replace(", ", ", " + alias);
  }

  /** Each word becomes a quoted prefix term, so user input can never be FTS syntax. */
  static String toMatch(String query) {
    List<String> terms = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isBlank()) {
        terms.add("\"" + word + "\"*");
      }
    }
    return String.join(" ", terms);
  }

  private static void bindPrefix(PreparedStatement ps, Path root) throws SQLException {
    String prefix = root.toString().endsWith("/") ? root.toString() : root + java.io.File.separator;
    ps.setString(1, prefix);
    ps.setString(
        2,
        prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
  }

  private static String tag(ScannedFile f, String key) {
    if (f.tags() == null) {
      return null;
    }
    for (Map.Entry<String, String> e : f.tags().entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }
}
