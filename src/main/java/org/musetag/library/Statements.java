package org.musetag.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, prepared once and reused: a scan runs the same few statements tens of
 * thousands of times, and preparing them each time cost more than running them.
 */
final class Statements implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> cache = new HashMap<>();

  Statements(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      cache.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : cache.values()) {
      ps.close();
    }
    cache.clear();
  }
}
