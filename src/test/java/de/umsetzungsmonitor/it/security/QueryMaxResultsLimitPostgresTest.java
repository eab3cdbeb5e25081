package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's {@code queryMaxResultsLimit}: list queries of a logged-in caller without
 * {@code maxResults}, or with more than the limit, are refused with 400 on {@code /engine-rest} and
 * on the webapps' engine API alike; bounded ones are answered. The webapps keep working: the calls
 * they page by 2000 or that the engine exempts are answered, and Cockpit's one unpaged call (every
 * version of a definition) lists every version instead of being refused.
 */
@PostgresIntegrationTest
class QueryMaxResultsLimitPostgresTest extends PostgresTestSupport {

  /** As configured in application.yaml (QUERY_MAX_RESULTS_LIMIT, default 2000). */
  private static final int LIMIT = 2000;
  /** A line of a Java stack trace, or an exception's class name followed by its message. */
  private static final Pattern STACK_TRACE = Pattern.compile("(\\bat (org|com|java|jakarta|sun)\\.[\\w.$]+\\()|Exception:|\\\\tat ");
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private ProcessEngineConfigurationImpl engineConfiguration;

  @Autowired
  private RepositoryService repository;

  @Test
  void theEngineRunsWithTheConfiguredLimit() {
    assertThat(engineConfiguration.getQueryMaxResultsLimit()).isEqualTo(LIMIT);
  }

