package de.umsetzungsmonitor.talks;

import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.CALL_ACTIVITY_PROTOCOL_SIGN_OFF;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.END_EVENT_MONITORING_AGREED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.GATEWAY_TALK_MOVED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.GATEWAY_TALK_RESULTS_DUE;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.KEY;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.SERVICE_TASK_MARK_MONITORING_AGREED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.TALK_TO_BE_MOVED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.process.ProcessVariables.APPROACH;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.DATA_AGREEMENTS;
import static de.umsetzungsmonitor.process.ProcessVariables.HELD_ON;
import static de.umsetzungsmonitor.process.ProcessVariables.INDICATORS;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_OPTIONS;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANTS;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_OPTIONS;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.REMARKS;
import static de.umsetzungsmonitor.process.ProcessVariables.SIGNATURE_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_DATE;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_LOCATION;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_MOVED;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_TIME;
import static de.umsetzungsmonitor.process.ProcessVariables.TASK_AREAS;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_SIGN;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.END_EVENT_PROTOCOL_SIGNED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.catalogue.ConcretiseIndicatorsFormListener;
import de.umsetzungsmonitor.catalogue.ConcretiseIndicatorsListener;
import de.umsetzungsmonitor.catalogue.MarkMonitoringAgreedDelegate;
import de.umsetzungsmonitor.catalogue.MeasureService;
import de.umsetzungsmonitor.deliveries.DeliveryService;
import de.umsetzungsmonitor.config.ReminderProperties;
import de.umsetzungsmonitor.process.FormInput;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.Option;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.process.ProtocolSignOffProcess;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.TalkService.TalkResults;
import de.umsetzungsmonitor.talks.TalkService.TalkSchedule;
import de.umsetzungsmonitor.talks.protocol.DetermineSignatoriesDelegate;
import de.umsetzungsmonitor.talks.protocol.FollowUpUnsignedProtocolListener;
import de.umsetzungsmonitor.talks.protocol.ProtocolDocuments;
import de.umsetzungsmonitor.talks.protocol.ProtocolService;
import de.umsetzungsmonitor.talks.protocol.ProtocolService.SigningTask;
import de.umsetzungsmonitor.talks.protocol.ReviseProtocolFormListener;
import de.umsetzungsmonitor.talks.protocol.ReviseProtocolListener;
import de.umsetzungsmonitor.talks.protocol.SendSignatureReminderDelegate;
import de.umsetzungsmonitor.talks.protocol.SignProtocolListener;
import de.umsetzungsmonitor.talks.protocol.SignProtocolTaskListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Paths through {@code MeasurePhaseOneProcess}: the whole of Phase I including the real sign-off
 * process behind the call activity, a talk moved to a new date (and a refused move), and the entry
 * points the programme import starts at.
 */
@Deployment(resources = {
    "processes/MeasurePhaseOneProcess.bpmn",
    "processes/ProtocolSignOffProcess.bpmn",
    "forms/scheduleTalk.form",
    "forms/recordTalkResults.form",
    "forms/signProtocol.form",
    "forms/reviseProtocol.form",
    "forms/followUpUnsignedProtocol.form",
    "forms/concretiseIndicators.form"})
class MeasurePhaseOneProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("measure-phase-one-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015-M11";
  private static final long MEASURE = 11L;
  private static final long TALK = 21L;
  private static final long PROTOCOL = 31L;
  private static final String COORDINATION = "sozialplanung";
  private static final String COORDINATOR = "abecker";
  private static final long ANNA = 101L;
  private static final long JULIA = 102L;
  private static final String JULIA_USER = "jmueller";
  private static final String PROTOCOL_BODY = "Protokoll des Gesprächs zu M 11";

  private final GrantProgrammeReadersListener readerGrants = mock(GrantProgrammeReadersListener.class);
  private final MeasureService measures = mock(MeasureService.class);
  private final TalkService talks = mock(TalkService.class);
  private final ProtocolService protocols = mock(ProtocolService.class);
  private final Directory directory = mock(Directory.class);
  private final ProtocolDocuments documents = mock(ProtocolDocuments.class);
  private final DeliveryService deliveries = mock(DeliveryService.class);

  @BeforeEach
  void registerBeansTheModelsName() {
    init(engine.getProcessEngine());
    // listeners ask the directory for the acting user; answer what the engine knows
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(talks.participantOptions(MEASURE)).thenReturn(List.of(new Option("Anna Becker (Sozialplanung)", COORDINATOR)));
    when(measures.officeOptions(MEASURE)).thenReturn(List.of(new Option("Jugendamt", "jugendamt")));
    when(talks.schedule(eq(MEASURE), any())).thenReturn(TALK);
    when(talks.recordResults(eq(TALK), any())).thenReturn(PROTOCOL);
    when(protocols.signatories(PROTOCOL)).thenReturn(List.of(ANNA, JULIA));
    when(protocols.signingTask(PROTOCOL, ANNA)).thenReturn(new SigningTask(COORDINATOR, COORDINATION, 1, PROTOCOL_BODY, null));
    when(protocols.signingTask(PROTOCOL, JULIA)).thenReturn(new SigningTask(JULIA_USER, "jugendamt", 1, PROTOCOL_BODY, null));

    Mocks.register("reminderProperties", ReminderProperties.defaults());
    // MeasurePhaseOneProcess
    Mocks.register("scheduleTalkFormListener", new ScheduleTalkFormListener(talks));
    Mocks.register("grantProgrammeReadersListener", readerGrants);
    Mocks.register("scheduleTalkListener", new ScheduleTalkListener(talks));
    Mocks.register("recordTalkResultsFormListener", new RecordTalkResultsFormListener(measures));
    Mocks.register("recordTalkResultsListener", new RecordTalkResultsListener(talks, documents));
    Mocks.register("concretiseIndicatorsFormListener", new ConcretiseIndicatorsFormListener(measures));
    Mocks.register("concretiseIndicatorsListener", new ConcretiseIndicatorsListener(measures, directory));
    Mocks.register("markMonitoringAgreedDelegate", new MarkMonitoringAgreedDelegate(measures, deliveries));
    // ProtocolSignOffProcess, called by CallActivity_ProtocolSignOff
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
  void measureAdopted_talkScheduledAndHeld_protocolSignedByAll_indicatorsConcretised_monitoringAgreed() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY)
        .businessKey(BUSINESS_KEY)
        .setVariable(MEASURE_ID.name(), MEASURE)
        .setVariable(COORDINATION_GROUP.name(), COORDINATION)
        .execute();

    assertThat(pi).isWaitingAt(USER_TASK_SCHEDULE_TALK);
    verify(readerGrants).notify(any());
    assertThat(task()).hasCandidateGroup(COORDINATION);
    assertThat(taskService().getVariableLocal(task().getId(), PARTICIPANT_OPTIONS.name())).isNotNull();
    verify(talks).participantOptions(MEASURE);

    scheduleTalkAs(COORDINATOR);
    verify(talks).schedule(MEASURE, new TalkSchedule("2025-03-04", "10:00", "Rathaus, Raum 2", List.of(COORDINATOR, JULIA_USER)));
    assertThat(pi).isWaitingAt(USER_TASK_RECORD_TALK_RESULTS)
        .variables().containsEntry(TALK_ID.name(), TALK)
        .doesNotContainKeys(TALK_DATE.name(), TALK_TIME.name(), TALK_LOCATION.name(), PARTICIPANTS.name());
    assertThat(task()).hasCandidateGroup(COORDINATION);
    assertThat(taskService().getVariableLocal(task().getId(), OFFICE_OPTIONS.name())).isNotNull();

    recordTalkResultsAs(COORDINATOR);
    verifyTalkResultsRecorded();
    assertThat(pi).isWaitingAt(CALL_ACTIVITY_PROTOCOL_SIGN_OFF)
        .variables().containsEntry(PROTOCOL_ID.name(), PROTOCOL)
        .doesNotContainKeys(HELD_ON.name(), APPROACH.name(), REMARKS.name(), PROTOCOL_TEXT.name());
    assertThat(pi).calledProcessInstance(ProtocolSignOffProcess.KEY)
        .hasBusinessKey(BUSINESS_KEY)
        .isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    verify(readerGrants, times(2)).notify(any());  // the called sign-off instance is granted too

    signByEveryParticipant();
    verify(protocols).sign(PROTOCOL, ANNA, COORDINATOR);
    verify(protocols).sign(PROTOCOL, JULIA, JULIA_USER);
    assertThat(pi).isWaitingAt(USER_TASK_CONCRETISE_INDICATORS);
    assertThat(task()).hasCandidateGroup(COORDINATION);

    concretiseIndicatorsAs(COORDINATOR);
    verifyIndicatorsConcretisedBy(COORDINATOR);
    verify(measures).markMonitoringAgreed(MEASURE);
    verify(deliveries).startDeliveries(MEASURE);
    assertThat(pi).hasPassedInOrder(USER_TASK_SCHEDULE_TALK, USER_TASK_RECORD_TALK_RESULTS,
            CALL_ACTIVITY_PROTOCOL_SIGN_OFF, USER_TASK_CONCRETISE_INDICATORS,
            SERVICE_TASK_MARK_MONITORING_AGREED, END_EVENT_MONITORING_AGREED)
        .isEnded();
    assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProtocolSignOffProcess.KEY).finished().count()).isEqualTo(1);
  }

  @Test
  void talkDidNotTakePlace_isMovedToANewDate_andTheResultsAreDueAgain_thenRecorded() {
    ProcessInstance pi = startImported(USER_TASK_RECORD_TALK_RESULTS, Map.of(TALK_ID.name(), TALK));
    assertThat(pi).isWaitingAt(USER_TASK_RECORD_TALK_RESULTS);
    Task firstAttempt = task();

    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    complete(firstAttempt, withVariables(
        TALK_OUTCOME.name(), TALK_TO_BE_MOVED,
        TALK_DATE.name(), "2025-03-11",
        TALK_TIME.name(), "14:00",
        TALK_LOCATION.name(), "Rathaus, Raum 3"));

    verify(talks).move(TALK, new TalkSchedule("2025-03-11", "14:00", "Rathaus, Raum 3", List.of()));
    verify(talks, never()).recordResults(anyLong(), any());
    assertThat(pi).hasPassed(GATEWAY_TALK_MOVED, GATEWAY_TALK_RESULTS_DUE)
        .hasNotPassed(CALL_ACTIVITY_PROTOCOL_SIGN_OFF)
        .isWaitingAt(USER_TASK_RECORD_TALK_RESULTS)
        .variables().containsEntry(TALK_MOVED.name(), true)
        .doesNotContainKeys(TALK_OUTCOME.name(), TALK_DATE.name(), TALK_TIME.name(), TALK_LOCATION.name());
    Task secondAttempt = task();
    assertThat(secondAttempt.getId()).isNotEqualTo(firstAttempt.getId());
    assertThat(secondAttempt).hasCandidateGroup(COORDINATION);
    verify(measures, times(2)).officeOptions(MEASURE);  // the form is filled again

    recordTalkResultsAs(COORDINATOR);
    verifyTalkResultsRecorded();
    assertThat(pi).isWaitingAt(CALL_ACTIVITY_PROTOCOL_SIGN_OFF).variables().containsEntry(TALK_MOVED.name(), false);
    verify(talks).move(anyLong(), any());
  }

  @Test
  void moveRefusedByTheService_isNotCompleted_andTheTaskStaysOpen() {
    ProcessInstance pi = startImported(USER_TASK_RECORD_TALK_RESULTS, Map.of(TALK_ID.name(), TALK));
    String refusal = "Das neue Datum des Gesprächs (01.01.2020) liegt in der Vergangenheit.";
    doThrow(new InvalidInputException(refusal)).when(talks).move(eq(TALK), any());
    assertThat(pi).isWaitingAt(USER_TASK_RECORD_TALK_RESULTS);
    Task recording = task();

    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    assertThatThrownBy(() -> complete(recording, withVariables(
        TALK_OUTCOME.name(), TALK_TO_BE_MOVED, TALK_DATE.name(), "2020-01-01")))
        .rootCause().isInstanceOf(InvalidInputException.class).hasMessage(refusal);

    assertThat(pi).isWaitingAt(USER_TASK_RECORD_TALK_RESULTS).hasNotPassed(GATEWAY_TALK_MOVED);
    assertThat(task().getId()).isEqualTo(recording.getId());
  }

  @Test
  void importedWithTalkScheduled_startsAtRecordingTheResults_andRunsToMonitoringAgreed() {
    ProcessInstance pi = startImported(USER_TASK_RECORD_TALK_RESULTS, Map.of(TALK_ID.name(), TALK));

    assertThat(pi).isWaitingAt(USER_TASK_RECORD_TALK_RESULTS).hasNotPassed(USER_TASK_SCHEDULE_TALK);
    verify(measures).officeOptions(MEASURE);

    recordTalkResultsAs(COORDINATOR);
    verifyTalkResultsRecorded();
    signByEveryParticipant();
    concretiseIndicatorsAs(COORDINATOR);

    verify(measures).markMonitoringAgreed(MEASURE);
    verify(deliveries).startDeliveries(MEASURE);
    assertThat(pi).hasPassed(END_EVENT_MONITORING_AGREED).isEnded();
    verify(talks, never()).schedule(anyLong(), any());
  }

  @Test
  void importedWithProtocolAwaitingSignatures_startsWithTheSignOff_andRunsToMonitoringAgreed() {
    ProcessInstance pi = startImported(CALL_ACTIVITY_PROTOCOL_SIGN_OFF,
        Map.of(TALK_ID.name(), TALK, PROTOCOL_ID.name(), PROTOCOL));

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_PROTOCOL_SIGN_OFF);
    assertThat(pi).calledProcessInstance(ProtocolSignOffProcess.KEY)
        .hasBusinessKey(BUSINESS_KEY)
        .isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    verify(protocols).signatories(PROTOCOL);

    signByEveryParticipant();
    verify(protocols).sign(PROTOCOL, ANNA, COORDINATOR);
    verify(protocols).sign(PROTOCOL, JULIA, JULIA_USER);
    concretiseIndicatorsAs(COORDINATOR);

    verify(measures).markMonitoringAgreed(MEASURE);
    verify(deliveries).startDeliveries(MEASURE);
    assertThat(pi).hasPassed(END_EVENT_MONITORING_AGREED).isEnded();
    verifyNoInteractions(talks);
  }

  @Test
  void importedWithProtocolInForce_startsAtConcretisingIndicators_andRunsToMonitoringAgreed() {
    ProcessInstance pi = startImported(USER_TASK_CONCRETISE_INDICATORS,
        Map.of(TALK_ID.name(), TALK, PROTOCOL_ID.name(), PROTOCOL));

    assertThat(pi).isWaitingAt(USER_TASK_CONCRETISE_INDICATORS).hasNotPassed(CALL_ACTIVITY_PROTOCOL_SIGN_OFF);
    verify(measures).officeOptions(MEASURE);

    concretiseIndicatorsAs(COORDINATOR);

    verifyIndicatorsConcretisedBy(COORDINATOR);
    verify(measures).markMonitoringAgreed(MEASURE);
    verify(deliveries).startDeliveries(MEASURE);
    assertThat(pi).hasPassed(END_EVENT_MONITORING_AGREED).isEnded();
    verifyNoInteractions(talks, protocols);
  }

  @Test
  void importedWithIndicatorsConcretised_marksMonitoringAgreed_andEndsAtOnce() {
    ProcessInstance pi = startImported(SERVICE_TASK_MARK_MONITORING_AGREED,
        Map.of(TALK_ID.name(), TALK, PROTOCOL_ID.name(), PROTOCOL));

    verify(measures).markMonitoringAgreed(MEASURE);
    verify(deliveries).startDeliveries(MEASURE);
    assertThat(pi).hasPassed(SERVICE_TASK_MARK_MONITORING_AGREED, END_EVENT_MONITORING_AGREED).isEnded();
    verify(measures, never()).concretiseIndicators(anyLong(), any(), any());
    verifyNoInteractions(talks, protocols);
  }

  @Test
  void scheduleRefusedByTheService_isNotCompleted_andTheTaskStaysOpen() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY)
        .businessKey(BUSINESS_KEY)
        .setVariable(MEASURE_ID.name(), MEASURE)
        .setVariable(COORDINATION_GROUP.name(), COORDINATION)
        .execute();
    String refusal = "Bitte mindestens eine teilnehmende Person auswählen.";
    when(talks.schedule(eq(MEASURE), any())).thenThrow(new InvalidInputException(refusal));
    assertThat(pi).isWaitingAt(USER_TASK_SCHEDULE_TALK);
    Task scheduling = task();

    identityService().setAuthentication(COORDINATOR, List.of(COORDINATION));
    // the engine wraps what a listener throws; web.EngineApiResponseFilter unwraps it for Tasklist
    assertThatThrownBy(() -> complete(scheduling, withVariables(TALK_DATE.name(), "2025-03-04")))
        .rootCause()
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(refusal);

    assertThat(pi).isWaitingAt(USER_TASK_SCHEDULE_TALK)
        .variables().doesNotContainKeys(TALK_ID.name(), TALK_DATE.name());
    assertThat(task().getId()).isEqualTo(scheduling.getId());
    verify(talks, never()).recordResults(anyLong(), any());
  }

  // --- the clerk's steps ---------------------------------------------------------------------

  private ProcessInstance startImported(String activityId, Map<String, Object> history) {
    return runtimeService().createProcessInstanceByKey(KEY)
        .businessKey(BUSINESS_KEY)
        .setVariable(MEASURE_ID.name(), MEASURE)
        .setVariable(COORDINATION_GROUP.name(), COORDINATION)
        .setVariables(history)
        .startBeforeActivity(activityId)
        .execute();
  }

  private void scheduleTalkAs(String userId) {
    identityService().setAuthentication(userId, List.of(COORDINATION));
    complete(task(), withVariables(
        TALK_DATE.name(), "2025-03-04",
        TALK_TIME.name(), "10:00",
        TALK_LOCATION.name(), "Rathaus, Raum 2",
        PARTICIPANTS.name(), SpinValues.jsonValue("[\"" + COORDINATOR + "\", \"" + JULIA_USER + "\"]").create()));
  }

  private void recordTalkResultsAs(String userId) {
    identityService().setAuthentication(userId, List.of(COORDINATION));
    complete(task(), withVariables(
        HELD_ON.name(), "2025-03-04",
        APPROACH.name(), "Bestandsanalyse",
        REMARKS.name(), "Zuständigkeit liegt teils beim Land",
        TASK_AREAS.name(), SpinValues.jsonValue("[{\"office\": \"jugendamt\", \"description\": \"Plätze zählen\"}]").create(),
        DATA_AGREEMENTS.name(), SpinValues.jsonValue("[]").create(),
        PROTOCOL_TEXT.name(), PROTOCOL_BODY));
  }

  private void verifyTalkResultsRecorded() {
    ArgumentCaptor<TalkResults> results = ArgumentCaptor.forClass(TalkResults.class);
    verify(talks).recordResults(eq(TALK), results.capture());
    assertThat(results.getValue().heldOn()).isEqualTo("2025-03-04");
    assertThat(results.getValue().approach()).isEqualTo("Bestandsanalyse");
    assertThat(results.getValue().remarks()).isEqualTo("Zuständigkeit liegt teils beim Land");
    assertThat(results.getValue().protocolText()).isEqualTo(PROTOCOL_BODY);
    List<SpinJsonNode> areas = FormInput.items(results.getValue().taskAreas());
    assertThat(areas).hasSize(1);
    assertThat(FormInput.prop(areas.get(0), "office")).isEqualTo("jugendamt");
    assertThat(FormInput.items(results.getValue().dataAgreements())).isEmpty();
  }

  /** Every participant signs their own task in the called sign-off process. */
  private void signByEveryParticipant() {
    List<Task> signing = taskQuery().taskDefinitionKey(USER_TASK_SIGN_PROTOCOL).list();
    assertThat(signing).hasSize(2);
    for (Task task : signing) {
      Long participantId = (Long) taskService().getVariable(task.getId(), PARTICIPANT_ID.name());
      identityService().setAuthentication(participantId == ANNA ? COORDINATOR : JULIA_USER, List.of());
      complete(task, withVariables(SIGNATURE_DECISION.name(), DECISION_SIGN));
    }
    assertThat(historyService().createHistoricActivityInstanceQuery()
        .activityId(END_EVENT_PROTOCOL_SIGNED).count()).isEqualTo(1);
  }

  private void concretiseIndicatorsAs(String userId) {
    identityService().setAuthentication(userId, List.of(COORDINATION));
    complete(task(), withVariables(INDICATORS.name(), SpinValues.jsonValue(
        "[{\"name\": \"Plätze in der Kurzzeitpflege\", \"unit\": \"Anzahl\","
            + " \"definition\": \"Plätze am 31.12.\", \"sourceOffice\": \"jugendamt\"}]").create()));
  }

  private void verifyIndicatorsConcretisedBy(String userId) {
    ArgumentCaptor<SpinJsonNode> submitted = ArgumentCaptor.forClass(SpinJsonNode.class);
    verify(measures).concretiseIndicators(eq(MEASURE), submitted.capture(), eq(userId));
    List<SpinJsonNode> items = FormInput.items(submitted.getValue());
    assertThat(items).hasSize(1);
    assertThat(FormInput.prop(items.get(0), "name")).isEqualTo("Plätze in der Kurzzeitpflege");
  }
}
