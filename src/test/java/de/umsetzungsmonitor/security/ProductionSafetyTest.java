package de.umsetzungsmonitor.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.umsetzungsmonitor.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile no administrator with a default or missing password is created; in no
 * profile does the query limit drop below what the webapps page by.
 */
class ProductionSafetyTest {

  private MockEnvironment production(String id, String password) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    if (id != null) {
      environment.setProperty(ProductionSafety.ADMIN_ID, id);
    }
    if (password != null) {
      environment.setProperty(ProductionSafety.ADMIN_PASSWORD, password);
    }
    return environment;
  }

  @Test
  void missingPassword_refusesToStart() {
    assertThatThrownBy(() -> ProductionSafety.check(production("admin", null)))
        .hasMessageContaining("ADMIN_PASSWORD");
    assertThatThrownBy(() -> ProductionSafety.check(production("admin", "  "))).hasMessageContaining("ADMIN_PASSWORD");
  }

  @Test
  void unresolvedPlaceholder_countsAsMissing() {
    assertThatThrownBy(() -> ProductionSafety.check(production("admin", "${ADMIN_PASSWORD_NOT_SET}")))
        .hasMessageContaining("ADMIN_PASSWORD");
  }

  @Test
  void passwordEqualToUserId_refusesToStart() {
    assertThatThrownBy(() -> ProductionSafety.check(production("admin", "Admin")))
        .hasMessageContaining("must not equal the user id");
  }

  @Test
  void passwordFromEnvironment_starts() {
    assertThatCode(() -> ProductionSafety.check(production("admin", "Ein-langes-Passwort-42"))).doesNotThrowAnyException();
  }

  @Test
  void noAdministratorConfigured_starts() {
    assertThatCode(() -> ProductionSafety.check(production(null, null))).doesNotThrowAnyException();
  }

  @Test
  void queryLimitBelowTheWebappsPageSize_refusesToStart() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    demo.setProperty(ProductionSafety.QUERY_MAX_RESULTS_LIMIT, "1000");

    assertThatThrownBy(() -> ProductionSafety.checkQueryLimit(demo)).hasMessageContaining("at least 2000");
    demo.setProperty(ProductionSafety.QUERY_MAX_RESULTS_LIMIT, "viele");
    assertThatThrownBy(() -> ProductionSafety.checkQueryLimit(demo)).hasMessageContaining("must be a number");
  }

  @Test
  void queryLimitOfTheWebappsPageSizeOrMore_starts() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty(ProductionSafety.QUERY_MAX_RESULTS_LIMIT, "2000");
    assertThatCode(() -> ProductionSafety.checkQueryLimit(environment)).doesNotThrowAnyException();
    environment.setProperty(ProductionSafety.QUERY_MAX_RESULTS_LIMIT, "5000");
    assertThatCode(() -> ProductionSafety.checkQueryLimit(environment)).doesNotThrowAnyException();
  }

  @Test
  void postgresProfile_withoutAdminPassword_doesNotStart() {
    // the real start-up: the check runs before any bean (and so before any database connection)
    assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
        .profiles("postgres")
        .properties("ADMIN_PASSWORD=")
        .run())
        .hasMessage("Refusing to start: outside the demo profile the administrator's password must be"
            + " set through the environment variable ADMIN_PASSWORD.");
  }

  @Test
  void queryLimitFromTheEnvironment_belowTheWebappsPageSize_doesNotStart() {
    // checked before the administrator's password, so this start stops at the limit
    assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
        .profiles("postgres")
        .properties("QUERY_MAX_RESULTS_LIMIT=1000")
        .run())
        .hasMessage("Refusing to start: queryMaxResultsLimit (QUERY_MAX_RESULTS_LIMIT) is 1000 but must be at least 2000,"
            + " the page size of Tasklist and Cockpit.");
  }

  @Test
  void linksWithoutAKeyOfTheirOwn_refuseToStart_outsideTheDemo() {
    MockEnvironment production = production("admin", "Ein-langes-Passwort-42");
    assertThatThrownBy(() -> ProductionSafety.checkLinkSecret(production)).hasMessageContaining("LINK_SECRET");
    production.setProperty(ProductionSafety.LINK_SECRET, "zu-kurz");
    assertThatThrownBy(() -> ProductionSafety.checkLinkSecret(production)).hasMessageContaining("at least 32 characters");
    production.setProperty(ProductionSafety.LINK_SECRET, "${LINK_SECRET_NOT_SET}");
    assertThatThrownBy(() -> ProductionSafety.checkLinkSecret(production)).hasMessageContaining("LINK_SECRET");
    production.setProperty(ProductionSafety.LINK_SECRET, "ein-geheimer-schluessel-mit-mindestens-32-zeichen");
    assertThatCode(() -> ProductionSafety.checkLinkSecret(production)).doesNotThrowAnyException();

    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThatCode(() -> ProductionSafety.checkLinkSecret(demo)).as("the demo brings its published key").doesNotThrowAnyException();
  }

  @Test
  void demoProfile_keepsItsPublishedDemoPassword() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    demo.setProperty(ProductionSafety.ADMIN_ID, "admin");
    demo.setProperty(ProductionSafety.ADMIN_PASSWORD, "admin");
    assertThatCode(() -> ProductionSafety.check(demo)).doesNotThrowAnyException();
  }
}
