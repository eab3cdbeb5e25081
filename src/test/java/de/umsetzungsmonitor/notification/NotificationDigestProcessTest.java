package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.NotificationDigestProcess.END_EVENT_DIGESTS_QUEUED;
import static de.umsetzungsmonitor.process.NotificationDigestProcess.KEY;
import static de.umsetzungsmonitor.process.NotificationDigestProcess.SERVICE_TASK_COMPILE_DIGESTS;
import static de.umsetzungsmonitor.process.NotificationDigestProcess.START_EVENT_DIGEST_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.config.NotificationProperties;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths through {@code NotificationDigestProcess}: the timer fires at the configured cron and the
 * digests are written in a job of their own; a failing run is retried by the configured cycle until
 * an incident, and delivered after a retry in Cockpit. The model is deployed in each test after the
 * configuration bean is registered, because a timer start event reads its cycle at deployment.
 */
class NotificationDigestProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("notification-digest-process-tests"))
      .build();

  private final DailyDigest digests = mock(DailyDigest.class);
  private final NotificationProperties properties = NotificationProperties.defaults();
  private String deploymentId;

  @BeforeEach
  void registerBeansAndDeploy() {
    init(engine.getProcessEngine());
    // not the defaults: proves the model reads the configured cron and retry cycle
    properties.setDigestCron("0 30 6 ? * MON-FRI");
    properties.setDigestRetryCycle("R2/PT7M");
    Mocks.register("notificationProperties", properties);
    Mocks.register("compileDigestsDelegate", new CompileDigestsDelegate(digests));
    deploymentId = repositoryService().createDeployment()
        .addClasspathResource("processes/NotificationDigestProcess.bpmn").deploy().getId();
  }

  @AfterEach
  void undeployAndResetMocks() {
    repositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void digestDue_atTheConfiguredTimeOnWorkingDays_writesTheDigestsInAJobOfItsOwn_andWaitsForTheNextDay() {
    Job timer = digestTimer();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(nextWorkingDayAt(LocalTime.of(6, 30), Instant.now()));
    when(digests.compileToday()).thenReturn(3);

    execute(timer);
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
    assertThat(pi).hasPassed(START_EVENT_DIGEST_DUE).isWaitingAt(SERVICE_TASK_COMPILE_DIGESTS);
    verify(digests, never()).compileToday();

    execute(jobOf(pi));

    verify(digests).compileToday();
    assertThat(pi).hasPassedInOrder(START_EVENT_DIGEST_DUE, SERVICE_TASK_COMPILE_DIGESTS, END_EVENT_DIGESTS_QUEUED)
        .isEnded();
    Job next = digestTimer();
    assertThat(next.getId()).as("the cycle schedules the next firing").isNotEqualTo(timer.getId());
    assertThat(next.getDuedate()).isAfterOrEqualTo(timer.getDuedate());
  }

  @Test
  void writingFails_isRetriedByTheConfiguredCycle_thenRaisesAnIncident_andARetryInCockpitWrites() {
    when(digests.compileToday()).thenThrow(new IllegalStateException("Datenbank nicht erreichbar"));
    execute(digestTimer());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();

    Instant beforeFirstFailure = Instant.now();
    fail(jobOf(pi));
    Job retry = jobOf(pi);
    assertThat(retry.getRetries()).isEqualTo(1);
    assertThat(retry.getExceptionMessage()).contains("Datenbank nicht erreichbar");
    assertThat(Duration.between(beforeFirstFailure, retry.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(6), Duration.ofMinutes(8));
    assertThat(incidents(pi)).isEmpty();
    fail(jobOf(pi));
    assertThat(jobOf(pi).getRetries()).isZero();
    assertThat(incidents(pi)).extracting(Incident::getActivityId).containsExactly(SERVICE_TASK_COMPILE_DIGESTS);

    // the cause is fixed; an operator retries the job (Cockpit: "Retry")
    org.mockito.Mockito.reset(digests); // forget the failing answer
    when(digests.compileToday()).thenReturn(1);
    managementService().setJobRetries(jobOf(pi).getId(), 1);
    execute(jobOf(pi));
    verify(digests, times(1)).compileToday();
    assertThat(pi).hasPassed(END_EVENT_DIGESTS_QUEUED).isEnded();
    assertThat(incidents(pi)).isEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Job digestTimer() {
    List<Job> timers = managementService().createJobQuery().processDefinitionKey(KEY).timers().list();
    assertThat(timers).as("timer of the start event").hasSize(1);
    return timers.get(0);
  }

  private static Job jobOf(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(SERVICE_TASK_COMPILE_DIGESTS)
        .singleResult();
  }

  private static void fail(Job job) {
    try {
      managementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the job executor would log it; the job keeps the failure and its retries
    }
  }

  private static List<Incident> incidents(ProcessInstance pi) {
    return runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
  }

  /** The next Monday to Friday at the given time after {@code from}, in the engine's (the JVM's) time zone. */
  private static Instant nextWorkingDayAt(LocalTime time, Instant from) {
    ZoneId zone = ZoneId.systemDefault();
    LocalDateTime candidate = LocalDateTime.ofInstant(from, zone).toLocalDate().atTime(time);
    while (!candidate.atZone(zone).toInstant().isAfter(from)
        || candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
      candidate = candidate.plusDays(1);
    }
    return candidate.atZone(zone).toInstant();
  }
}
