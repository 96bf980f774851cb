package org.musetag.library;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.musetag.ProcessOwner;

/**
 * The journal of tag batches: every change is recorded ({@code planned}) before its file is touched and marked
 * afterwards, so an interrupted batch can be understood and undone, also after a restart.
 */
public final class TagJournal {
  private static final Gson GSON = new Gson();
  private static final Type LIST = new TypeToken<List<String>>() {}.getType();

  public static final String PLANNED = "planned";
  public static final String WRITTEN = "written";
  public static final String FAILED = "failed";
  public static final String UNDONE = "undone";
  public static final String UNDO_FAILED = "undo_failed";

  /** Batch states. {@code interrupted} is never stored: it is a running batch whose process is gone. */
  public static final String RUNNING = "running";

  public static final String INTERRUPTED = "interrupted";

  /**
   * The field name of a row that records, with the planned changes of a file, that the file had no tag at all
   * before this batch wrote one; undo then removes the (by then empty) tag rather than leave an empty one behind.
   * Not a change of its own: the batch counts leave these rows out.
   */
  public static final String NO_TAG = "#no-tag";

  private final Connection c;

  TagJournal(Connection c) {
    this.c = c;
  }

  /** One recorded field change. */
  public record Entry(
      long id,
      String batchId,
      Path path,
      String field,
      List<String> oldValues,
      List<String> newValues,
      String state,
      String message) {}

  /**
   * A batch as listed in the history. {@code owner} is the process writing it while it is {@code running} (null for
   * batches from before schema 3); a running batch whose owner is gone is listed as {@link #INTERRUPTED}.
   */
  public record Batch(
      String id,
      long createdAt,
      String model,
      String settings,
      String state,
      int changes,
      int written,
      int failed,
      ProcessOwner owner) {
    /** Whether another live process is writing this batch now. */
    public boolean runningElsewhere() {
      return state.equals(RUNNING) && owner != null && !owner.isCurrent();
    }
  }

  /** Records a new batch as running, owned by this process. */
  public void startBatch(String id, String model, String settings, long now) throws SQLException {
    ProcessOwner owner = ProcessOwner.current();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tag_batches(id, created_at, model, settings, state,"
                + " owner_pid, owner_start_ms) VALUES (?,?,?,?,'running',?,?)")) {
      ps.setString(1, id);
      ps.setLong(2, now);
      ps.setString(3, model);
      ps.setString(4, settings);
      ps.setLong(5, owner.pid());
      ps.setLong(6, owner.startMs());
      ps.executeUpdate();
    }
  }

  public void setBatchState(String id, String state, Long undoneAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tag_batches SET state=?, undone_at=coalesce(?, undone_at) WHERE id=?")) {
      ps.setString(1, state);
      ps.setObject(2, undoneAt);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /** Records the planned changes of one file; returns their ids. */
  public List<Long> plan(
      String batchId,
      Path path,
      List<String> fields,
      List<List<String>> olds,
      List<List<String>> news)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tag_journal(batch_id, path, field, old_json, new_json, state) VALUES (?,?,?,?,?,'planned')",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < fields.size(); i++) {
        ps.setString(1, batchId);
        ps.setString(2, path.toString());
        ps.setString(3, fields.get(i));
        ps.setString(4, GSON.toJson(olds.get(i)));
        ps.setString(5, GSON.toJson(news.get(i)));
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  public void mark(List<Long> ids, String state, String message) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE tag_journal SET state=?, message=? WHERE id=?")) {
      for (long id : ids) {
        ps.setString(1, state);
        ps.setString(2, message);
        ps.setLong(3, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public List<Entry> entries(String batchId) throws LibraryException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, batch_id, path, field, old_json, new_json, state, message FROM tag_journal WHERE batch_id=? ORDER BY id")) {
      ps.setString(1, batchId);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getLong(1),
                  rs.getString(2),
                  Path.of(rs.getString(3)),
                  rs.getString(4),
                  GSON.fromJson(rs.getString(5), LIST),
                  GSON.fromJson(rs.getString(6), LIST),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the tag journal: " + e.getMessage(), e);
    }
  }

  /** A running batch whose process is gone (or that a Musetag before schema 3 started) was interrupted. */
  private static String state(String stored, ProcessOwner owner) {
    return stored.equals(RUNNING) && (owner == null || !owner.isAlive()) ? INTERRUPTED : stored;
  }

  public List<Batch> batches() throws LibraryException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.id, b.created_at, b.model, b.settings, b.state, count(j.id),"
                + " sum(j.state='written'), sum(j.state='failed'), b.owner_pid, b.owner_start_ms"
                + " FROM tag_batches b LEFT JOIN tag_journal j ON j.batch_id=b.id AND j.field<>'"
                + NO_TAG
                + "'"
                + " GROUP BY b.id ORDER BY b.created_at DESC")) {
      List<Batch> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long pid = rs.getLong(9);
          ProcessOwner owner = rs.wasNull() ? null : new ProcessOwner(pid, rs.getLong(10));
          out.add(
              new Batch(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  state(rs.getString(5), owner),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getInt(8),
                  owner));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LibraryException("cannot read the tag journal: " + e.getMessage(), e);
    }
  }
}
