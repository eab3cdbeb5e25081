package de.umsetzungsmonitor.it.security;

import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Camunda's user operation log names who did what: the clerk who claimed and completed a task in
 * Tasklist, the administrator whose programme import started the process instances.
 */
@PostgresIntegrationTest
class AuditTrailPostgresTest extends PostgresTestSupport {

  @Test
  void claimAndCompleteInTasklist_areLoggedUnderTheClerksUserId() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "OPLOG") + "-M12";
    Task schedule = singleTask(phaseOne(key).getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK);
    TasklistSession abecker = login("abecker");

    assertThat(abecker.claim(schedule.getId()).statusCode()).isEqualTo(204);
    HttpResponse<String> completed = abecker.submitForm(schedule.getId(), form()
        .text("talkDate", "2018-10-15").text("talkTime", "10:00").text("talkLocation", "Rathaus, Raum 101")
        .json("participants", List.of("abecker", "jmueller")).toJson());
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    UserOperationLogEntry claim = single(UserOperationLogEntry.OPERATION_TYPE_CLAIM, schedule.getId());
    assertThat(claim.getUserId()).isEqualTo("abecker");
    assertThat(claim.getEntityType()).isEqualTo(EntityTypes.TASK);
    UserOperationLogEntry complete = single(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, schedule.getId());
    assertThat(complete.getUserId()).isEqualTo("abecker");
    assertThat(complete.getEntityType()).isEqualTo(EntityTypes.TASK);
    assertThat(complete.getProcessInstanceId()).isEqualTo(schedule.getProcessInstanceId());
  }

  private UserOperationLogEntry single(String operationType, String taskId) {
    List<UserOperationLogEntry> entries = history.createUserOperationLogQuery().taskId(taskId)
        .operationType(operationType).list();
    assertThat(entries).as("%s of task %s: %s", operationType, taskId,
        history.createUserOperationLogQuery().taskId(taskId).list().stream()
            .map(e -> e.getOperationType() + "/" + e.getProperty() + " by " + e.getUserId()).toList()).isNotEmpty();
    // one entry per changed property; all of one operation carry the same user
    assertThat(entries).extracting(UserOperationLogEntry::getUserId).containsOnly(entries.get(0).getUserId());
    return entries.get(0);
  }

  @Test
  void programmeImportThroughTheApi_logsTheCreationOfEveryInstanceUnderTheAdministrator() {
    String code = ProgrammeFiles.uniqueCode("AUDIMP");
    HttpResponse<String> imported = BasicAuthClient.as(baseUrl(), TestIdentities.ADMIN, TestIdentities.password())
        .post("/api/programmes", "application/yaml",
            ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), code));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .processInstanceBusinessKeyLike(code + "-%").list();
    assertThat(instances).hasSize(14);
    for (ProcessInstance instance : instances) {
      List<UserOperationLogEntry> created = history.createUserOperationLogQuery()
          .processInstanceId(instance.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list();
      assertThat(created).as("creation of %s: %s", instance.getBusinessKey(),
          history.createUserOperationLogQuery().processInstanceId(instance.getId()).list().stream()
              .map(e -> e.getEntityType() + " " + e.getOperationType() + " by " + e.getUserId()).toList()).isNotEmpty();
      assertThat(created).extracting(UserOperationLogEntry::getUserId).containsOnly(TestIdentities.ADMIN);
      assertThat(created).extracting(UserOperationLogEntry::getEntityType).contains(EntityTypes.PROCESS_INSTANCE);
    }
  }
}
