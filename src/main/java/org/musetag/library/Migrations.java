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
 * Numbered schema migrations (resources {@code V<n>__*.sql}), applied in order, each in its own transaction, and
 * recorded in SQLite's {@code user_version}. A database newer than this Musetag is refused rather than damaged.
 */
final class Migrations {
  static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__embeddings_cache.sql");

  private Migrations() {}

  static void apply(Connection c) throws SQLException, IOException {
    int current;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      current = rs.getInt(1);
    }
    if (current > SCRIPTS.size()) {
      throw new SQLException("the library was written by a newer Musetag (schema " + current + ", this one knows "
          + SCRIPTS.size() + ")");
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      String sql = read(SCRIPTS.get(v - 1));
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : statements(sql)) {
          s.execute(statement);
        }
        s.execute("PRAGMA user_version = " + v);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  static int latest() {
    return SCRIPTS.size();
  }

  private static String read(String name) throws IOException {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("migration " + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Splits a script on semicolons at line ends, dropping comment lines. */
  private static List<String> statements(String sql) {
    StringBuilder clean = new StringBuilder();
    for (String line : sql.split("\n")) {
      String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
      clean.append(code).append('\n');
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
