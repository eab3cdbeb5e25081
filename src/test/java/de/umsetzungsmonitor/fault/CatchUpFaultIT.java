package de.umsetzungsmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Downtime: the application is stopped while the reminder timers of twelve protocols (three
 * programmes imported a few seconds apart, a reminder every 20 s) fall due several times over.
 * After the start each timer fires once, not once per missed interval, the overdue ones in the
 * order they fell due, and the next reminder waits for the next interval. The node runs one job at
 * a time, so the order is strict; with more threads it holds per acquisition batch.
 */
class CatchUpFaultIT {

  private static final List<String> PROGRAMMES = List.of("LATE1", "LATE2", "LATE3");
  private static final int MEASURES = 4;

  private static Receivers receivers;

  @BeforeAll
  static void freshDatabaseAndReceivers() {
    FaultDatabase.recreate();
    receivers = new Receivers();
    receivers.startSmtp();
    receivers.startWebhook();
  }

  @AfterAll
  static void stopReceivers() {
    receivers.close();
  }

  @Test
  void downWhileTimersFallDue_eachFiresOnceAfterTheStart_inDueOrder() {
    try (AppNode node = AppNode.of("catch-up", receivers.smtpPort, receivers.webhookPort, Map.of(
        "umsetzungsmonitor.reminders.signature-cycle", "R/PT20S",
        "camunda.bpm.job-execution.core-pool-size", "1",
        "camunda.bpm.job-execution.max-pool-size", "1",
        "camunda.bpm.job-execution.queue-capacity", "1",
        "camunda.bpm.job-execution.max-jobs-per-acquisition", "1"))) {
      node.start();
      for (String code : PROGRAMMES) {
        assertThat(FaultScenario.importProgramme(node, FaultScenario.programme(code, MEASURES, 0)).statusCode()).isEqualTo(200);
        AppNode.sleep(3000);
      }
      node.stop();
      List<Timestamp> firstDue = FaultDatabase.rows("select j.duedate_ from act_ru_job j join act_ru_jobdef d"
          + " on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_SignatureReminderDue' order by j.duedate_").stream()
          .map(row -> (Timestamp) row.get("duedate_")).toList();
      assertThat(firstDue).as("one timer per protocol, none fired before the stop").hasSize(PROGRAMMES.size() * MEASURES);
      assertThat(FaultDatabase.count("select count(*) from reminder")).isZero();

      // down until even the last timer has missed three intervals
      Instant downUntil = firstDue.get(firstDue.size() - 1).toInstant().plusSeconds(3 * 20 + 5);
      AppNode.sleep(Math.max(0, Duration.between(Instant.now(), downUntil).toMillis()));
      Instant restart = Instant.now();
      double startup = node.start();

      FaultScenario.awaitTrue(Duration.ofMinutes(2), () -> overdueFirings(restart).size() == firstDue.size()
          && FaultDatabase.count("select count(*) from reminder where round = 1") == firstDue.size());
      List<Map<String, Object>> firings = overdueFirings(restart);
      double missed = firstDue.stream().mapToDouble(due -> (restart.toEpochMilli() - due.getTime()) / 20_000.0).min().orElse(0);

      // each timer fired once for all it missed, and the next one waits for its interval
      Map<String, Integer> perInstance = new TreeMap<>();
      firings.forEach(row -> perInstance.merge((String) row.get("process_instance_id_"), 1, Integer::sum));
      assertThat(perInstance).hasSize(firstDue.size()).allSatisfy((instance, count) -> assertThat(count).isEqualTo(1));
      assertThat(FaultDatabase.count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " where d.act_id_ = 'BoundaryEvent_SignatureReminderDue' and j.duedate_ < ?", Timestamp.from(restart)))
          .as("no timer left that is still overdue").isZero();
      // in the order they fell due
      List<Timestamp> order = new ArrayList<>();
      firings.forEach(row -> order.add((Timestamp) row.get("job_duedate_")));
      assertThat(order).isSorted();

      FaultScenario.awaitTrue(Duration.ofMinutes(1), () -> FaultDatabase.count(
          "select count(*) from notification_outbox where notification_key like '%-reminder-1-%' and sent_at is null") == 0);
      List<String> firstRound = FaultDatabase.strings("select notification_key from notification_outbox"
          + " where notification_key like '%-reminder-1-%'");
      Map<String, Integer> mails = receivers.mailsByKey();
      assertThat(firstRound).hasSize(firstDue.size() * FaultScenario.THREE_MISSING.size())
          .allSatisfy(key -> assertThat(mails.get(FaultScenario.messageId(key))).as(key).isEqualTo(1));
      System.out.printf("[fault] catch-up: %d timers missed %.1f to %.1f intervals while the application was down; after"
              + " its start (%.1f s) each fired once, in due order; %d first reminders mailed once each%n", firstDue.size(),
          missed, firstDue.stream().mapToDouble(due -> (restart.toEpochMilli() - due.getTime()) / 20_000.0).max().orElse(0),
          startup, firstRound.size());
    }
  }

  /** Successful runs of the reminder timers that were overdue at the restart, in the order they ran. */
  private static List<Map<String, Object>> overdueFirings(Instant restart) {
    return FaultDatabase.rows("select process_instance_id_, job_duedate_ from act_hi_job_log"
        + " where act_id_ = 'BoundaryEvent_SignatureReminderDue' and job_state_ = 2 and job_duedate_ < ?"
        + " order by timestamp_, id_", Timestamp.from(restart));
  }
}
