package org.musetag.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One library: a single SQLite file in WAL mode, migrated to the current schema when opened. All SQL of Musetag
 * lives in this package; the rest sees {@link Track}, {@link TrackStore}, {@link AnalysisStore}, {@link TagJournal}.
 *
 * <p>The connection is confined to one thread at a time (callers funnel writes through one writer); WAL lets
 * readers on other connections go on meanwhile.
 */
public final class Library implements AutoCloseable {
  private final Path file;
  private final Connection connection;
  private final Statements statements;
  private final TrackStore tracks;
  private final AnalysisStore analyses;
  private final TagJournal journal;
  private final EmbeddingCache embeddingCache;

  private Library(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.statements = new Statements(connection);
    this.tracks = new TrackStore(statements);
    this.analyses = new AnalysisStore(connection, tracks);
    this.journal = new TagJournal(connection);
    this.embeddingCache = new EmbeddingCache(this, connection);
  }

  public static Library open(Path file) throws LibraryException {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        try (Statement s = c.createStatement()) {
          s.execute(
              "PRAGMA busy_timeout=10000"); // first: another process may be creating or migrating
          // this file
        }
        Migrations.refuseNewer(
            c); // before the journal mode is set: a newer library is left exactly as it was
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=NORMAL");
          s.execute("PRAGMA foreign_keys=ON");
        }
        Migrations.apply(c);
      } catch (SQLException | java.io.IOException | RuntimeException e) {
        c.close(); // a refused or failed library is not held open
        throw e;
      }
      return new Library(file, c);
    } catch (SQLException | java.io.IOException e) {
      throw new LibraryException("cannot open the library " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public TrackStore tracks() {
    return tracks;
  }

  public AnalysisStore analyses() {
    return analyses;
  }

  public TagJournal journal() {
    return journal;
  }

  /** What the backbone heard in files used to train heads (schema V2). */
  public EmbeddingCache embeddingCache() {
    return embeddingCache;
  }

  /** Runs {@code work} in one transaction: all or nothing, and much faster for many rows. */
  public void inTransaction(SqlWork work) throws LibraryException {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | LibraryException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new LibraryException(
          "the library " + file + " could not be updated: " + e.getMessage(), e);
    }
  }

  /** A unit of database work. */
  @FunctionalInterface
  public interface SqlWork {
    void run() throws SQLException, LibraryException;
  }

  @Override
  public void close() throws LibraryException {
    try {
      statements.close();
      connection.close();
    } catch (SQLException e) {
      throw new LibraryException("cannot close the library " + file + ": " + e.getMessage(), e);
    }
  }
}
