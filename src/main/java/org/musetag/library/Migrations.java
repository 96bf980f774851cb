package org.musetag.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations (resources {@code V<n>__*.sql}), applied in order, each in its own exclusive
 * transaction, and recorded in SQLite's {@code user_version}. A database newer than this Musetag is refused rather than damaged.
 */
final class Migrations {
  static final List<String> SCRIPTS =
      List.of(
          "V1__init.sql",
          "V2__embeddings_cache.sql",
          "V3__batch_owner.sql",
          "V4__one_home_for_embeddings.sql",
          "V5__tempo_and_key.sql",
          "V6__tempo_key_method.sql");

  private Migrations() {}

  /**
   * Brings the schema up to date. Each step runs in a {@code BEGIN IMMEDIATE} transaction, which takes SQLite's write
   * lock before anything is read, and reads the version again inside it: two processes opening a new library at once
   * then run each migration exactly once, the second waiting (busy timeout) and finding the work done.
   */
  static void apply(Connection c) throws SQLException, IOException {
    while (true) {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          int current = version(s);
          refuseNewer(current);
          if (current == SCRIPTS.size()) {
            s.execute("COMMIT");
            return;
          }
          int v = current + 1;
          for (String statement : statements(read(SCRIPTS.get(v - 1)))) {
            s.execute(statement);
          }
          s.execute("PRAGMA user_version = " + v);
          s.execute("COMMIT");
        } catch (SQLException | IOException | RuntimeException e) {
          s.execute("ROLLBACK");
          throw e;
        }
      }
    }
  }

  /**
   * Refuses a library whose schema is newer than this build knows, before anything (even the journal mode) is
   * written to it: an older Musetag must not damage what a newer one wrote.
   */
  static void refuseNewer(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      refuseNewer(version(s));
    }
  }

  private static void refuseNewer(int current) throws SQLException {
    if (current > SCRIPTS.size()) {
      throw new SQLException(
          "it was written by a newer Musetag (schema version "
              + current
              + "; this one knows up to "
              + SCRIPTS.size()
              + "): open it with that newer Musetag");
    }
  }

  private static int version(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  static int latest() {
    return SCRIPTS.size();
  }

  static String read(String name) throws IOException {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("migration " + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Splits a script on semicolons at line ends, dropping comment lines. */
  static List<String> statements(String sql) {
    StringBuilder clean = new StringBuilder();
    for (String line : sql.split("\n")) {
      String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
      clean.append(code).append('\n');
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