  // --- API clients ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
      "/engine-rest/history/task", "/engine-rest/process-definition", "/engine-rest/user", "/engine-rest/group",
      "/engine-rest/filter", "/engine-rest/history/user-operation", "/engine-rest/engine/default/task",
      "/engine-rest/process-definition?key=" + MeasurePhaseOneProcess.KEY + "&sortBy=version&sortOrder=desc&withoutTenantId=true"})
  void unboundedList_isRefused_withAClearMessage(String path) {
    HttpResponse<String> response = as("abecker").get(path);

    assertRefusedAsUnbound(response);
  }

  @Test
  void unboundedList_inAPostedQuery_isRefused() {
    assertRefusedAsUnbound(as("abecker").postJson("/engine-rest/task", "{\"candidateGroup\":\"sozialplanung\"}"));
    assertRefusedAsUnbound(as("abecker").postJson("/engine-rest/process-instance", "{}"));
  }

  @Test
  void listAboveTheLimit_isRefused_withAClearMessage() {
    for (HttpResponse<String> response : List.of(
        as("abecker").get("/engine-rest/task?maxResults=" + (LIMIT + 1)),
        as("abecker").get("/engine-rest/task?firstResult=0&maxResults=100000"),
        as("abecker").postJson("/engine-rest/task?firstResult=0&maxResults=" + (LIMIT + 1), "{}"))) {
      assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(400);
      assertThat(json(response).get("type").asText()).isEqualTo("BadUserRequestException");
      assertThat(json(response).get("message").asText()).isEqualTo("Max results limit of " + LIMIT + " exceeded!");
      assertThat(response.body()).doesNotContainPattern(STACK_TRACE);
    }
  }

  @Test
  void boundedList_upToTheLimit_isAnswered() {
    List<HttpResponse<String>> answered = List.of(
        as("abecker").get("/engine-rest/task?maxResults=" + LIMIT),
        as("abecker").get("/engine-rest/task?firstResult=0&maxResults=15"),
        as("abecker").postJson("/engine-rest/task?firstResult=0&maxResults=15", "{\"candidateGroup\":\"sozialplanung\"}"),
        as("abecker").get("/engine-rest/history/process-instance?maxResults=50"),
        as(TestIdentities.ADMIN).get("/engine-rest/user?firstResult=0&maxResults=50"),
        // counts and single resources are no lists
        as("abecker").get("/engine-rest/task/count"));
    for (HttpResponse<String> response : answered) {
      assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
    }
  }

  @Test
  void anonymousCallers_stillMeetTheLoginFirst() {
    HttpResponse<String> response = BasicAuthClient.anonymous(baseUrl()).get("/engine-rest/task");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
  }

  // --- the webapps' engine API ---------------------------------------------------------------------

  @Test
  void webappSession_unboundedAndOverLimitLists_areRefusedToo() {
    TasklistSession abecker = login("abecker");

    assertRefusedAsUnbound(abecker.getEngine("/task"));
    assertRefusedAsUnbound(abecker.postEngine("/task", "{}"));
    // only Cockpit's list of one key's versions gets a bound; other definition lists do not
    assertRefusedAsUnbound(abecker.getEngine("/process-definition?latestVersion=true"));
    assertRefusedAsUnbound(abecker.getEngine("/process-definition?key=" + MeasurePhaseOneProcess.KEY + "&sortBy=name&sortOrder=asc"));
    HttpResponse<String> overLimit = abecker.getEngine("/task?firstResult=0&maxResults=" + (LIMIT + 1));
    assertThat(overLimit.statusCode()).as(overLimit.body()).isEqualTo(400);
  }

  /**
   * The calls Tasklist and Cockpit make that come near the limit, replayed as they send them: they
   * page by 2000, or are queries the engine exempts (statistics).
   */
  @Test
  void webappCalls_pagedBy2000OrExempt_areAnswered() {
    ProcessDefinition phaseOne = repository.createProcessDefinitionQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .latestVersion().singleResult();
    TasklistSession tasklist = login("abecker");
    TasklistSession cockpit = TasklistSession.login(baseUrl(), TestIdentities.ADMIN, TestIdentities.password(), "cockpit");

    List<HttpResponse<String>> answered = List.of(
        // Tasklist: its filters, in pages of 2000
        tasklist.getEngine("/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"),
        // Cockpit: dashboard and a definition's page
        cockpit.getEngine("/process-definition/statistics?rootIncidents=true"),
        cockpit.getEngine("/process-definition/" + phaseOne.getId() + "/statistics?incidents=true"),
        cockpit.getEngine("/job-definition?processDefinitionId=" + phaseOne.getId() + "&firstResult=0&maxResults=2000"));
    for (HttpResponse<String> response : answered) {
      assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
      assertThat(json(response).isArray()).as(response.body()).isTrue();
    }
  }

  /**
   * Found broken in Cockpit: the page of a process (or decision) definition lists every version of
   * its key without maxResults. The engine refused it; Cockpit retried and then showed only the 50
   * newest versions. Replayed exactly as Cockpit sends it, with more than 50 versions.
   */
  @Test
  void cockpitsListOfAllVersionsOfADefinition_isAnswered_withEveryVersion() {
    String key = "VersionProbe" + System.nanoTime();
    List<String> deployments = new ArrayList<>();
    try {
      for (int version = 1; version <= 51; version++) {
        deployments.add(repository.createDeployment().name(key)
            .addString(key + ".bpmn", probeProcess(key))
            .addString(key + ".dmn", probeDecision(key))
            .deploy().getId());
      }
      TasklistSession cockpit = TasklistSession.login(baseUrl(), TestIdentities.ADMIN, TestIdentities.password(), "cockpit");

      HttpResponse<String> processVersions = cockpit.getEngine("/process-definition?key=" + key
          + "&sortBy=version&sortOrder=desc&withoutTenantId=true");
      HttpResponse<String> decisionVersions = cockpit.getEngine("/decision-definition?key=" + key
          + "&sortBy=version&sortOrder=desc&withoutTenantId=true");

      for (HttpResponse<String> response : List.of(processVersions, decisionVersions)) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        assertThat(json(response).size()).as(response.uri().toString()).isEqualTo(51);
        assertThat(json(response).get(0).get("version").asInt()).isEqualTo(51);
        assertThat(json(response).get(50).get("version").asInt()).isEqualTo(1);
      }
      // the same request from an API client stays refused
      assertRefusedAsUnbound(as(TestIdentities.ADMIN).get("/engine-rest/process-definition?key=" + key
          + "&sortBy=version&sortOrder=desc&withoutTenantId=true"));
    } finally {
      deployments.forEach(id -> repository.deleteDeployment(id, true));
    }
  }

  @Test
  void cockpitsListOfAllVersions_forStaffWhoWatchInCockpit_isAnswered() {
    // a programme naming the managers gives them Cockpit, as in the demo
    importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "QMR");
    TasklistSession cwolf = TasklistSession.login(baseUrl(), "cwolf", TestIdentities.password(), "cockpit");

    HttpResponse<String> versions = cwolf.getEngine("/process-definition?key=" + MeasurePhaseOneProcess.KEY
        + "&sortBy=version&sortOrder=desc&withoutTenantId=true");

    assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
    assertThat(json(versions).size()).as(versions.body()).isPositive();
  }

  // --- helpers -------------------------------------------------------------------------------------

  private static void assertRefusedAsUnbound(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).as(response.body()).isEqualTo("BadUserRequestException");
    assertThat(body.get("message").asText()).as(response.body()).isEqualTo("An unbound number of results is forbidden!");
    assertThat(response.body()).doesNotContainPattern(STACK_TRACE);
  }

  private static String probeProcess(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://umsetzungsmonitor.de/test">
          <bpmn:process id="%1$s" name="Versionsprobe" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Probe" name="Probe gestartet"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key);
  }

  private static String probeDecision(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Decisions_%1$s" name="Versionsprobe" namespace="http://umsetzungsmonitor.de/test">
          <decision id="%1$s" name="Versionsprobe" camunda:historyTimeToLive="1">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_Probe"><inputExpression id="InputExpression_Probe" typeRef="string"><text>eingabe</text></inputExpression></input>
              <output id="Output_Probe" name="ausgabe" typeRef="string"/>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key);
  }

  private BasicAuthClient as(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }
}
