package de.umsetzungsmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Which query bodies carry an expression (CVE-2026-109432 control) and which requests get a bound
 * under {@code queryMaxResultsLimit}; the HTTP side is tested on PostgreSQL.
 */
class EngineApiGuardTest {

  private final StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
  private final EngineApiGuard guard = new EngineApiGuard(mock(IdentityService.class), configuration);

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

  @Test
  void cockpitsVersionList_onTheWebappApi_getsTheLimitAsMaxResults() throws Exception {
    configuration.setQueryMaxResultsLimit(2000);

    HttpServletRequest passed = passOn("/camunda/api/engine", "/engine/default/process-definition",
        "key=MeasurePhaseOneProcess&sortBy=version&sortOrder=desc&withoutTenantId=true");

    assertThat(passed.getQueryString())
        .isEqualTo("key=MeasurePhaseOneProcess&sortBy=version&sortOrder=desc&withoutTenantId=true&maxResults=2000");
    assertThat(passed.getParameter("maxResults")).isEqualTo("2000");
    assertThat(passed.getParameterMap()).containsKeys("key", "sortBy", "maxResults");
    assertThat(passOn("/camunda/api/engine", "/engine/default/decision-definition", "key=d&sortBy=version&sortOrder=desc")
        .getParameter("maxResults")).isEqualTo("2000");
  }

  @Test
  void everyOtherQuery_isPassedOnAsSent() throws Exception {
    configuration.setQueryMaxResultsLimit(2000);

    // the REST API's clients page themselves
    assertThat(passOn("/engine-rest", "/process-definition", "key=k&sortBy=version&sortOrder=desc").getQueryString())
        .isEqualTo("key=k&sortBy=version&sortOrder=desc");
    // other lists, other sort orders, requests that bring their own page
    assertThat(passOn("/camunda/api/engine", "/engine/default/process-definition", "latestVersion=true").getQueryString())
        .isEqualTo("latestVersion=true");
    assertThat(passOn("/camunda/api/engine", "/engine/default/task", "sortBy=version").getQueryString()).isEqualTo("sortBy=version");
    assertThat(passOn("/camunda/api/engine", "/engine/default/process-definition", "key=k&sortBy=name").getQueryString())
        .isEqualTo("key=k&sortBy=name");
    assertThat(passOn("/camunda/api/engine", "/engine/default/process-definition", "key=k&sortBy=version&maxResults=50")
        .getQueryString()).isEqualTo("key=k&sortBy=version&maxResults=50");
    assertThat(passOn("/camunda/api/engine", "/engine/default/process-definition", "key=k&sortBy=version&firstResult=0")
        .getQueryString()).isEqualTo("key=k&sortBy=version&firstResult=0");
  }

  @Test
  void withoutALimit_nothingIsBounded() throws Exception {
    assertThat(passOn("/camunda/api/engine", "/engine/default/process-definition", "key=k&sortBy=version").getQueryString())
        .isEqualTo("key=k&sortBy=version");
  }

  /** A GET through the guard; the request the rest of the chain sees. */
  private HttpServletRequest passOn(String servletPath, String pathInfo, String query) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    request.setQueryString(query);
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
    }
    MockFilterChain chain = new MockFilterChain();
    guard.doFilter(request, new MockHttpServletResponse(), chain);
    return (HttpServletRequest) chain.getRequest();
  }
}
