package de.umsetzungsmonitor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL integration tests only where a PostgreSQL server answers. Once per JVM it checks
 * the server named by {@code TEST_DB_HOST}, {@code TEST_DB_PORT} and {@code TEST_DB_USER} (password
 * {@code TEST_DB_PASSWORD}, usually empty for a local trust login) and, if it answers, drops and
 * recreates the database {@value #DATABASE} owned by that user, so every run starts on an empty
 * schema (PostgreSQL 13 or later, for {@code DROP DATABASE ... WITH (FORCE)}). Without a server, or
 * when it refuses the login, the tests are skipped, or fail when {@code REQUIRE_POSTGRES=true} (CI).
 * A server that accepts the login but cannot recreate the database is an error either way.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

  /** The database the {@code pgtest} profile connects to; see {@code application-pgtest.yaml}. */
  public static final String DATABASE = env("TEST_DB_NAME", "umsetzungsmonitor_test");

  private static final String SKIPPED =
      "PostgreSQL integration tests skipped. Set REQUIRE_POSTGRES=true to make this an error.";

  private static final Object LOCK = new Object();
  private static ConditionEvaluationResult result;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ConditionEvaluationResult outcome = prepareOnce();
    if (outcome.isDisabled() && "true".equalsIgnoreCase(env("REQUIRE_POSTGRES", "false"))) {
      throw new IllegalStateException(outcome.getReason().orElse("PostgreSQL not reachable")
          .replace(SKIPPED, "REQUIRE_POSTGRES=true, so the PostgreSQL integration tests fail instead of being skipped."));
    }
    return outcome;
  }

  private static ConditionEvaluationResult prepareOnce() {
    synchronized (LOCK) {
      if (result == null) {
        result = prepare();
        if (result.isDisabled()) {
          // surefire shows a skip reason only in its reports: say it once where a developer looks
          System.err.println("[PostgresTestDatabase] " + result.getReason().orElse(""));
        }
      }
      return result;
    }
  }

  private static ConditionEvaluationResult prepare() {
    String host = env("TEST_DB_HOST", "127.0.0.1");
    String port = env("TEST_DB_PORT", "5432");
    String user = env("TEST_DB_USER", "postgres");
    String server = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    Properties login = new Properties();
    login.setProperty("user", user);
    login.setProperty("password", env("TEST_DB_PASSWORD", ""));
    login.setProperty("connectTimeout", "3");
    login.setProperty("socketTimeout", "30");
    Connection connection;
    try {
      connection = DriverManager.getConnection(server, login);
    } catch (SQLException e) {
      // SQL state class 28: the server answered but did not accept the login (e.g. no trust auth)
      String problem = e.getSQLState() != null && e.getSQLState().startsWith("28")
          ? "PostgreSQL at " + host + ":" + port + " refused the login of user " + user
          : "PostgreSQL not reachable at " + host + ":" + port + " as user " + user;
      return ConditionEvaluationResult.disabled(problem + " (" + e.getMessage() + "): " + SKIPPED);
    }
    try (connection; Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE + " OWNER \"" + user.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      // the server answers but refuses: a misconfiguration worth failing on, never a silent skip
      throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is reachable, but the test database "
          + DATABASE + " could not be recreated as user " + user + ": " + e.getMessage(), e);
    }
    return ConditionEvaluationResult.enabled("PostgreSQL at " + host + ":" + port + ", database " + DATABASE + " recreated");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
