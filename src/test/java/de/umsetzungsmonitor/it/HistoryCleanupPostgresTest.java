package de.umsetzungsmonitor.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.process.ProtocolSignOffProcess;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history cleanup is scheduled for the night window and removes what is due and nothing else:
 * a year and a day after they ended, the history of sent messages (365 days) is gone, while a
 * sign-off that ended at the same moment (3650 days) and a message still being sent are kept.
 */
@PostgresIntegrationTest
class HistoryCleanupPostgresTest extends PostgresTestSupport {

  @Autowired
  private NotificationOutbox outbox;

  @Autowired
  private TransactionTemplate transaction;

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void cleanupIsScheduledEveryNight_between22And6() {
    List<Job> cleanup = history.findHistoryCleanupJobs();

    assertThat(cleanup).isNotEmpty();
    for (Job job : cleanup) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due.isAfter(LocalTime.of(21, 59, 59)) || due.isBefore(LocalTime.of(6, 0)))
          .as("cleanup job due at %s", due).isTrue();
    }
  }

  @Test
  void cleanupRemovesOnlyWhatIsDue() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(deliveredMessage());
    }
    String stillSending = dispatchOf(enqueue());
    String signedOff = endedSignOff();
    long signOffActivities = historicActivities(signedOff);
    assertThat(signOffActivities).isPositive();
    assertThat(sent).allSatisfy(id -> assertThat(historicActivities(id)).isPositive());

    // a year and a day later, at night
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(366))));
    runCleanupUntil(() -> sent.stream().allMatch(id -> historicInstances(id) == 0));

    for (String id : sent) {
      assertThat(historicInstances(id)).as("history of the sent message %s", id).isZero();
      assertThat(historicActivities(id)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ?", Long.class, id)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where process_instance_id_ = ?", Long.class, id))
          .isZero();
    }
    assertThat(historicInstances(signedOff)).as("the sign-off, kept 3650 days").isEqualTo(1);
    assertThat(historicActivities(signedOff)).isEqualTo(signOffActivities);
    assertThat(historicInstances(stillSending)).as("a message still being sent").isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(stillSending).count()).isEqualTo(1);
    // the application's own record of every message stays
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where notification_key like 'test-cleanup-%'",
        Long.class)).isGreaterThanOrEqualTo(4);
  }

  /** A message mailed and posted, its dispatch ended; returns the dispatch's instance id. */
  private String deliveredMessage() {
    String id = dispatchOf(enqueue());
    for (int step = 0; step < 10 && runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0; step++) {
      management.createJobQuery().processInstanceId(id).list().forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("dispatch %s ended", id).isZero();
    return id;
  }

  private String enqueue() {
    String key = "test-cleanup-" + UUID.randomUUID();
    transaction.executeWithoutResult(status -> outbox.enqueue(
        new Message(key, "lweber", "lweber@koblenz.example", "Betreff", "Text", null)));
    return key;
  }

  private String dispatchOf(String key) {
    ProcessInstance dispatch = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    return dispatch.getId();
  }

  /** A protocol whose last signature arrives now: its sign-off ends. */
  private String endedSignOff() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "CLEAN") + "-M11";
    String signOffId = signOff(key).getId();
    String taskId = signingTaskOf(signOffId, "jmueller").getId();
    identity.setAuthentication("jmueller", List.of("jugendamt"));
    try {
      tasks.complete(taskId, Map.of("signatureDecision", "sign", "protocolVersion", 1));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(signOffId).singleResult().getEndTime())
        .isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(signOffId).singleResult()
        .getProcessDefinitionKey()).isEqualTo(ProtocolSignOffProcess.KEY);
    return signOffId;
  }

  /** Triggers the cleanup now and runs its job (each run removes one batch) until done. */
  private void runCleanupUntil(java.util.function.BooleanSupplier done) {
    history.cleanUpHistoryAsync(true);
    for (int run = 0; run < 100 && !done.getAsBoolean(); run++) {
      for (Job job : history.findHistoryCleanupJobs()) {
        if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
          management.executeJob(job.getId());
        }
      }
    }
  }

  private long historicInstances(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count();
  }

  private long historicActivities(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count();
  }
}
