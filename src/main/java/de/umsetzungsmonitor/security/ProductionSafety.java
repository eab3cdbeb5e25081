package de.umsetzungsmonitor.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile the application refuses to start with a default administrator: the
 * first administrator's password must come from the environment ({@code ADMIN_PASSWORD}), must not
 * be empty and must not equal the user id. Runs before any bean exists, so no administrator with a
 * weak password is ever created.
 * <p>In every profile it also refuses an engine {@code queryMaxResultsLimit} below
 * {@value #WEBAPP_PAGE_SIZE}: Tasklist loads its filters, and Cockpit a definition's job
 * definitions, in pages of that size, so a lower limit leaves staff without their task lists.
 */
public class ProductionSafety implements EnvironmentPostProcessor {

  static final String DEMO_PROFILE = "demo";
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String QUERY_MAX_RESULTS_LIMIT = "camunda.bpm.generic-properties.properties.queryMaxResultsLimit";
  static final int WEBAPP_PAGE_SIZE = 2000;
  static final String LINK_SECRET = "umsetzungsmonitor.external.links.secret";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    checkQueryLimit(environment);
    check(environment);
    checkLinkSecret(environment);
  }

  /**
   * Outside the demo profile the key that signs the external bodies' links must come from the
   * environment ({@code LINK_SECRET}) and have at least 32 characters: with a published key anybody
   * could write a link.
   */
  static void checkLinkSecret(ConfigurableEnvironment environment) {
    if (isDemo(environment)) {
      return;
    }
    String secret = resolved(environment, LINK_SECRET);
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException("Refusing to start: outside the demo profile the key for the external bodies' links"
          + " must be set through the environment variable LINK_SECRET (at least 32 characters).");
    }
  }

  private static boolean isDemo(ConfigurableEnvironment environment) {
    return Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE)
        || (environment.getActiveProfiles().length == 0 && Arrays.asList(environment.getDefaultProfiles()).contains(DEMO_PROFILE));
  }

  static void checkQueryLimit(ConfigurableEnvironment environment) {
    String limit = resolved(environment, QUERY_MAX_RESULTS_LIMIT);
    if (limit == null) {
      return;
    }
    long value;
    try {
      value = Long.parseLong(limit.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Refusing to start: queryMaxResultsLimit (QUERY_MAX_RESULTS_LIMIT) must be a number, not '"
          + limit + "'.");
    }
    if (value < WEBAPP_PAGE_SIZE) {
      throw new IllegalStateException("Refusing to start: queryMaxResultsLimit (QUERY_MAX_RESULTS_LIMIT) is " + value
          + " but must be at least " + WEBAPP_PAGE_SIZE + ", the page size of Tasklist and Cockpit.");
    }
  }

  static void check(ConfigurableEnvironment environment) {
    if (isDemo(environment)) {
      return;
    }
    String id = resolved(environment, ADMIN_ID);
    if (id == null) {
      return; // no administrator is created (e.g. administrators come from LDAP)
    }
    String password = resolved(environment, ADMIN_PASSWORD);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("Refusing to start: outside the demo profile the administrator's password must be"
          + " set through the environment variable ADMIN_PASSWORD.");
    }
    if (password.equalsIgnoreCase(id)) {
      throw new IllegalStateException("Refusing to start: the administrator's password must not equal the user id.");
    }
  }

  private static String resolved(ConfigurableEnvironment environment, String key) {
    try {
      String value = environment.getProperty(key);
      return value == null || value.isBlank() ? null : value;
    } catch (IllegalArgumentException unresolvablePlaceholder) {
      return null;
    }
  }
}
