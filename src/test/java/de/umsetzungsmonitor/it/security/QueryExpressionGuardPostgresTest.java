package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.ExpressionCanary;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Control for CVE-2026-109432 (expressions in {@code orQueries} of task queries are evaluated
 * although ad-hoc query expressions are off): no task or filter request of the REST API or the
 * webapps' engine API gets an expression evaluated. The expressions call {@link ExpressionCanary},
 * whose count must never rise; the first test proves the engine would reach it. Every list query
 * here brings a page ({@value #PAGE}): the engine refuses unbounded lists before it evaluates
 * anything ({@code queryMaxResultsLimit}), which would let these tests pass without the guard.
 * Refusals must carry the guard's own message for the same reason.
 */
@PostgresIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryExpressionGuardPostgresTest extends PostgresTestSupport {

  private static final String CANARY = "${expressionCanary.touch()}";
  private static final String OR_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}";
  private static final String TOP_LEVEL = "{\"assigneeExpression\":\"" + CANARY + "\"}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = "?firstResult=0&maxResults=15";
  private static final String GUARD_MESSAGE = "Ausdrücke sind in Abfragen nicht erlaubt.";

  @Autowired
  private FilterService filters;

  /** A filter stored by the administrator (no expressions), to list with extending queries. */
  private String filterId;

  @BeforeEach
  void plainFilter() {
    Filter filter = filters.newTaskFilter("Ausdruckstest " + System.nanoTime())
        .setQuery(tasks.createTaskQuery().taskCandidateGroup("sozialplanung"));
    filterId = filters.saveFilter(filter).getId();
  }

  @AfterEach
  void removeFilter() {
    filters.deleteFilter(filterId);
  }

  @Test
  @Order(1)
  void theCanaryIsReachable_byAnExpressionTheEngineEvaluates() {
    // a stored filter is where the engine does evaluate expressions: the bean name resolves
    Filter probing = filters.newTaskFilter("Sonde " + System.nanoTime())
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${expressionCanary.probe()}"));
    String probingId = filters.saveFilter(probing).getId();
    int before = ExpressionCanary.probes();
    try {
      filters.count(probingId);
    } finally {
      filters.deleteFilter(probingId);
    }
    assertThat(ExpressionCanary.probes()).isGreaterThan(before);
  }

  // --- /engine-rest, as a logged-in clerk ----------------------------------------------------------

  @Test
  void taskQuery_withAnExpressionInOrQueries_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/task" + PAGE, OR_QUERY));
  }

  @Test
  void taskCount_withAnExpressionInOrQueries_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/task/count", OR_QUERY));
  }

  @Test
  void taskQuery_withAnExpressionInAnotherOrQueryField_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/task" + PAGE,
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"" + CANARY + "\",\"assignee\":\"abecker\"}]}"));
  }

  @Test
  void taskQuery_withATopLevelExpression_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/task" + PAGE, TOP_LEVEL));
  }

  @Test
  void taskQuery_withAnUnicodeEscapedExpression_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/task" + PAGE,
        "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{expressionCanary.touch()}\"}]}"));
  }

  @Test
  void taskQuery_inJsonTheGuardCannotParse_isNotEvaluatedEither() {
    // lenient JSON (comments, single quotes, trailing commas) with the expression hidden in a unicode escape
    String hidden = "\\u0024{expressionCanary.touch()}";
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/task" + PAGE,
        "{\"orQueries\":[{\"assigneeExpression\":\"" + hidden + "\"}] /* Kommentar */}"));
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/task" + PAGE, "{'assigneeExpression':'" + hidden + "'}"));
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/task" + PAGE,
        "{\"orQueries\":[{\"assigneeExpression\":\"" + hidden + "\"},],}"));
  }

  @Test
  void taskQuery_withAnExpressionAsQueryParameter_isRefused() {
    assertRefused(() -> abecker().get("/engine-rest/task?assigneeExpression=" + encode(CANARY)));
    assertRefused(() -> abecker().get("/engine-rest/task/count?assigneeExpression=" + encode(CANARY)));
  }

  @Test
  void taskQuery_underAPercentEncodedPath_isRefusedToo() {
    // "%74ask" is "task": the servlet container and the REST API decode it, the guard must as well
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/%74ask" + PAGE, OR_QUERY));
    assertNotEvaluated(() -> abecker().get("/engine-rest/%74ask" + PAGE + "&assigneeExpression=" + encode(CANARY)));
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/%66ilter/" + filterId + "/list" + PAGE, OR_QUERY));
  }

  @Test
  void taskQuery_underAPathWithATrailingSlashOrParameters_isRefusedToo() {
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/task/" + PAGE, OR_QUERY));
    assertNotEvaluated(() -> abecker().postJson("/engine-rest/task;x=y" + PAGE, OR_QUERY));
  }

  @Test
  void taskQuery_throughTheNamedEnginePath_isRefused() {
    // the REST API serves every resource under /engine-rest/engine/{name}/... as well
    try {
      assertAllRefused(
          () -> abecker().postJson("/engine-rest/engine/default/task" + PAGE, OR_QUERY),
          () -> abecker().postJson("/engine-rest/engine/default/task/count", OR_QUERY),
          () -> abecker().postJson("/engine-rest/engine/default/task" + PAGE, TOP_LEVEL),
          () -> abecker().get("/engine-rest/engine/default/task?assigneeExpression=" + encode(CANARY)),
          () -> abecker().postJson("/engine-rest/engine/default/filter/" + filterId + "/list" + PAGE, OR_QUERY),
          () -> admin().postJson("/engine-rest/engine/default/filter/create",
              "{\"resourceType\":\"Task\",\"name\":\"Kanarienvogel\",\"query\":" + OR_QUERY + "}"));
    } finally {
      filters.createFilterQuery().filterName("Kanarienvogel").list().forEach(stored -> filters.deleteFilter(stored.getId()));
    }
  }

  @Test
  void filterCreation_byTheAdministrator_withAnExpressionInTheQuery_isRefused() {
    long before = filters.createFilterQuery().count();
    assertRefused(() -> admin().postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Kanarienvogel\",\"query\":{\"candidateGroupExpression\":\"" + CANARY + "\"}}"));
    assertRefused(() -> admin().postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Kanarienvogel\",\"query\":" + OR_QUERY + "}"));
    assertRefused(() -> admin().putJson("/engine-rest/filter/" + filterId,
        "{\"resourceType\":\"Task\",\"name\":\"Kanarienvogel\",\"query\":" + OR_QUERY + "}"));
    assertThat(filters.createFilterQuery().count()).isEqualTo(before);
    assertThat(filters.createFilterQuery().filterName("Kanarienvogel").count()).isZero();
  }

  @Test
  void filterList_withAnExtendingQueryCarryingAnExpression_isRefused() {
    assertRefused(() -> abecker().postJson("/engine-rest/filter/" + filterId + "/list" + PAGE, OR_QUERY));
    assertRefused(() -> abecker().postJson("/engine-rest/filter/" + filterId + "/list" + PAGE, TOP_LEVEL));
    assertRefused(() -> abecker().postJson("/engine-rest/filter/" + filterId + "/count", OR_QUERY));
    assertRefused(() -> abecker().postJson("/engine-rest/filter/" + filterId + "/singleResult", OR_QUERY));
  }

  // --- the webapps' engine API, as Tasklist calls it -----------------------------------------------

  @Test
  void tasklistSession_taskQueryWithAnExpression_isRefused() {
    TasklistSession abecker = login("abecker");
    assertRefused(() -> abecker.postEngine("/task" + PAGE, OR_QUERY));
    assertRefused(() -> abecker.postEngine("/task/count", OR_QUERY));
    assertRefused(() -> abecker.postEngine("/task" + PAGE, TOP_LEVEL));
    assertRefused(() -> abecker.getEngine("/task?assigneeExpression=" + encode(CANARY)));
    assertRefused(() -> abecker.postEngine("/filter/" + filterId + "/list?firstResult=0&maxResults=15", OR_QUERY));
    assertNotEvaluated(() -> abecker.postEngine("/%74ask" + PAGE, OR_QUERY));
    assertNotEvaluated(() -> abecker.post("/camunda/api/engine/task" + PAGE, OR_QUERY));
  }

  // --- what stays allowed -------------------------------------------------------------------------

  @Test
  void plainQueries_areAnswered() {
    HttpResponse<String> orQuery = abecker().postJson("/engine-rest/task" + PAGE,
        "{\"orQueries\":[{\"assignee\":\"abecker\",\"candidateGroup\":\"sozialplanung\"}]}");
    assertThat(orQuery.statusCode()).as(orQuery.body()).isEqualTo(200);
    assertThat(abecker().get("/engine-rest/task" + PAGE + "&assignee=abecker").statusCode()).isEqualTo(200);
    assertThat(abecker().postJson("/engine-rest/filter/" + filterId + "/list" + PAGE,
        "{\"orQueries\":[{\"assignee\":\"abecker\"}]}").statusCode()).isEqualTo(200);
    TasklistSession session = login("abecker");
    HttpResponse<String> tasklist = session.postEngine("/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
    assertThat(session.postEngine("/task/count", "{\"candidateGroup\":\"sozialplanung\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void administrator_mayStoreAFilterWithTheCurrentUserFunction_atTheTopLevel() throws Exception {
    HttpResponse<String> created = admin().postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Meine (Test)\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = JSON.readTree(created.body()).get("id").asText();
    try {
      HttpResponse<String> listed = abecker().postJson("/engine-rest/filter/" + id + "/list" + PAGE, "{}");
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    } finally {
      HttpResponse<String> deleted = admin().delete("/engine-rest/filter/" + id);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void afterAllOfThis_theCanaryWasNeverTouched() {
    assertThat(ExpressionCanary.touches()).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------------

  private void assertRefused(Supplier<HttpResponse<String>> request) {
    int before = ExpressionCanary.touches();
    HttpResponse<String> response = request.get();
    assertThat(ExpressionCanary.touches()).as("expression evaluated by %s %s: %s", response.request().method(),
        response.uri(), response.body()).isEqualTo(before);
    assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(400);
    assertThat(response.body()).as("refused by the guard: %s %s", response.request().method(), response.uri())
        .contains(GUARD_MESSAGE);
  }

  /** Every request refused without evaluation; all are sent, and every one that is not refused is reported. */
  @SafeVarargs
  private void assertAllRefused(Supplier<HttpResponse<String>>... requests) {
    List<String> problems = new ArrayList<>();
    for (Supplier<HttpResponse<String>> request : requests) {
      int before = ExpressionCanary.touches();
      HttpResponse<String> response = request.get();
      int evaluated = ExpressionCanary.touches() - before;
      if (evaluated != 0 || response.statusCode() != 400 || !response.body().contains(GUARD_MESSAGE)) {
        problems.add(response.request().method() + " " + response.uri().getRawPath()
            + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery())
            + ": HTTP " + response.statusCode() + ", expression evaluated " + evaluated + " time(s), body " + response.body());
      }
    }
    assertThat(problems).as("requests not refused").isEmpty();
  }

  /** For unusual spellings of a path: whatever the status, no success and no evaluation. */
  private void assertNotEvaluated(Supplier<HttpResponse<String>> request) {
    int before = ExpressionCanary.touches();
    HttpResponse<String> response = request.get();
    assertThat(ExpressionCanary.touches()).as("expression evaluated by %s %s: HTTP %s %s", response.request().method(),
        response.uri(), response.statusCode(), response.body()).isEqualTo(before);
    assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isBetween(400, 499);
  }

  private BasicAuthClient abecker() {
    return BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password());
  }

  private BasicAuthClient admin() {
    return BasicAuthClient.as(baseUrl(), TestIdentities.ADMIN, TestIdentities.password());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
