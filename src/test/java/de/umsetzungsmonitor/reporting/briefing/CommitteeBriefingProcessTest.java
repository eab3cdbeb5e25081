package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.DECISION_APPROVE;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.DECISION_SEND_BACK;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.END_EVENT_BRIEFING_CANCELLED;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.END_EVENT_COMMITTEE_BRIEFED;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.GATEWAY_REPORT_APPROVED;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.KEY;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.OUTCOME_CANCELLED;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.OUTCOME_HELD;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.SERVICE_TASK_STORE_APPROVED_REPORT;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_PREPARE_REPORT;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_RECORD_BRIEFING;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_REVIEW_REPORT;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFED_COMMITTEE;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFED_ON;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_SUMMARY;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_HEAD_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.OUTLOOK;
import static de.umsetzungsmonitor.process.ProcessVariables.REPORT_AS_OF;
import static de.umsetzungsmonitor.process.ProcessVariables.REVIEW_COMMENT;
import static de.umsetzungsmonitor.process.ProcessVariables.REVIEW_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paths through {@code CommitteeBriefingProcess}: approved and held, sent back, cancelled, storage failing. */
@Deployment(resources = {
    "processes/CommitteeBriefingProcess.bpmn",
    "forms/prepareBriefingReport.form",
    "forms/reviewBriefingReport.form",
    "forms/recordBriefing.form"})
class CommitteeBriefingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("committee-briefing-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015_Unterrichtung_2";
  private static final long BRIEFING = 7L;
  private static final String COORDINATION = "sozialplanung";
  private static final String HEAD = "sozialplanungleitung";

  private final BriefingService briefings = mock(BriefingService.class);
  private final Directory directory = mock(Directory.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("businessKey", BUSINESS_KEY);
    summary.put("asOf", "2018-09-21");
    summary.put("committee", "Sozialausschuss");
    summary.put("draftPdf", "/berichte/unterrichtungen/" + BUSINESS_KEY + "/bericht.pdf");
    when(briefings.summary(BRIEFING)).thenReturn(summary);
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("briefingTaskListener", new BriefingTaskListener(briefings));
    Mocks.register("prepareReportListener", new PrepareReportListener(briefings));
    Mocks.register("reviewReportListener", new ReviewReportListener(briefings, directory));
    Mocks.register("storeApprovedReportDelegate", new StoreApprovedReportDelegate(briefings));
    Mocks.register("recordBriefingListener", new RecordBriefingListener(briefings, directory));
  }

  @AfterEach
  void resetMocksAndUser() {
    identityService().clearAuthentication();
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void reportPrepared_approved_stored_committeeBriefed() {
    when(briefings.reviewed(BRIEFING, DECISION_APPROVE, null, "hbraun")).thenReturn(true);
    when(briefings.recorded(BRIEFING, OUTCOME_HELD, "2018-10-04", "Sozialausschuss", null, "abecker")).thenReturn(true);
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(USER_TASK_PREPARE_REPORT);
    assertThat(task()).hasCandidateGroup(COORDINATION);
    assertThat(taskService().getVariablesLocal(task().getId())).containsOnlyKeys(BRIEFING_SUMMARY.name());
    as("abecker", COORDINATION);
    complete(task(), withVariables(REPORT_AS_OF.name(), "2018-09-21", OUTLOOK.name(), "Das Monitoring wird vorgestellt."));
    verify(briefings).prepared(BRIEFING, "2018-09-21", "Das Monitoring wird vorgestellt.");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW_REPORT);
    assertThat(task()).hasCandidateGroup(HEAD).hasName("Bericht prüfen und freigeben");
    as("hbraun", HEAD);
    complete(task(), withVariables(REVIEW_DECISION.name(), DECISION_APPROVE));
    verify(briefings).reviewed(BRIEFING, DECISION_APPROVE, null, "hbraun");

    // storing the approved report is a step of its own: the head's approval commits first
    assertThat(pi).isWaitingAt(SERVICE_TASK_STORE_APPROVED_REPORT);
    verify(briefings, never()).storeApprovedReport(anyLong());
    execute(job());
    verify(briefings).storeApprovedReport(BRIEFING);

    assertThat(pi).isWaitingAt(USER_TASK_RECORD_BRIEFING);
    assertThat(task()).hasCandidateGroup(COORDINATION);
    as("abecker", COORDINATION);
    complete(task(), withVariables(BRIEFING_OUTCOME.name(), OUTCOME_HELD, BRIEFED_ON.name(), "2018-10-04",
        BRIEFED_COMMITTEE.name(), "Sozialausschuss"));
    verify(briefings).recorded(BRIEFING, OUTCOME_HELD, "2018-10-04", "Sozialausschuss", null, "abecker");
    // the form inputs went to the service; the process keeps ids and routing flags
    assertThat(pi).hasPassed(END_EVENT_COMMITTEE_BRIEFED).isEnded()
        .variables().doesNotContainKeys(REPORT_AS_OF.name(), OUTLOOK.name(), REVIEW_DECISION.name(), REVIEW_COMMENT.name(),
            BRIEFING_OUTCOME.name(), BRIEFED_ON.name(), BRIEFED_COMMITTEE.name(), BRIEFING_NOTE.name());
  }

  @Test
  void reportSentBack_preparedAgain_thenApproved() {
    when(briefings.reviewed(BRIEFING, DECISION_SEND_BACK, "Bitte M 23 ergänzen", "hbraun")).thenReturn(false);
    when(briefings.reviewed(BRIEFING, DECISION_APPROVE, null, "hbraun")).thenReturn(true);
    ProcessInstance pi = start();
    complete(task(pi), withVariables(REPORT_AS_OF.name(), "2018-09-21"));

    as("hbraun", HEAD);
    complete(task(), withVariables(REVIEW_DECISION.name(), DECISION_SEND_BACK, REVIEW_COMMENT.name(), "Bitte M 23 ergänzen"));
    assertThat(pi).hasPassed(GATEWAY_REPORT_APPROVED).isWaitingAt(USER_TASK_PREPARE_REPORT);
    verify(briefings, times(3)).summary(BRIEFING); // each task's form shows it: the new prepare task the review's comment

    complete(task(), withVariables(REPORT_AS_OF.name(), "2018-09-21", OUTLOOK.name(), "M 23 ergänzt"));
    verify(briefings).prepared(BRIEFING, "2018-09-21", "M 23 ergänzt");
    as("hbraun", HEAD);
    complete(task(), withVariables(REVIEW_DECISION.name(), DECISION_APPROVE));
    assertThat(pi).isWaitingAt(SERVICE_TASK_STORE_APPROVED_REPORT);
  }

  @Test
  void briefingCancelled_endsWithoutABriefing() {
    when(briefings.reviewed(BRIEFING, DECISION_APPROVE, null, null)).thenReturn(true);
    when(briefings.recorded(BRIEFING, OUTCOME_CANCELLED, null, null, "Sitzung entfallen", null)).thenReturn(false);
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY)
        .setVariables(variables()).startBeforeActivity(USER_TASK_RECORD_BRIEFING).execute();

    complete(task(pi), withVariables(BRIEFING_OUTCOME.name(), OUTCOME_CANCELLED, BRIEFING_NOTE.name(), "Sitzung entfallen"));

    verify(briefings).recorded(BRIEFING, OUTCOME_CANCELLED, null, null, "Sitzung entfallen", null);
    assertThat(pi).hasPassed(END_EVENT_BRIEFING_CANCELLED).hasNotPassed(END_EVENT_COMMITTEE_BRIEFED).isEnded();
  }

  @Test
  void reviewWithoutDecision_isRefused_andTheTaskStaysOpen() {
    when(briefings.reviewed(BRIEFING, null, null, "hbraun"))
        .thenThrow(new InvalidInputException("Bitte wählen: freigeben oder zur Überarbeitung zurückgeben."));
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY)
        .setVariables(variables()).startBeforeActivity(USER_TASK_REVIEW_REPORT).execute();
    as("hbraun", HEAD);

    assertThatThrownBy(() -> complete(task(pi), Map.of())).rootCause().isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW_REPORT);
  }

  @Test
  void storingFails_retriesThreeTimes_thenAnIncident_andNothingMovesOn() {
    doThrow(new IllegalStateException("Datenbank nicht erreichbar")).when(briefings).storeApprovedReport(BRIEFING);
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY)
        .setVariables(variables()).startBeforeActivity(SERVICE_TASK_STORE_APPROVED_REPORT).execute();

    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = job(pi);
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("nicht erreichbar");
    }
    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt(SERVICE_TASK_STORE_APPROVED_REPORT);
    verify(briefings, never()).recorded(anyLong(), any(), any(), any(), any(), any());
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables());
  }

  private static Map<String, Object> variables() {
    return withVariables(BRIEFING_ID.name(), BRIEFING, COORDINATION_GROUP.name(), COORDINATION, OFFICE_HEAD_GROUP.name(), HEAD);
  }

  private static void as(String userId, String group) {
    identityService().setAuthentication(userId, List.of(group));
  }
}
