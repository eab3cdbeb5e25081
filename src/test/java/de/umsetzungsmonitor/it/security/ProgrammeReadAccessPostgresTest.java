package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through {@code /engine-rest} with their own login, people read what their office or programme
 * role gives them and nothing else: an office its tasks, a coordinating unit every instance of its
 * programme (not of the other), managers everything of both without working on it, and nobody but
 * an administrator deploys, creates users or filters, or deletes instances.
 */
@PostgresIntegrationTest
class ProgrammeReadAccessPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Both programmes, imported once for all tests of this class under codes of its own. */
  private static String sozialeLage;
  private static String bildungsbuero;

  @Autowired
  private RepositoryService repository;

  @BeforeEach
  void bothProgrammesImportedOnce() {
    if (sozialeLage == null) {
      sozialeLage = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "RSL");
      bildungsbuero = importUnderNewCode(ProgrammeFiles.BILDUNGSBUERO, "RBB");
    }
  }

  /** M 12 of Soziale Lage: only the coordinating unit has a task (scheduling the talk). */
  private String sozialeLageM12() {
    return sozialeLage + "-M12";
  }

  /** IPF1 of the Bildungsbüro programme: its coordinating unit schedules the talk. */
  private String bildungsbueroIpf1() {
    return bildungsbuero + "-IPF1";
  }

  // --- offices ---------------------------------------------------------------------------------

  @Test
  void officeStaff_listExactlyTheTasksOfTheirOfficeAndThemselves() {
    // one page of the engine's largest (queryMaxResultsLimit), and not a full one: her whole list
    List<JsonNode> visible = array(as("jmueller").get("/engine-rest/task?maxResults=2000"));

    assertThat(visible).as("jugendamt has signing tasks in Soziale Lage (M 11, M 22)").isNotEmpty().hasSizeLessThan(2000);
    for (JsonNode task : visible) {
      String taskId = task.get("id").asText();
      assertThat(isFor(taskId, "jmueller", "jugendamt")).as("task %s (%s) of jmueller's list: candidates %s",
          taskId, task.get("name").asText(), tasks.getIdentityLinksForTask(taskId)).isTrue();
    }
    // in the programmes of this test: exactly the tasks her office or she is a candidate for
    Set<String> visibleIds = visible.stream().map(task -> task.get("id").asText()).collect(Collectors.toSet());
    List<String> expected = new ArrayList<>();
    for (String code : List.of(sozialeLage, bildungsbuero)) {
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKeyLike(code + "-%").list()) {
        if (isFor(task.getId(), "jmueller", "jugendamt")) {
          expected.add(task.getId());
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(visibleIds.stream().filter(id -> inProgrammes(id, sozialeLage, bildungsbuero)).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(array(as("jmueller").get("/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike="
        + encode(bildungsbuero + "-%")))).as("no task of the other programme's coordination").isEmpty();
    assertThat(array(as("jmueller").get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + sozialeLageM12())))
        .as("no task of Soziale Lage's coordination").isEmpty();
  }

  @Test
  void officeStaff_readNothingOfAMeasureTheyAreNotInvolvedIn() {
    String instanceId = phaseOne(sozialeLageM12()).getId();
    BasicAuthClient jmueller = as("jmueller");

    HttpResponse<String> variables = jmueller.get("/engine-rest/process-instance/" + instanceId + "/variables");
    assertThat(variables.statusCode()).as(variables.body()).isIn(403, 404);
    assertThat(variables.body()).doesNotContain("measureTitle", "programme");
    HttpResponse<String> instance = jmueller.get("/engine-rest/process-instance/" + instanceId);
    assertThat(instance.statusCode()).as(instance.body()).isIn(403, 404);
    assertThat(array(jmueller.get("/engine-rest/process-instance?maxResults=100&businessKey=" + sozialeLageM12()))).isEmpty();
    assertThat(array(jmueller.get("/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + sozialeLageM12())))
        .isEmpty();
    assertThat(array(jmueller.get("/engine-rest/history/task?maxResults=100&processInstanceBusinessKey=" + sozialeLageM12()))).isEmpty();
  }

  // --- coordinating units ----------------------------------------------------------------------

  @Test
  void sozialeLagesCoordinatingUnit_readsItsInstances_butNotThoseOfTheBildungsbuero() {
    assertReadsInstance("abecker", sozialeLageM12());
    assertReadsNothingOf("abecker", bildungsbueroIpf1());
  }

  @Test
  void bildungsbuerosCoordinatingUnit_readsItsInstances_butNotThoseOfSozialeLage() {
    assertReadsInstance("jwagner", bildungsbueroIpf1());
    assertReadsNothingOf("jwagner", sozialeLageM12());
  }

  @Test
  void coordinatingUnit_readsEveryInstanceOfItsProgramme_notJustThoseWithItsTasks() {
    // M 14: the protocol is in force, the task (concretise indicators) is the coordinating unit's;
    // M 22: in signature, with tasks of other offices too; every instance counts
    List<JsonNode> visible = array(as("abecker").get("/engine-rest/process-instance?maxResults=100&businessKeyLike="
        + encode(sozialeLage + "-%") + "&processDefinitionKey=" + MeasurePhaseOneProcess.KEY));
    long all = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .processInstanceBusinessKeyLike(sozialeLage + "-%").count();
    assertThat(all).isEqualTo(14);
    assertThat(visible).hasSize(14);
    assertThat(array(as("jwagner").get("/engine-rest/process-instance?maxResults=100&businessKeyLike=" + encode(sozialeLage + "-%"))))
        .isEmpty();
  }

  private void assertReadsInstance(String userId, String businessKey) {
    BasicAuthClient user = as(userId);
    String instanceId = phaseOne(businessKey).getId();
    List<JsonNode> instances = array(user.get("/engine-rest/process-instance?maxResults=100&businessKey=" + businessKey));
    assertThat(instances).as("%s: instances of %s", userId, businessKey).isNotEmpty()
        .allSatisfy(instance -> assertThat(instance.get("businessKey").asText()).isEqualTo(businessKey));
    HttpResponse<String> variables = user.get("/engine-rest/process-instance/" + instanceId + "/variables");
    assertThat(variables.statusCode()).as("%s: variables of %s: %s", userId, businessKey, variables.body()).isEqualTo(200);
    assertThat(array(user.get("/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + businessKey)))
        .as("%s: history of %s", userId, businessKey).isNotEmpty();
  }

  private void assertReadsNothingOf(String userId, String businessKey) {
    BasicAuthClient user = as(userId);
    String instanceId = phaseOne(businessKey).getId();
    assertThat(array(user.get("/engine-rest/process-instance?maxResults=100&businessKey=" + businessKey)))
        .as("%s: instances of %s", userId, businessKey).isEmpty();
    HttpResponse<String> variables = user.get("/engine-rest/process-instance/" + instanceId + "/variables");
    assertThat(variables.statusCode()).as("%s: variables of %s: %s", userId, businessKey, variables.body()).isIn(403, 404);
    assertThat(array(user.get("/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + businessKey)))
        .as("%s: history of %s", userId, businessKey).isEmpty();
    assertThat(array(user.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey)))
        .as("%s: tasks of %s", userId, businessKey).isEmpty();
  }

  // --- managers --------------------------------------------------------------------------------

  @Test
  void managers_readInstancesAndTasksOfBothProgrammes() {
    BasicAuthClient cwolf = as("cwolf");
    for (String businessKey : List.of(sozialeLageM12(), bildungsbueroIpf1())) {
      assertReadsInstance("cwolf", businessKey);
      List<JsonNode> visibleTasks = array(cwolf.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey));
      assertThat(visibleTasks).as("tasks of %s", businessKey).hasSize(1);
      String taskId = visibleTasks.get(0).get("id").asText();
      assertThat(cwolf.get("/engine-rest/task/" + taskId).statusCode()).isEqualTo(200);
      assertThat(array(cwolf.get("/engine-rest/history/task?maxResults=100&processInstanceBusinessKey=" + businessKey))).isNotEmpty();
    }
  }

  @Test
  void managers_mayNeitherClaimNorCompleteTasks() {
    BasicAuthClient cwolf = as("cwolf");
    String taskId = singleTask(phaseOne(bildungsbueroIpf1()).getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK).getId();

    HttpResponse<String> claim = cwolf.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"cwolf\"}");
    HttpResponse<String> complete = cwolf.postJson("/engine-rest/task/" + taskId + "/complete", "{}");
    HttpResponse<String> assign = cwolf.postJson("/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"cwolf\"}");

    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    assertThat(assign.statusCode()).as(assign.body()).isEqualTo(403);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).as("still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  // --- administration ----------------------------------------------------------------------------

  @Test
  void nonAdministrator_mayNotDeploy() {
    String name = "probe-" + System.nanoTime();
    HttpResponse<String> response = as("abecker").postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", name, "deployment-source", "security-test"), "probe.bpmn", "probe.bpmn",
        "application/octet-stream", ProbeModels.process("Probe_" + System.nanoTime(), "Probe").getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @Test
  void nonAdministrator_mayNotCreateFilters() {
    String name = "Filter von abecker " + System.nanoTime();
    HttpResponse<String> response = as("abecker").postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"" + name + "\",\"query\":{\"candidateGroup\":\"sozialplanung\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_filter where name_ = ?", Long.class, name)).isZero();
  }

  @Test
  void nonAdministrator_mayNotCreateUsers() {
    HttpResponse<String> response = as("abecker").postJson("/engine-rest/user/create", """
        {"profile":{"id":"freund","firstName":"Fritz","lastName":"Freund","email":"freund@example.org"},
         "credentials":{"password":"Koblenz-Rhein-2026!"}}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("freund").count()).isZero();
  }

  @Test
  void nonAdministrator_mayNotDeleteInstancesInABatch() {
    String instanceId = phaseOne(sozialeLageM12()).getId();
    long batchesBefore = management.createBatchQuery().count();

    HttpResponse<String> response = as("abecker").postJson("/engine-rest/process-instance/delete",
        "{\"processInstanceIds\":[\"" + instanceId + "\"],\"deleteReason\":\"Versuch\",\"skipCustomListeners\":true}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(management.createBatchQuery().count()).isEqualTo(batchesBefore);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
  }

  @Test
  void administrator_createsAndDeletesFilters() {
    BasicAuthClient admin = as(TestIdentities.ADMIN);
    HttpResponse<String> created = admin.postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Sozialplanung (Test)\",\"query\":{\"candidateGroup\":\"sozialplanung\"}}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String filterId = json(created).get("id").asText();
    assertThat(as("abecker").get("/engine-rest/filter/" + filterId + "/count").statusCode()).isEqualTo(200);

    HttpResponse<String> deleted = admin.delete("/engine-rest/filter/" + filterId);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_filter where id_ = ?", Long.class, filterId)).isZero();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private BasicAuthClient as(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  /** Whether the user or the office is assignee or candidate of the task. */
  private boolean isFor(String taskId, String userId, String groupId) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
      if ((IdentityLinkType.CANDIDATE.equals(link.getType()) || IdentityLinkType.ASSIGNEE.equals(link.getType()))
          && (userId.equals(link.getUserId()) || groupId.equals(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private boolean inProgrammes(String taskId, String... codes) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    String businessKey = task == null || task.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    if (businessKey == null) {
      return false;
    }
    for (String code : codes) {
      if (businessKey.startsWith(code + "-")) {
        return true;
      }
    }
    return false;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> array(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode node = json(response);
    assertThat(node.isArray()).as(response.body()).isTrue();
    List<JsonNode> elements = new ArrayList<>();
    node.forEach(elements::add);
    return elements;
  }
}
