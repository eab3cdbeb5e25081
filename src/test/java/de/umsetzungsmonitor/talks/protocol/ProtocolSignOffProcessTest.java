package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUEST;
import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUESTS;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.ESCALATION_DUE;
import static de.umsetzungsmonitor.process.ProcessVariables.FOLLOW_UP_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_VERSION;
import static de.umsetzungsmonitor.process.ProcessVariables.SIGNATURE_DECISION;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_REQUEST_CHANGE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_SIGN;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.END_EVENT_FOLLOW_UP_RECORDED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.END_EVENT_PROTOCOL_SIGNED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.END_EVENT_REMINDER_RECORDED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.GATEWAY_CHANGE_REQUESTED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.GATEWAY_ESCALATION_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.KEY;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.SERVICE_TASK_DETERMINE_SIGNATORIES;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.SERVICE_TASK_SEND_SIGNATURE_REMINDER;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_REVISE_PROTOCOL;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.config.ReminderProperties;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.protocol.ProtocolService.SigningTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paths through {@code ProtocolSignOffProcess}: signing, change requests, reminders, escalation. */
@Deployment(resources = {
    "processes/ProtocolSignOffProcess.bpmn",
    "forms/signProtocol.form",
    "forms/reviseProtocol.form",
    "forms/followUpUnsignedProtocol.form"})
class ProtocolSignOffProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("protocol-sign-off-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015-M11";
  private static final long MEASURE = 11L;
  private static final long PROTOCOL = 31L;
  private static final String COORDINATION = "sozialplanung";

  /** Three participants: the coordinator herself, and one person each from two lead offices. */
  private static final long ANNA = 101L;
  private static final long JULIA = 102L;
  private static final long MARKUS = 103L;
  private static final Map<Long, String> USERS = Map.of(ANNA, "abecker", JULIA, "jmueller", MARKUS, "mfischer");
  private static final Map<Long, String> OFFICES = Map.of(ANNA, COORDINATION, JULIA, "jugendamt", MARKUS, "stadtplanung");
  private static final String COORDINATOR = USERS.get(ANNA);

  private static final String FIRST_TEXT = "Protokoll, Fassung 1";
  private static final String REVISED_TEXT = "Protokoll, Fassung 2";

  private final GrantProgrammeReadersListener readerGrants = mock(GrantProgrammeReadersListener.class);
  private final ProtocolService protocols = mock(ProtocolService.class);
  private final Directory directory = mock(Directory.class);
  private final ProtocolDocuments documents = mock(ProtocolDocuments.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(protocols.signatories(PROTOCOL)).thenReturn(List.of(ANNA, JULIA, MARKUS));
    for (long participant : List.of(ANNA, JULIA, MARKUS)) {
      when(protocols.signingTask(PROTOCOL, participant)).thenReturn(
          new SigningTask(USERS.get(participant), OFFICES.get(participant), 1, FIRST_TEXT, null));
    }

    Mocks.register("reminderProperties", ReminderProperties.defaults());
    Mocks.register("grantProgrammeReadersListener", readerGrants);
    Mocks.register("determineSignatoriesDelegate", new DetermineSignatoriesDelegate(protocols));
    Mocks.register("signProtocolTaskListener", new SignProtocolTaskListener(protocols));
    Mocks.register("signProtocolListener", new SignProtocolListener(protocols, directory));
    Mocks.register("sendSignatureReminderDelegate", new SendSignatureReminderDelegate(protocols));
    Mocks.register("followUpUnsignedProtocolListener", new FollowUpUnsignedProtocolListener(protocols, directory));
    Mocks.register("reviseProtocolFormListener", new ReviseProtocolFormListener(protocols));
    Mocks.register("reviseProtocolListener", new ReviseProtocolListener(protocols, documents, directory));
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
  void everyParticipantSigns_protocolSigned() {
    ProcessInstance pi = startSignOff();

    verify(protocols).signatories(PROTOCOL);
    assertThat(signingTasks()).hasSize(3);

    signAs(ANNA);
    signAs(JULIA);
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    signAs(MARKUS);

    verify(protocols).sign(PROTOCOL, ANNA, USERS.get(ANNA));
    verify(protocols).sign(PROTOCOL, JULIA, USERS.get(JULIA));
    verify(protocols).sign(PROTOCOL, MARKUS, USERS.get(MARKUS));
    assertThat(pi).hasPassed(GATEWAY_CHANGE_REQUESTED, END_EVENT_PROTOCOL_SIGNED)
        .hasNotPassed(USER_TASK_REVISE_PROTOCOL)
        .isEnded();
  }

  @Test
  void participantRequestsChange_otherSigningTasksCancelled_protocolRevised_everyParticipantSignsAgain() {
    when(protocols.currentText(PROTOCOL)).thenReturn(FIRST_TEXT);
    when(protocols.changeRequestSummary(PROTOCOL)).thenReturn("Julia Müller: Termin der ersten Lieferung korrigieren");
    for (long participant : List.of(ANNA, JULIA, MARKUS)) {
      when(protocols.signingTask(PROTOCOL, participant)).thenReturn(
          new SigningTask(USERS.get(participant), OFFICES.get(participant), 1, FIRST_TEXT, null),
          new SigningTask(USERS.get(participant), OFFICES.get(participant), 2, REVISED_TEXT, null));
    }
    ProcessInstance pi = startSignOff();

    signAs(ANNA);
    completeSigningTaskAs(JULIA, withVariables(
        SIGNATURE_DECISION.name(), DECISION_REQUEST_CHANGE,
        CHANGE_REQUEST.name(), "Termin der ersten Lieferung korrigieren"));

    verify(protocols).requestChange(PROTOCOL, JULIA, USERS.get(JULIA), "Termin der ersten Lieferung korrigieren");
    assertThat(signingTasks()).isEmpty();
    assertThat(pi).isWaitingAt(USER_TASK_REVISE_PROTOCOL);
    Task revision = task();
    assertThat(revision).hasCandidateGroup(COORDINATION);
    assertThat(taskService().getVariablesLocal(revision.getId()))
        .containsEntry(PROTOCOL_TEXT.name(), FIRST_TEXT)
        .containsEntry(CHANGE_REQUESTS.name(), "Julia Müller: Termin der ersten Lieferung korrigieren");

    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    complete(revision, withVariables(PROTOCOL_TEXT.name(), REVISED_TEXT));

    verify(protocols).revise(PROTOCOL, REVISED_TEXT, null, COORDINATOR);
    verify(protocols, times(2)).signatories(PROTOCOL);
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL).variables().doesNotContainKey(PROTOCOL_TEXT.name());
    assertThat(signingTasks()).hasSize(3)
        .allSatisfy(task -> assertThat(taskService().getVariableLocal(task.getId(), PROTOCOL_VERSION.name())).isEqualTo(2));

    signAs(ANNA);
    signAs(JULIA);
    signAs(MARKUS);

    verify(protocols, times(2)).sign(PROTOCOL, ANNA, USERS.get(ANNA)); // once per version
    verify(protocols).sign(PROTOCOL, JULIA, USERS.get(JULIA));
    verify(protocols).sign(PROTOCOL, MARKUS, USERS.get(MARKUS));
    assertThat(pi).hasPassed(USER_TASK_REVISE_PROTOCOL, END_EVENT_PROTOCOL_SIGNED).isEnded();
  }

  @Test
  void revisionSubmittedThroughTasklist_savesTheEditedText() {
    when(protocols.currentText(PROTOCOL)).thenReturn(FIRST_TEXT);
    ProcessInstance pi = startSignOff();
    completeSigningTaskAs(JULIA, withVariables(
        SIGNATURE_DECISION.name(), DECISION_REQUEST_CHANGE, CHANGE_REQUEST.name(), "Bitte ergänzen"));
    assertThat(pi).isWaitingAt(USER_TASK_REVISE_PROTOCOL);

    // Tasklist submits Camunda Forms through the form service, which updates the task-local copy
    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    engine.getFormService().submitTaskForm(task().getId(), withVariables(PROTOCOL_TEXT.name(), REVISED_TEXT));

    verify(protocols).revise(PROTOCOL, REVISED_TEXT, null, COORDINATOR);
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL).variables().doesNotContainKey(PROTOCOL_TEXT.name());
  }

  @Test
  void signingWithoutDecision_isRefused_andTheTaskStaysOpen() {
    ProcessInstance pi = startSignOff();

    assertThatThrownBy(() -> completeSigningTaskAs(ANNA, withVariables(SIGNATURE_DECISION.name(), "")))
        .rootCause()
        .isInstanceOf(InvalidInputException.class);

    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    assertThat(signingTasks()).hasSize(3);
    verify(protocols, never()).sign(anyLong(), anyLong(), any());
    verify(protocols, never()).requestChange(anyLong(), anyLong(), any(), any());
  }

  @Test
  void signingTask_isOfferedToTheParticipantAndTheirOffice_andShowsTheCurrentVersion() {
    startSignOff();

    Task annasTask = signingTaskOf(ANNA);
    assertThat(annasTask).hasCandidateUser(USERS.get(ANNA)).hasCandidateGroup(COORDINATION);
    Task juliasTask = signingTaskOf(JULIA);
    assertThat(juliasTask).hasCandidateUser(USERS.get(JULIA)).hasCandidateGroup(OFFICES.get(JULIA));
    for (Task task : List.of(annasTask, juliasTask)) {
      assertThat(taskService().getVariablesLocal(task.getId()))
          .containsEntry(PROTOCOL_TEXT.name(), FIRST_TEXT)
          .containsEntry(PROTOCOL_VERSION.name(), 1);
    }
    verify(protocols).signingTask(PROTOCOL, ANNA);
    verify(protocols).signingTask(PROTOCOL, JULIA);
  }

  @Test
  void participantWithoutOffice_getsTheTaskOnlyInTheirOwnList() {
    when(protocols.signingTask(PROTOCOL, MARKUS)).thenReturn(new SigningTask(USERS.get(MARKUS), null, 1, FIRST_TEXT, null));
    startSignOff();

    Task markusTask = signingTaskOf(MARKUS);
    assertThat(markusTask).hasCandidateUser(USERS.get(MARKUS));
    assertThat(taskService().getIdentityLinksForTask(markusTask.getId()))
        .noneMatch(link -> link.getGroupId() != null);
  }

  @Test
  void reminderDue_missingSignatoriesReminded_stillWaitingForSignatures() {
    when(protocols.remindMissingSignatories(anyLong(), anyString())).thenReturn(false);
    ProcessInstance pi = startSignOff();
    signAs(ANNA);

    remind(pi);

    verify(protocols).remindMissingSignatories(PROTOCOL, pi.getId());
    assertThat(pi).hasPassed(GATEWAY_ESCALATION_DUE, END_EVENT_REMINDER_RECORDED)
        .hasNotPassed(USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL)
        .isWaitingAt(USER_TASK_SIGN_PROTOCOL)
        .variables().containsEntry(ESCALATION_DUE.name(), false);
    assertThat(signingTasks()).hasSize(2);
    // the cycle goes on: the next reminder is scheduled
    assertThat(jobQuery().activityId(BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE).count()).isEqualTo(1);
  }

  @Test
  void reminderAfterWhichTheProtocolIsEscalated_coordinationFollowsUp_followUpRecorded() {
    when(protocols.remindMissingSignatories(anyLong(), anyString())).thenReturn(true);
    ProcessInstance pi = startSignOff();

    remind(pi);

    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL, USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL);
    Task followUp = task(USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL);
    assertThat(followUp).hasCandidateGroup(COORDINATION);

    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    complete(followUp, withVariables(FOLLOW_UP_NOTE.name(), "Herr Fischer unterzeichnet bis Freitag"));

    verify(protocols).recordFollowUp(PROTOCOL, "Herr Fischer unterzeichnet bis Freitag", COORDINATOR);
    assertThat(pi).hasPassed(END_EVENT_FOLLOW_UP_RECORDED)
        .isWaitingAt(USER_TASK_SIGN_PROTOCOL)
        .variables().doesNotContainKey(FOLLOW_UP_NOTE.name());
    assertThat(signingTasks()).hasSize(3);
  }

  @Test
  void protocolSignedWhileFollowUpOpen_endsTheFollowUpToo() {
    when(protocols.remindMissingSignatories(anyLong(), anyString())).thenReturn(true);
    ProcessInstance pi = startSignOff();
    remind(pi);
    assertThat(pi).isWaitingAt(USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL);

    signAs(ANNA);
    signAs(JULIA);
    signAs(MARKUS);

    assertThat(pi).hasPassed(END_EVENT_PROTOCOL_SIGNED).hasNotPassed(END_EVENT_FOLLOW_UP_RECORDED).isEnded();
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(protocols, never()).recordFollowUp(anyLong(), any(), any());
  }

  @Test
  void reminderStepFails_isRetriedThreeTimesFiveMinutesApart_thenRaisesAnIncident() {
    when(protocols.remindMissingSignatories(anyLong(), anyString()))
        .thenThrow(new IllegalStateException("Ausgangspostfach nicht erreichbar"));
    ProcessInstance pi = startSignOff();
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    execute(job(BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE));

    Instant beforeFirstFailure = Instant.now();
    failReminderJob();
    Job retry = reminderJob();
    assertThat(retry.getRetries()).isEqualTo(2);
    assertThat(retry.getExceptionMessage()).contains("Ausgangspostfach nicht erreichbar");
    assertThat(Duration.between(beforeFirstFailure, retry.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

    failReminderJob();
    assertThat(reminderJob().getRetries()).isEqualTo(1);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    failReminderJob();

    assertThat(reminderJob().getRetries()).isZero();
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(SERVICE_TASK_SEND_SIGNATURE_REMINDER);
    verify(protocols, times(3)).remindMissingSignatories(PROTOCOL, pi.getId());
    // signing goes on regardless
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL, SERVICE_TASK_SEND_SIGNATURE_REMINDER);
    assertThat(signingTasks()).hasSize(3);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance startSignOff() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, withVariables(
        MEASURE_ID.name(), MEASURE,
        PROTOCOL_ID.name(), PROTOCOL,
        COORDINATION_GROUP.name(), COORDINATION));
    assertThat(pi).hasPassed(SERVICE_TASK_DETERMINE_SIGNATORIES).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    return pi;
  }

  private List<Task> signingTasks() {
    return taskQuery().taskDefinitionKey(USER_TASK_SIGN_PROTOCOL).list();
  }

  private Task signingTaskOf(long participantId) {
    return signingTasks().stream()
        .filter(task -> Long.valueOf(participantId).equals(taskService().getVariable(task.getId(), PARTICIPANT_ID.name())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no signing task for participant " + participantId));
  }

  private void signAs(long participantId) {
    completeSigningTaskAs(participantId, withVariables(SIGNATURE_DECISION.name(), DECISION_SIGN));
  }

  private void completeSigningTaskAs(long participantId, Map<String, Object> form) {
    Task task = signingTaskOf(participantId);
    identityService().setAuthentication(USERS.get(participantId), List.of(OFFICES.get(participantId)));
    try {
      complete(task, form);
    } finally {
      identityService().clearAuthentication();
    }
  }

  /** The reminder timer fires, then the job executor picks up the asynchronous reminder step. */
  private void remind(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    execute(job(BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE));
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_SIGNATURE_REMINDER);
    execute(job(SERVICE_TASK_SEND_SIGNATURE_REMINDER));
  }

  private Job reminderJob() {
    return jobQuery().activityId(SERVICE_TASK_SEND_SIGNATURE_REMINDER).singleResult();
  }

  private void failReminderJob() {
    String jobId = reminderJob().getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
        .hasMessageContaining("Ausgangspostfach nicht erreichbar");
  }
}
