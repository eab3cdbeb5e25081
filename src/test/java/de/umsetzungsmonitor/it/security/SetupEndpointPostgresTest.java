package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/**
 * Control for CVE-2026-77226: the Admin webapp's first-administrator set-up
 * ({@code POST /camunda/api/admin/setup/{engine}/user/create}) never creates a user once any user
 * exists, also when no user is a member of {@code camunda-admin} (Camunda's own condition) because
 * the administrators' rights are granted to another group.
 */
@PostgresIntegrationTest
class SetupEndpointPostgresTest extends PostgresTestSupport {

  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";

  private static String setupRequest(String userId) {
    return "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"Eve\",\"lastName\":\"Setup\",\"email\":\"eve@example.org\"},"
        + "\"credentials\":{\"password\":\"Eindringling-2026!\"}}";
  }

  @Test
  void setup_withoutLogin_isForbidden_andCreatesNobody() {
    TasklistSession browser = TasklistSession.anonymous(baseUrl());
    assertThat(browser.cookie("XSRF-TOKEN")).as("CSRF token handed out").isNotBlank();

    HttpResponse<String> withToken = browser.post(SETUP, setupRequest("setupeve1"));
    HttpResponse<String> withoutToken = browser.postWithoutCsrf(SETUP, setupRequest("setupeve2"));

    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(403);
    assertThat(withToken.headers().firstValue("X-XSRF-TOKEN")).as("not refused for a missing CSRF token")
        .isNotEqualTo(java.util.Optional.of("Required"));
    assertThat(withoutToken.statusCode()).as(withoutToken.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userIdIn("setupeve1", "setupeve2").count()).isZero();
  }

  @Test
  void setup_isForbidden_whenNoUserIsInCamundaAdmin_butAnotherGroupHoldsTheAdministratorsRights() {
    List<String> administrators = identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).list().stream()
        .map(User::getId).toList();
    assertThat(administrators).contains(TestIdentities.ADMIN);
    Authorization managersManageUsers = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    managersManageUsers.setGroupId(Groups.MANAGERS);
    managersManageUsers.setResource(Resources.USER);
    managersManageUsers.setResourceId(Authorization.ANY);
    managersManageUsers.addPermission(Permissions.ALL);
    String authorizationId = authorizations.saveAuthorization(managersManageUsers).getId();
    administrators.forEach(userId -> identity.deleteMembership(userId, Groups.ADMINISTRATORS));
    try {
      // Camunda's own check (a member of camunda-admin exists) would open the set-up now
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).count()).isZero();
      assertThat(identity.createUserQuery().count()).isPositive();
      TasklistSession browser = TasklistSession.anonymous(baseUrl());

      HttpResponse<String> response = browser.post(SETUP, setupRequest("setupeve3"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(response.headers().firstValue("X-XSRF-TOKEN")).as("not refused for a missing CSRF token")
          .isNotEqualTo(java.util.Optional.of("Required"));
      assertThat(identity.createUserQuery().userId("setupeve3").count()).isZero();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).count()).isZero();
    } finally {
      for (User created : identity.createUserQuery().userIdIn("setupeve3").list()) {
        identity.deleteUser(created.getId());
      }
      for (String userId : administrators) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINISTRATORS).count() == 0) {
          identity.createMembership(userId, Groups.ADMINISTRATORS);
        }
      }
      authorizations.deleteAuthorization(authorizationId);
    }
  }
}
