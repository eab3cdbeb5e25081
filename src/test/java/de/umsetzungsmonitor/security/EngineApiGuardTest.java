package de.umsetzungsmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/** Which query bodies carry an expression (CVE-2026-109432 control); the HTTP side is tested on PostgreSQL. */
class EngineApiGuardTest {

  private final EngineApiGuard guard = new EngineApiGuard(mock(IdentityService.class));

  private boolean refused(String body, boolean storesFilter) {
    return guard.carriesExpression(body.getBytes(StandardCharsets.UTF_8), storesFilter);
  }

  @Test
  void plainQueries_pass() {
    assertThat(refused("{\"candidateGroup\":\"jugendamt\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", false)).isFalse();
    assertThat(refused("", false)).isFalse();
    assertThat(refused("{\"name\":\"Preis: $ 5 {netto}\"}", false)).isFalse();
  }

  @Test
  void expressions_areFoundAnywhere() {
    assertThat(refused("{\"assigneeExpression\":\"${currentUser()}\"}", false)).isTrue();
    assertThat(refused("{\"orQueries\":[{\"assigneeExpression\":\"${bean.run()}\"}]}", false)).isTrue();
    assertThat(refused("{\"orQueries\":[{\"nested\":[{\"x\":\"#{bean.run()}\"}]}]}", false)).isTrue();
    assertThat(refused("{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{bean.run()}\"}]}", false)).isTrue();
    assertThat(refused("{\"a\":\"$ {bean.run()}\"}", false)).isTrue();
    assertThat(refused("assigneeExpression=${x}", false)).isTrue();
  }

  @Test
  void storedFilters_mayUseTheUserFunctions_atTheTopLevelOnly() {
    assertThat(refused("{\"resourceType\":\"Task\",\"name\":\"Meine\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}", true)).isFalse();
    assertThat(refused("{\"query\":{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}}", true)).isFalse();
    assertThat(refused("{\"query\":{\"assigneeExpression\":\"${bean.run()}\"}}", true)).isTrue();
    assertThat(refused("{\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}}", true)).isTrue();
    assertThat(refused("{\"name\":\"${bean.run()}\",\"query\":{}}", true)).isTrue();
    // outside a stored filter even the user functions are refused
    assertThat(refused("{\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}", false)).isTrue();
  }
}
