package de.umsetzungsmonitor.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The benchmark's databases on the PostgreSQL server the tests use ({@code TEST_DB_HOST},
 * {@code TEST_DB_PORT}, {@code TEST_DB_USER}): one per subject (application, bare engine, JDBC
 * ceiling), so PostgreSQL's own statistics count each subject's commits and rows apart.
 */
final class BenchDatabase {

  static final String HOST = env("TEST_DB_HOST", "127.0.0.1");
  static final String PORT = env("TEST_DB_PORT", "5432");
  static final String USER = env("TEST_DB_USER", "postgres");
  static final String PASSWORD = env("TEST_DB_PASSWORD", "");

  private BenchDatabase() {}

  static void recreate(String name) {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name + " OWNER \"" + USER + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + ": " + e.getMessage(), e);
    }
  }

  static String url(String name) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  static HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(name));
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(size);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }

  static Connection connect(String name) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", USER);
    login.setProperty("password", PASSWORD);
    return DriverManager.getConnection(url(name), login);
  }

  /**
   * PostgreSQL's counters of one database: committed transactions and rows written. Backends send
   * their counts when they end or every few seconds; read them after the subject's connections are
   * closed (or a pause) so every commit is in.
   */
  record Counters(long commits, long inserted, long updated, long deleted, long bytes) {

    static Counters of(String name) {
      try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
        try {
          statement.execute("select pg_stat_force_next_flush()");
        } catch (SQLException older) {
          // before PostgreSQL 15: the pause of the caller has to do
        }
        try (ResultSet row = statement.executeQuery("select xact_commit, tup_inserted, tup_updated, tup_deleted,"
            + " pg_database_size(datname) from pg_stat_database where datname = '" + name + "'")) {
          row.next();
          return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    Counters minus(Counters before) {
      return new Counters(commits - before.commits, inserted - before.inserted, updated - before.updated,
          deleted - before.deleted, bytes - before.bytes);
    }
  }

  /** Waits until the statistics of ended connections are in (PostgreSQL sends them within a second or so). */
  static void settle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
