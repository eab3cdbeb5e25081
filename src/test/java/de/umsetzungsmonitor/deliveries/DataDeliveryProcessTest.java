package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_DUE_DATE_REACHED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_OVERDUE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_PERIOD_LOCKED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_REMINDER_BEFORE_DUE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_SOURCE_FAILED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.END_EVENT_DELIVERY_ACCEPTED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.END_EVENT_PERIOD_MISSED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.KEY;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_FETCH_FROM_SOURCE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_LOCK_PERIOD;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_REMIND_BEFORE_DUE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_REMIND_ON_DUE_DATE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_REPORT_SOURCE_FAILURE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_SEND_OVERDUE_REMINDER;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_TAKE_OVER_FETCHED_DATA;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_CHECK_DELIVERY;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_DECIDE_LOCKED_PERIOD;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_DELIVER_DATA;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_FOLLOW_UP_OVERDUE_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import de.umsetzungsmonitor.config.DeliveryProperties;
import de.umsetzungsmonitor.deliveries.DeliveryService.DeliveryPlan;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through {@code DataDeliveryProcess}: on time, late with reminders, escalation, returned
 * and delivered again, locked and reopened or closed, and an HTTP source that answers, answers
 * uselessly or is down (a real local HTTP server).
 */
@Deployment(resources = {
    "processes/DataDeliveryProcess.bpmn",
    "forms/checkDelivery.form",
    "forms/decideLockedPeriod.form",
    "forms/followUpOverdueDelivery.form"})
class DataDeliveryProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("data-delivery-process-tests", new ConnectProcessEnginePlugin()))
      .build();

  private static final long DELIVERY = 71L;
  private static final long INDICATOR = 5L;
  private static final String BUSINESS_KEY = "SL2015-M14";
  private static final String COORDINATION = "sozialplanung";
  private static final String SUPPLIER = "jugendamt";
  private static final String HEADS = "jugendamtleitung";
  private static final String TITLE = "Anzahl der Plätze in Betriebskitas, 2019";
  private static final String SOURCE_JSON = "{\"Plätze in Betriebskitas\": 42}";

  private static HttpServer source;

  private final DeliveryService deliveries = mock(DeliveryService.class);
  private final Directory directory = mock(Directory.class);

  @BeforeAll
  static void startSource() throws IOException {
    source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    source.createContext("/werte.json", exchange -> {
      byte[] body = SOURCE_JSON.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    source.createContext("/fehlt.json", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    source.start();
  }

  @AfterAll
  static void stopSource() {
    source.stop(0);
  }

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(deliveries.deliveryForm(DELIVERY)).thenReturn(Map.of("period", "2019", "indicators", java.util.List.of()));
    when(deliveries.summary(DELIVERY)).thenReturn("Plätze in Betriebskitas: 42");
    plan(false, null);

    DeliveryProperties properties = DeliveryProperties.defaults();
    properties.setAllowedSourceUrls(java.util.List.of("http://127.0.0.1:"));
    Mocks.register("deliveryProperties", properties);
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("prepareDeliveryDelegate", new PrepareDeliveryDelegate(deliveries));
    Mocks.register("takeOverFetchedDataDelegate", new TakeOverFetchedDataDelegate(deliveries));
    Mocks.register("reportSourceFailureDelegate", new ReportSourceFailureDelegate(deliveries));
    Mocks.register("remindBeforeDueDelegate", new RemindBeforeDueDelegate(deliveries));
    Mocks.register("remindOnDueDateDelegate", new RemindOnDueDateDelegate(deliveries));
    Mocks.register("sendOverdueReminderDelegate", new SendOverdueReminderDelegate(deliveries));
    Mocks.register("lockPeriodDelegate", new LockPeriodDelegate(deliveries));
    Mocks.register("deliverDataFormListener", new DeliverDataFormListener(deliveries));
    Mocks.register("deliverDataListener", new DeliverDataListener(deliveries, directory));
    Mocks.register("checkDeliveryFormListener", new CheckDeliveryFormListener(deliveries));
    Mocks.register("checkDeliveryListener", new CheckDeliveryListener(deliveries, directory));
    Mocks.register("decideLockedPeriodListener", new DecideLockedPeriodListener(deliveries, directory));
    Mocks.register("followUpOverdueDeliveryListener", new FollowUpOverdueDeliveryListener(deliveries, directory));
  }

  @AfterEach
  void resetMocksAndUser() {
    ClockUtil.reset();
    identityService().clearAuthentication();
    Mocks.reset();
    reset();
  }

  /** Deadlines ahead of now: reminder in 5 days, due in 10, overdue reminders from day 17, locked at day 40. */
  private void plan(boolean fetch, String url) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String cycle = "R/" + now.plus(17, ChronoUnit.DAYS).atOffset(ZoneOffset.ofHours(1)) + "/P7D";
    when(deliveries.plan(DELIVERY)).thenReturn(new DeliveryPlan(TITLE, SUPPLIER, HEADS,
        Date.from(now.plus(5, ChronoUnit.DAYS)), Date.from(now.plus(10, ChronoUnit.DAYS)),
        Date.from(now.plus(40, ChronoUnit.DAYS)), cycle, fetch, url));
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, withVariables(
        "deliveryId", DELIVERY, "measureId", 14L, "coordinationGroup", COORDINATION));
  }

  private void deliverAs(ProcessInstance instance, String userId, String valuesJson) {
    identityService().setAuthenticatedUserId(userId);
    complete(task(USER_TASK_DELIVER_DATA, instance), Variables.createVariables()
        .putValueTyped("deliveredValues", SpinValues.jsonValue(valuesJson).create()));
    identityService().clearAuthentication();
  }

  private void checkAs(ProcessInstance instance, String userId, String decision, String reason) {
    identityService().setAuthenticatedUserId(userId);
    complete(task(USER_TASK_CHECK_DELIVERY, instance), withVariables("checkDecision", decision, "returnReason", reason));
    identityService().clearAuthentication();
  }

  private static Job timer(ProcessInstance instance, String activityId) {
    return jobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
  }

  /** Fires a timer at its due time (the engine's clock set to it), then runs the service task it leads to. */
  private static void fire(ProcessInstance instance, String timerId, String asyncServiceTask) {
    Job timer = timer(instance, timerId);
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    execute(jobQuery().processInstanceId(instance.getId()).activityId(asyncServiceTask).singleResult());
  }

  @Test
  void deliveredOnTimeAndAcceptedWithoutAnyReminder() {
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA);
    Task delivery = task(USER_TASK_DELIVER_DATA, instance);
    assertThat(delivery.getName()).isEqualTo("Daten liefern: " + TITLE);
    assertThat(delivery).hasCandidateGroup(SUPPLIER).hasDueDate(deliveries.plan(DELIVERY).dueAt());
    assertThat(taskService().getVariableLocal(delivery.getId(), "deliveryForm")).asString().contains("\"period\":\"2019\"");
    assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(4);

    deliverAs(instance, "jmueller", "{\"" + INDICATOR + "\": \"42\"}");
    verify(deliveries).submit(eq(DELIVERY), eq(Map.of(INDICATOR, "42")), isNull(), isNull(), eq("jmueller"), anyString());
    assertThat(instance).isWaitingAt(USER_TASK_CHECK_DELIVERY);
    assertThat(task(USER_TASK_CHECK_DELIVERY, instance)).hasCandidateGroup(COORDINATION).hasName("Lieferung prüfen: " + TITLE);
    assertThat(taskService().getVariableLocal(task(USER_TASK_CHECK_DELIVERY, instance).getId(), "deliverySummary"))
        .isEqualTo("Plätze in Betriebskitas: 42");
    assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

    when(deliveries.check(DELIVERY, "accept", null, "abecker")).thenReturn(true);
    checkAs(instance, "abecker", "accept", null);

    assertThat(instance).isEnded().hasPassed(END_EVENT_DELIVERY_ACCEPTED);
    verify(deliveries, never()).remindBeforeDue(any());
    verify(deliveries, never()).remindOverdue(any());
  }

  @Test
  void aLateDeliveryIsRemindedBeforeAndOnTheDueDateAndThenAsOverdue() {
    ProcessInstance instance = start();

    fire(instance, BOUNDARY_EVENT_REMINDER_BEFORE_DUE, SERVICE_TASK_REMIND_BEFORE_DUE);
    verify(deliveries).remindBeforeDue(DELIVERY);
    fire(instance, BOUNDARY_EVENT_DUE_DATE_REACHED, SERVICE_TASK_REMIND_ON_DUE_DATE);
    verify(deliveries).remindOnDueDate(DELIVERY);
    Date firstOverdue = timer(instance, BOUNDARY_EVENT_OVERDUE).getDuedate();
    fire(instance, BOUNDARY_EVENT_OVERDUE, SERVICE_TASK_SEND_OVERDUE_REMINDER);
    verify(deliveries).remindOverdue(DELIVERY);

    // the overdue timer repeats a week later; the office's task is still there
    assertThat(timer(instance, BOUNDARY_EVENT_OVERDUE).getDuedate()).isEqualTo(Date.from(firstOverdue.toInstant().plus(7, ChronoUnit.DAYS)));
    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA).isNotWaitingAt(USER_TASK_FOLLOW_UP_OVERDUE_DELIVERY);

    deliverAs(instance, "tschmitt", "{\"" + INDICATOR + "\": \"7\"}");
    when(deliveries.check(DELIVERY, "accept", null, "abecker")).thenReturn(true);
    checkAs(instance, "abecker", "accept", null);
    assertThat(instance).isEnded().hasPassed(END_EVENT_DELIVERY_ACCEPTED);
  }

  @Test
  void theKthOverdueReminderEscalatesToTheOfficeHeadsGroup() {
    when(deliveries.remindOverdue(DELIVERY)).thenReturn(false, false, true);
    ProcessInstance instance = start();

    for (int round = 1; round <= 3; round++) {
      fire(instance, BOUNDARY_EVENT_OVERDUE, SERVICE_TASK_SEND_OVERDUE_REMINDER);
    }

    assertThat(instance).isWaitingAt(USER_TASK_FOLLOW_UP_OVERDUE_DELIVERY, USER_TASK_DELIVER_DATA);
    Task followUp = task(USER_TASK_FOLLOW_UP_OVERDUE_DELIVERY, instance);
    assertThat(followUp).hasCandidateGroup(HEADS).hasName("Überfällige Lieferung nachhalten: " + TITLE);
    identityService().setAuthenticatedUserId("hbraun");
    complete(followUp, withVariables("followUpNote", "Lieferung bis Monatsende zugesagt"));
    verify(deliveries).recordFollowUp(DELIVERY, "Lieferung bis Monatsende zugesagt", "hbraun");
    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA);
  }

  @Test
  void aReturnedDeliveryGoesBackToTheOfficeAndIsDeliveredAgain() {
    ProcessInstance instance = start();
    deliverAs(instance, "jmueller", "{\"" + INDICATOR + "\": \"420\"}");
    when(deliveries.check(DELIVERY, "return", "Wert um den Faktor 10 zu hoch?", "abecker")).thenReturn(false);

    checkAs(instance, "abecker", "return", "Wert um den Faktor 10 zu hoch?");

    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA);
    assertThat(task(USER_TASK_DELIVER_DATA, instance)).hasCandidateGroup(SUPPLIER);
    verify(deliveries, times(2)).plan(DELIVERY);
    deliverAs(instance, "jmueller", "{\"" + INDICATOR + "\": \"42\"}");
    when(deliveries.check(DELIVERY, "accept", null, "abecker")).thenReturn(true);
    checkAs(instance, "abecker", "accept", null);
    assertThat(instance).isEnded().hasPassed(END_EVENT_DELIVERY_ACCEPTED);
  }

  @Test
  void valuesAsTasklistsEmbeddedFormSendsThem_aJsonTextInAJsonString_areRead() {
    ProcessInstance instance = start();

    deliverAs(instance, "jmueller", "\"{\\\"" + INDICATOR + "\\\": \\\"42\\\"}\"");

    verify(deliveries).submit(eq(DELIVERY), eq(Map.of(INDICATOR, "42")), isNull(), isNull(), eq("jmueller"), anyString());
    assertThat(instance).isWaitingAt(USER_TASK_CHECK_DELIVERY);
  }

  @Test
  void anInvalidDeliveryIsRefusedAndTheTaskStays() {
    ProcessInstance instance = start();
    doThrow(new InvalidInputException("„abc“ ist keine Zahl")).when(deliveries)
        .submit(eq(DELIVERY), any(), any(), any(), any(), any());

    assertThatThrownBy(() -> deliverAs(instance, "jmueller", "{\"" + INDICATOR + "\": \"abc\"}"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("keine Zahl");

    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA);
  }

  @Test
  void afterTheGraceThePeriodIsLockedAndReopenedByTheCoordinatingUnit() {
    ProcessInstance instance = start();

    execute(timer(instance, BOUNDARY_EVENT_PERIOD_LOCKED));

    verify(deliveries).lock(DELIVERY);
    assertThat(instance).hasPassed(SERVICE_TASK_LOCK_PERIOD).isWaitingAt(USER_TASK_DECIDE_LOCKED_PERIOD)
        .isNotWaitingAt(USER_TASK_DELIVER_DATA);
    assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    assertThat(task(USER_TASK_DECIDE_LOCKED_PERIOD, instance)).hasCandidateGroup(COORDINATION);
    when(deliveries.decideLocked(DELIVERY, "reopen", "Daten liegen erst jetzt vor", "2030-01-31", "abecker")).thenReturn(true);

    identityService().setAuthenticatedUserId("abecker");
    complete(task(USER_TASK_DECIDE_LOCKED_PERIOD, instance), withVariables("lockDecision", "reopen",
        "lockReason", "Daten liegen erst jetzt vor", "newDeadline", "2030-01-31"));

    assertThat(instance).isWaitingAt(USER_TASK_DELIVER_DATA);
    assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(4);
  }

  @Test
  void aLockedPeriodClosedWithoutDataEndsTheDelivery() {
    ProcessInstance instance = start();
    execute(timer(instance, BOUNDARY_EVENT_PERIOD_LOCKED));
    when(deliveries.decideLocked(DELIVERY, "close", "Daten werden nicht mehr erhoben", null, "abecker")).thenReturn(false);

    identityService().setAuthenticatedUserId("abecker");
    complete(task(USER_TASK_DECIDE_LOCKED_PERIOD, instance), withVariables("lockDecision", "close",
        "lockReason", "Daten werden nicht mehr erhoben"));

    assertThat(instance).isEnded().hasPassed(END_EVENT_PERIOD_MISSED).hasNotPassed(USER_TASK_CHECK_DELIVERY);
  }

  @Test
  void anHttpSourceIsFetchedThroughConnectAndGoesStraightToTheCheck() {
    plan(true, "http://127.0.0.1:" + source.getAddress().getPort() + "/werte.json");
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(SERVICE_TASK_FETCH_FROM_SOURCE);

    execute(jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_FETCH_FROM_SOURCE).singleResult());

    verify(deliveries).takeOverFetched(DELIVERY, 200, SOURCE_JSON);
    assertThat(instance).hasPassed(SERVICE_TASK_TAKE_OVER_FETCHED_DATA).isWaitingAt(USER_TASK_CHECK_DELIVERY)
        .hasNotPassed(USER_TASK_DELIVER_DATA);
    assertThat(runtimeService().getVariable(instance.getId(), "sourceResponse")).isNull();
  }

  @Test
  void anUnusableAnswerOfTheSourceIsReportedAndTheOfficeDeliversByHand() {
    plan(true, "http://127.0.0.1:" + source.getAddress().getPort() + "/fehlt.json");
    doThrow(new SourceUnusableException("Die Quelle antwortete mit dem Status 404.")).when(deliveries)
        .takeOverFetched(eq(DELIVERY), eq(404), any());
    ProcessInstance instance = start();

    execute(jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_FETCH_FROM_SOURCE).singleResult());

    verify(deliveries).reportSourceFailure(DELIVERY, "Die Quelle antwortete mit dem Status 404.");
    assertThat(instance).hasPassed(BOUNDARY_EVENT_SOURCE_FAILED, SERVICE_TASK_REPORT_SOURCE_FAILURE)
        .isWaitingAt(USER_TASK_DELIVER_DATA);
  }

  @Test
  void anUnreachableSourceBecomesAnIncidentWhileTheRemindersGoOn() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    plan(true, "http://127.0.0.1:" + closedPort + "/werte.json");
    ProcessInstance instance = start();
    Job fetch = jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_FETCH_FROM_SOURCE).singleResult();

    for (int attempt = 0; attempt < 4 && managementService().createJobQuery().jobId(fetch.getId()).singleResult().getRetries() > 0; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(fetch.getId())).isInstanceOf(RuntimeException.class);
    }

    assertThat(managementService().createJobQuery().jobId(fetch.getId()).singleResult().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    verify(deliveries, never()).takeOverFetched(any(), any(), any());
    fire(instance, BOUNDARY_EVENT_DUE_DATE_REACHED, SERVICE_TASK_REMIND_ON_DUE_DATE);
    verify(deliveries).remindOnDueDate(DELIVERY);
  }

  @Test
  void aSourceOutsideTheConfiguredPrefixesIsNeverAsked() {
    plan(true, "http://localhost:" + source.getAddress().getPort() + "/werte.json");
    ProcessInstance instance = start();
    Job fetch = jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_FETCH_FROM_SOURCE).singleResult();

    assertThatThrownBy(() -> managementService().executeJob(fetch.getId()))
        .hasRootCauseMessage("HTTP source not allowed by umsetzungsmonitor.deliveries.allowed-source-urls: "
            + "http://localhost:" + source.getAddress().getPort() + "/werte.json");

    verify(deliveries, never()).takeOverFetched(any(), any(), any());
    assertThat(instance).isWaitingAt(SERVICE_TASK_FETCH_FROM_SOURCE);
  }
}
