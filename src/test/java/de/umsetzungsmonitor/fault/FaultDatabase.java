package de.umsetzungsmonitor.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the application under test runs on: a fresh one per test class,
 * {@code umsetzungsmonitor_fault} unless {@code FAULT_DB_NAME} says otherwise, on the server the
 * integration tests use ({@code TEST_DB_HOST}, {@code TEST_DB_PORT}, {@code TEST_DB_USER}). Every
 * query opens its own connection, so the tests' reads survive a database restart. Without a
 * server the fault tests are skipped with a message, or fail when {@code REQUIRE_POSTGRES=true}.
 */
final class FaultDatabase {

  static final String HOST = env("TEST_DB_HOST", "127.0.0.1");
  static final String PORT = env("TEST_DB_PORT", "5432");
  static final String USER = env("TEST_DB_USER", "postgres");
  static final String NAME = env("FAULT_DB_NAME", "umsetzungsmonitor_fault");

  private FaultDatabase() {}

  /** Drops and recreates the database; skips (or fails under REQUIRE_POSTGRES) without a server. */
  static void recreate() {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + NAME + " OWNER \"" + USER + "\"");
    } catch (SQLException e) {
      String problem = "PostgreSQL not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + "): fault tests skipped";
      if ("true".equalsIgnoreCase(env("REQUIRE_POSTGRES", "false"))) {
        throw new IllegalStateException("REQUIRE_POSTGRES=true: " + problem, e);
      }
      System.err.println("[FaultDatabase] " + problem);
      Assumptions.abort(problem);
    }
  }

  static String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
  }

  static long count(String sql, Object... parameters) {
    return query(sql, rows -> {
      try {
        rows.next();
        return rows.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }, parameters);
  }

  static List<String> strings(String sql, Object... parameters) {
    return query(sql, rows -> {
      List<String> values = new ArrayList<>();
      try {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return values;
    }, parameters);
  }

  static List<Map<String, Object>> rows(String sql, Object... parameters) {
    return query(sql, rows -> {
      List<Map<String, Object>> values = new ArrayList<>();
      try {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
          }
          values.add(row);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return values;
    }, parameters);
  }

  static void update(String sql, Object... parameters) {
    try (Connection connection = connect(NAME); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static <T> T query(String sql, Function<ResultSet, T> read, Object... parameters) {
    try (Connection connection = connect(NAME); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return read.apply(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", USER);
    login.setProperty("password", env("TEST_DB_PASSWORD", ""));
    login.setProperty("connectTimeout", "3");
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, login);
  }

  /**
   * Stops ({@code "stop"}) or starts ({@code "start"}) the PostgreSQL server itself, with
   * {@code pg_ctlcluster} on the cluster in {@code /etc/postgresql} (or the command in
   * {@code PG_CONTROL}, which gets the action appended). Where neither exists the calling test is
   * skipped with a message, or fails when {@code REQUIRE_POSTGRES=true}.
   */
  static void server(String action) {
    List<String> command = serverControl();
    command.add(action);
    if ("stop".equals(action)) {
      command.addAll(List.of("-m", "fast"));
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> serverControl() {
    String configured = env("PG_CONTROL", "");
    if (!configured.isBlank()) {
      return new ArrayList<>(List.of(configured.trim().split("\\s+")));
    }
    java.io.File[] versions = new java.io.File("/etc/postgresql").listFiles(java.io.File::isDirectory);
    if (new java.io.File("/usr/bin/pg_ctlcluster").canExecute() && versions != null && versions.length > 0) {
      String newest = java.util.Arrays.stream(versions).map(java.io.File::getName)
          .max(java.util.Comparator.comparingInt(version -> Integer.parseInt(version.replaceAll("\\D.*", "")))).orElseThrow();
      return new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", newest, "main"));
    }
    String problem = "cannot stop and start the PostgreSQL server here (no pg_ctlcluster, set PG_CONTROL): database restart test skipped";
    if ("true".equalsIgnoreCase(env("REQUIRE_POSTGRES", "false"))) {
      throw new IllegalStateException("REQUIRE_POSTGRES=true: " + problem);
    }
    System.err.println("[FaultDatabase] " + problem);
    Assumptions.abort(problem);
    return List.of();
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
