package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.NotificationDispatchProcess.END_EVENT_NOTIFICATION_DELIVERED;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.KEY;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_RECORD_WEBHOOK_SENT;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_WEBHOOK;
import static de.umsetzungsmonitor.process.ProcessVariables.NOTIFICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import de.umsetzungsmonitor.config.NotificationProperties;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths through {@code NotificationDispatchProcess}: mail only; mail and webhook (Camunda Connect
 * against a real local HTTP server); mail server down and webhook answering 500, each retried by
 * its configured cycle until an incident, then delivered after a retry.
 */
@Deployment(resources = "processes/NotificationDispatchProcess.bpmn")
class NotificationDispatchProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("notification-dispatch-process-tests", new ConnectProcessEnginePlugin()))
      .build();

  private static final String NOTIFICATION_KEY = "protocol-31-v1-reminder-1-jmueller";
  private static final long NOTIFICATION = 501L;
  private static final String PAYLOAD = "{\"key\":\"" + NOTIFICATION_KEY + "\",\"recipient\":\"jmueller\","
      + "\"subject\":\"1. Erinnerung\",\"text\":\"Grüße aus Koblenz\",\"link\":\"http://localhost:8080/t\"}";

  private final NotificationDispatch dispatch = mock(NotificationDispatch.class);
  private final NotificationProperties properties = NotificationProperties.defaults();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile int answerStatus = 200;
  private HttpServer webhookTarget;

  @BeforeEach
  void registerBeansTheModelNames() throws IOException {
    init(engine.getProcessEngine());
    webhookTarget = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhookTarget.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(answerStatus, -1);
      exchange.close();
    });
    webhookTarget.start();
    // not the defaults R5/PT2M: proves the model reads the configured cycles
    properties.getMail().setRetryCycle("R3/PT7M");
    properties.getWebhook().setRetryCycle("R2/PT9M");
    properties.getWebhook().setUrl("http://127.0.0.1:" + webhookTarget.getAddress().getPort() + "/hook");
    Mocks.register("notificationProperties", properties);
    Mocks.register("sendMailDelegate", new SendMailDelegate(dispatch));
    Mocks.register("prepareWebhookDelegate", new PrepareWebhookDelegate(dispatch));
    Mocks.register("recordWebhookSentDelegate", new RecordWebhookSentDelegate(dispatch));
    when(dispatch.webhookPayload(NOTIFICATION)).thenReturn(Optional.empty());
  }

  @AfterEach
  void resetMocks() {
    webhookTarget.stop(0);
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void webhookNotDue_notificationIsMailedAsynchronously_andDelivered() {
    ProcessInstance pi = startDispatch();
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_MAIL);
    verify(dispatch, never()).sendMail(anyLong());

    execute(jobOf(SERVICE_TASK_SEND_MAIL, pi));

    verify(dispatch).sendMail(NOTIFICATION);
    assertThat(pi).hasPassed(SERVICE_TASK_SEND_MAIL, END_EVENT_NOTIFICATION_DELIVERED)
        .hasNotPassed(SERVICE_TASK_SEND_WEBHOOK).isEnded();
    assertThat(received).isEmpty();
    verify(dispatch, never()).webhookSent(anyLong());
  }

  @Test
  void webhookDue_isPostedAsJsonAfterTheMail_inItsOwnJob_committedAtOnce_andRecorded() {
    when(dispatch.webhookPayload(NOTIFICATION)).thenReturn(Optional.of(PAYLOAD));
    ProcessInstance pi = startDispatch();

    execute(jobOf(SERVICE_TASK_SEND_MAIL, pi));
    verify(dispatch).sendMail(NOTIFICATION);
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_WEBHOOK);
    assertThat(received).isEmpty();

    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));

    // the post is committed right after the receiver's answer; recording it is the next job
    assertThat(received).containsExactly(PAYLOAD);
    verify(dispatch, never()).webhookSent(anyLong());
    assertThat(pi).hasPassed(SERVICE_TASK_SEND_WEBHOOK).isNotEnded();

    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));

    verify(dispatch).webhookSent(NOTIFICATION);
    assertThat(received).containsExactly(PAYLOAD);
    assertThat(pi).hasPassed(SERVICE_TASK_SEND_WEBHOOK, SERVICE_TASK_RECORD_WEBHOOK_SENT, END_EVENT_NOTIFICATION_DELIVERED)
        .isEnded();
  }

  @Test
  void recordingTheWebhookFails_isRetried_withoutPostingAgain() {
    when(dispatch.webhookPayload(NOTIFICATION)).thenReturn(Optional.of(PAYLOAD));
    doThrow(new IllegalStateException("Datenbank kurz weg")).doNothing().when(dispatch).webhookSent(NOTIFICATION);
    ProcessInstance pi = startDispatch();
    execute(jobOf(SERVICE_TASK_SEND_MAIL, pi));
    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));

    failJob(SERVICE_TASK_SEND_WEBHOOK);
    assertThat(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi).getExceptionMessage()).contains("Datenbank kurz weg");
    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));

    assertThat(received).containsExactly(PAYLOAD);
    verify(dispatch, times(2)).webhookSent(NOTIFICATION);
    assertThat(pi).hasPassed(END_EVENT_NOTIFICATION_DELIVERED).isEnded();
  }

  @Test
  void mailServerDown_isRetriedByTheConfiguredCycle_thenRaisesAnIncident_andARetryInCockpitDelivers() {
    doThrow(new NotificationNotDeliveredException("SMTP nicht erreichbar", null)).when(dispatch).sendMail(NOTIFICATION);
    ProcessInstance pi = startDispatch();

    Instant beforeFirstFailure = Instant.now();
    failJob(SERVICE_TASK_SEND_MAIL);
    Job retry = jobOf(SERVICE_TASK_SEND_MAIL, pi);
    assertThat(retry.getRetries()).isEqualTo(2);
    assertThat(retry.getExceptionMessage()).contains("SMTP nicht erreichbar");
    assertThat(Duration.between(beforeFirstFailure, retry.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(6), Duration.ofMinutes(8));
    assertThat(incidents(pi)).isEmpty();
    failJob(SERVICE_TASK_SEND_MAIL);
    assertThat(jobOf(SERVICE_TASK_SEND_MAIL, pi).getRetries()).isEqualTo(1);
    assertThat(incidents(pi)).isEmpty();
    failJob(SERVICE_TASK_SEND_MAIL);

    assertThat(jobOf(SERVICE_TASK_SEND_MAIL, pi).getRetries()).isZero();
    Incident incident = incidents(pi).get(0);
    assertThat(incident.getActivityId()).isEqualTo(SERVICE_TASK_SEND_MAIL);
    assertThat(incident.getIncidentMessage()).contains("SMTP nicht erreichbar");
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_MAIL);

    // the mail server is back; an operator retries the job (Cockpit: "Retry")
    doNothing().when(dispatch).sendMail(NOTIFICATION);
    managementService().setJobRetries(jobOf(SERVICE_TASK_SEND_MAIL, pi).getId(), 1);
    execute(jobOf(SERVICE_TASK_SEND_MAIL, pi));
    verify(dispatch, times(4)).sendMail(NOTIFICATION);
    assertThat(pi).hasPassed(END_EVENT_NOTIFICATION_DELIVERED).isEnded();
    assertThat(incidents(pi)).isEmpty();
  }

  @Test
  void webhookAnswers500_isRetriedByItsCycle_thenRaisesAnIncident_theMailStaysSent_andARetryPostsOnce() {
    when(dispatch.webhookPayload(NOTIFICATION)).thenReturn(Optional.of(PAYLOAD));
    answerStatus = 500;
    ProcessInstance pi = startDispatch();
    execute(jobOf(SERVICE_TASK_SEND_MAIL, pi));

    Instant beforeFirstFailure = Instant.now();
    failJob(SERVICE_TASK_SEND_WEBHOOK);
    Job retry = jobOf(SERVICE_TASK_SEND_WEBHOOK, pi);
    assertThat(retry.getRetries()).isEqualTo(1);
    assertThat(retry.getExceptionMessage()).contains("500");
    assertThat(Duration.between(beforeFirstFailure, retry.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(8), Duration.ofMinutes(10));
    failJob(SERVICE_TASK_SEND_WEBHOOK);
    assertThat(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi).getRetries()).isZero();
    assertThat(incidents(pi)).extracting(Incident::getActivityId).containsExactly(SERVICE_TASK_SEND_WEBHOOK);
    assertThat(received).hasSize(2);
    verify(dispatch, never()).webhookSent(anyLong());
    verify(dispatch, times(1)).sendMail(NOTIFICATION);

    answerStatus = 204;
    managementService().setJobRetries(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi).getId(), 1);
    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));
    assertThat(received).hasSize(3).containsOnly(PAYLOAD);
    execute(jobOf(SERVICE_TASK_SEND_WEBHOOK, pi));
    verify(dispatch).webhookSent(NOTIFICATION);
    assertThat(pi).hasPassed(END_EVENT_NOTIFICATION_DELIVERED).isEnded();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance startDispatch() {
    return runtimeService().startProcessInstanceByKey(KEY, NOTIFICATION_KEY,
        withVariables(NOTIFICATION_ID.name(), NOTIFICATION));
  }

  private static Job jobOf(String activityId, ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private static void failJob(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    try {
      managementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the job executor would log it; the job keeps the failure and its retries
    }
  }

  private static List<Incident> incidents(ProcessInstance pi) {
    return runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
  }
}
