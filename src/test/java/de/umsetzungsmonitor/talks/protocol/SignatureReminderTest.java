package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.SIGNATURE_DECISION;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_SIGN;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.END_EVENT_REMINDER_RECORDED;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.KEY;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.SERVICE_TASK_SEND_SIGNATURE_REMINDER;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.ReminderProperties;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkParticipant;
import de.umsetzungsmonitor.talks.TalkParticipantRepository;
import de.umsetzungsmonitor.talks.protocol.ProtocolService.SigningTask;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.mockito.ArgumentCaptor;

/**
 * The reminder step with the real {@link ProtocolService#remindMissingSignatories}: it walks the
 * engine's open signing tasks and must find the participant of each. Repositories and entities are
 * mocks; the engine, its task list and the model are real.
 */
@Deployment(resources = "processes/ProtocolSignOffProcess.bpmn")
class SignatureReminderTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("signature-reminder-tests"))
      .build();

  private static final long PROTOCOL = 31L;
  private static final long ANNA = 101L;
  private static final long JULIA = 102L;
  private static final long MARKUS = 103L;
  private static final Map<Long, String> USERS = Map.of(ANNA, "abecker", JULIA, "jmueller", MARKUS, "mfischer");

  /** Everything but the reminder step: the listeners and the signatories, mocked. */
  private final GrantProgrammeReadersListener readerGrants = mock(GrantProgrammeReadersListener.class);
  private final ProtocolService signing = mock(ProtocolService.class);
  private final ProtocolDocuments documents = mock(ProtocolDocuments.class);

  private final ProtocolRepository protocolRepository = mock(ProtocolRepository.class);
  private final TalkParticipantRepository participantRepository = mock(TalkParticipantRepository.class);
  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final Directory directory = mock(Directory.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    ProtocolService reminders = new ProtocolService(protocolRepository, participantRepository,
        mock(ProtocolFollowUpRepository.class), outbox, engine.getTaskService(), directory,
        ReminderProperties.defaults(), new ApplicationProperties("https://monitor.example"), Clock.systemDefaultZone());
    givenAProtocolOfATalkWithThreeParticipants();

    Mocks.register("reminderProperties", ReminderProperties.defaults());
    Mocks.register("grantProgrammeReadersListener", readerGrants);
    Mocks.register("determineSignatoriesDelegate", new DetermineSignatoriesDelegate(signing));
    Mocks.register("signProtocolTaskListener", new SignProtocolTaskListener(signing));
    Mocks.register("signProtocolListener", new SignProtocolListener(signing, directory));
    Mocks.register("sendSignatureReminderDelegate", new SendSignatureReminderDelegate(reminders));
    Mocks.register("followUpUnsignedProtocolListener", new FollowUpUnsignedProtocolListener(signing, directory));
    Mocks.register("reviseProtocolFormListener", new ReviseProtocolFormListener(signing));
    Mocks.register("reviseProtocolListener", new ReviseProtocolListener(signing, documents, directory));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void reminderDue_everyParticipantWithAnOpenSigningTask_getsAReminderLinkingToTheirOwnTask() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "SL2015-M11", withVariables(
        MEASURE_ID.name(), 11L, PROTOCOL_ID.name(), PROTOCOL, COORDINATION_GROUP.name(), "sozialplanung"));
    when(directory.currentUserId()).thenReturn(Optional.of(USERS.get(ANNA)));
    complete(signingTaskOf(ANNA), withVariables(SIGNATURE_DECISION.name(), DECISION_SIGN));

    assertThat(pi).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
    execute(job(BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE));
    execute(job(SERVICE_TASK_SEND_SIGNATURE_REMINDER));

    ArgumentCaptor<Message> messages = ArgumentCaptor.forClass(Message.class);
    verify(outbox, times(2)).enqueue(messages.capture());
    assertThat(messages.getAllValues())
        .extracting(Message::recipientUserId, Message::link)
        .containsExactlyInAnyOrder(
            tuple(USERS.get(JULIA), taskLink(signingTaskOf(JULIA))),
            tuple(USERS.get(MARKUS), taskLink(signingTaskOf(MARKUS))));
    assertThat(pi).hasPassed(END_EVENT_REMINDER_RECORDED).isWaitingAt(USER_TASK_SIGN_PROTOCOL);
  }

  private void givenAProtocolOfATalkWithThreeParticipants() {
    Office office = mock(Office.class);
    when(office.getName()).thenReturn("Sozialplanung");
    Programme programme = mock(Programme.class);
    when(programme.getTitle()).thenReturn("Soziale Lage 2015");
    when(programme.getCoordinatingOffice()).thenReturn(office);
    Measure measure = mock(Measure.class);
    when(measure.getCode()).thenReturn("M 11");
    when(measure.getProgramme()).thenReturn(programme);
    Talk talk = mock(Talk.class);
    when(talk.getId()).thenReturn(21L);
    when(talk.getHeldOn()).thenReturn(LocalDate.of(2025, 3, 4));
    when(talk.getMeasure()).thenReturn(measure);
    ProtocolVersion current = mock(ProtocolVersion.class);
    when(current.getId()).thenReturn(41L);
    when(current.getVersionNo()).thenReturn(1);
    Protocol protocol = mock(Protocol.class);
    when(protocol.getTalk()).thenReturn(talk);
    when(protocol.currentVersion()).thenReturn(current);
    when(protocolRepository.findById(PROTOCOL)).thenReturn(Optional.of(protocol));
    when(outbox.nextReminderRound(ProtocolService.REMINDER_KIND, 41L)).thenReturn(1);
    when(outbox.enqueue(any())).thenReturn(true);

    when(signing.signatories(PROTOCOL)).thenReturn(List.of(ANNA, JULIA, MARKUS));
    for (long id : USERS.keySet()) {
      TalkParticipant participant = mock(TalkParticipant.class);
      when(participant.getId()).thenReturn(id);
      when(participant.getUserId()).thenReturn(USERS.get(id));
      when(participant.getDisplayName()).thenReturn(USERS.get(id));
      when(participant.getTalk()).thenReturn(talk);
      when(participantRepository.findById(id)).thenReturn(Optional.of(participant));
      when(signing.signingTask(PROTOCOL, id)).thenReturn(new SigningTask(USERS.get(id), null, 1, "Protokoll", null));
    }
    when(directory.user(anyString())).thenReturn(Optional.empty());
    when(signing.sign(eq(PROTOCOL), anyLong(), anyString())).thenReturn(false);
  }

  private Task signingTaskOf(long participantId) {
    return taskQuery().taskDefinitionKey(USER_TASK_SIGN_PROTOCOL).list().stream()
        .filter(task -> Long.valueOf(participantId).equals(taskService().getVariable(task.getId(), PARTICIPANT_ID.name())))
        .findFirst()
        .orElseThrow();
  }

  private static String taskLink(Task task) {
    return new ApplicationProperties("https://monitor.example").taskLink(task.getId());
  }
}
