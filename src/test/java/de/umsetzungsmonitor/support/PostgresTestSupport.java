package de.umsetzungsmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService.ImportResult;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.process.ProtocolSignOffProcess;
import de.umsetzungsmonitor.security.OfficeGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the PostgreSQL integration tests share: the engine's services, the demo people, a programme
 * import under a code of the test's own, and lookups of instances, tasks and jobs by business key.
 * Subclasses carry {@link PostgresIntegrationTest} (and nothing else that changes the context).
 */
public abstract class PostgresTestSupport {

  @LocalServerPort
  protected int port;

  @Autowired
  protected RuntimeService runtime;

  @Autowired
  protected TaskService tasks;

  @Autowired
  protected ManagementService management;

  @Autowired
  protected HistoryService history;

  @Autowired
  protected IdentityService identity;

  @Autowired
  protected AuthorizationService authorizations;

  @Autowired
  protected OfficeGroups officeGroups;

  @Autowired
  protected ProgrammeImportService imports;

  @Autowired
  protected JdbcTemplate jdbc;

  @BeforeEach
  void createDemoPeople() {
    TestIdentities.ensure(identity, authorizations, officeGroups);
  }

  @AfterEach
  void forgetEngineUser() {
    identity.clearAuthentication();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Imports a shipped programme file under a new programme code (service call, as the demo set-up does). */
  protected String importUnderNewCode(String location, String codePrefix) {
    String code = ProgrammeFiles.uniqueCode(codePrefix);
    ImportResult result = imports.importProgramme(ProgrammeFiles.withCode(ProgrammeFiles.read(location), code));
    assertThat(result.programmeCreated()).isTrue();
    return code;
  }

  protected TasklistSession login(String userId) {
    return TasklistSession.login(baseUrl(), userId, TestIdentities.password());
  }

  /** The running Phase I instance of a measure, e.g. {@code SL2015-M12}. */
  protected ProcessInstance phaseOne(String businessKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  /** The running protocol sign-off of a measure (same business key), or {@code null}. */
  protected ProcessInstance signOff(String businessKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProtocolSignOffProcess.KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  protected List<Task> openTasks(String processInstanceId, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).list();
  }

  protected Task singleTask(String processInstanceId, String taskDefinitionKey) {
    List<Task> found = openTasks(processInstanceId, taskDefinitionKey);
    assertThat(found).as("open tasks %s in %s", taskDefinitionKey, processInstanceId).hasSize(1);
    return found.get(0);
  }

  /** The signing task that belongs to one participant: the one naming them as candidate. */
  protected Task signingTaskOf(String signOffInstanceId, String userId) {
    List<Task> found = openTasks(signOffInstanceId, ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL).stream()
        .filter(task -> candidateUsers(task.getId()).contains(userId)).toList();
    assertThat(found).as("signing task of %s", userId).hasSize(1);
    return found.get(0);
  }

  protected List<String> candidateUsers(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }

  protected List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The one job of an activity in a process instance (a timer's id is its boundary event's id). */
  protected Job job(String processInstanceId, String activityId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list();
    assertThat(jobs).as("jobs of %s", activityId).hasSize(1);
    return jobs.get(0);
  }

  protected void execute(Job job) {
    management.executeJob(job.getId());
  }

  protected Long measureId(String businessKey) {
    return jdbc.queryForObject("select id from measure where business_key = ?", Long.class, businessKey);
  }

  protected String measurePhase(String businessKey) {
    return jdbc.queryForObject("select phase from measure where business_key = ?", String.class, businessKey);
  }

  protected Long protocolId(String businessKey) {
    return jdbc.queryForObject("select p.id from protocol p join talk t on t.id = p.talk_id"
        + " join measure m on m.id = t.measure_id where m.business_key = ?", Long.class, businessKey);
  }

  protected String protocolState(String businessKey) {
    return jdbc.queryForObject("select p.state from protocol p join talk t on t.id = p.talk_id"
        + " join measure m on m.id = t.measure_id where m.business_key = ?", String.class, businessKey);
  }

  /** Who signed which version, in order: {@code "v1 abecker"}. */
  protected List<String> signatures(String businessKey) {
    return jdbc.queryForList("select 'v' || pv.version_no || ' ' || tp.user_id from signature s"
        + " join protocol_version pv on pv.id = s.protocol_version_id"
        + " join talk_participant tp on tp.id = s.participant_id"
        + " where pv.protocol_id = ? order by pv.version_no, s.signed_at, s.id", String.class, protocolId(businessKey));
  }
}
