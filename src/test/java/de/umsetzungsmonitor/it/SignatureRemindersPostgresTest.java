package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.SERVICE_TASK_SEND_SIGNATURE_REMINDER;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.ReminderProperties;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Reminders for a protocol in signature, with the timers and the asynchronous mail step run by hand:
 * every firing writes one outbox message per missing signatory (never to those who signed), the
 * third escalates to the coordinating unit, and the outbox cannot hold the same message twice.
 * M 24 of the imported file: abecker has signed here, lweber and mfischer have not.
 */
@PostgresIntegrationTest
class SignatureRemindersPostgresTest extends PostgresTestSupport {

  @Autowired
  private ApplicationProperties application;

  @Autowired
  private ReminderProperties reminderProperties;

  @Test
  void missingSignatoriesAreRemindedEachRound_escalatedAfterTheThird_andEachMessageExistsOnce() {
    assertThat(reminderProperties.getSignatureEscalationAfter()).as("default").isEqualTo(3);
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REMIND") + "-M24";
    String signOff = signOff(key).getId();
    Long protocolId = protocolId(key);
    TasklistSession abecker = login("abecker");
    Task abeckersTask = signingTaskOf(signOff, "abecker");
    assertThat(abecker.claim(abeckersTask.getId()).statusCode()).isEqualTo(204);
    assertThat(abecker.submitForm(abeckersTask.getId(), form().text("signatureDecision", "sign").toJson()).statusCode())
        .isEqualTo(204);
    Map<String, String> taskOf = Map.of(
        "lweber", signingTaskOf(signOff, "lweber").getId(),
        "mfischer", signingTaskOf(signOff, "mfischer").getId());

    // round 1: the timer fires, the reminder step runs as its own job
    fireReminderTimer(signOff);
    List<Map<String, Object>> first = outbox("protocol-" + protocolId + "-v1-reminder-1-");
    assertThat(first).extracting(row -> row.get("recipient_user_id")).containsExactlyInAnyOrder("lweber", "mfischer");
    for (Map<String, Object> message : first) {
      String user = (String) message.get("recipient_user_id");
      String link = application.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskOf.get(user);
      assertThat(message.get("notification_key")).isEqualTo("protocol-" + protocolId + "-v1-reminder-1-" + user);
      assertThat(message.get("recipient_email")).isEqualTo(user + "@koblenz.example");
      assertThat(message.get("subject")).isEqualTo("1. Erinnerung: Protokoll zur Maßnahme M 24 unterzeichnen");
      assertThat((String) message.get("body"))
          .contains("Guten Tag " + (user.equals("lweber") ? "Laura Weber" : "Markus Fischer"))
          .contains("zur Maßnahme M 24", "vom 20.09.2018", "in der Fassung 1", "Dies ist die 1. Erinnerung.", link);
      assertThat(message.get("link")).isEqualTo(link);
      assertThat(message.get("sent_at")).isNull();
    }
    assertThat(openTasks(signOff, USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL)).isEmpty();

    // rounds 2 and 3: the third round escalates to the coordinating unit
    fireReminderTimer(signOff);
    assertThat(openTasks(signOff, USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL)).isEmpty();
    fireReminderTimer(signOff);
    Task followUp = singleTask(signOff, USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL);
    assertThat(candidateGroups(followUp.getId())).containsExactly("sozialplanung");
    assertThat(outbox("protocol-" + protocolId + "-v1-reminder-3-")).extracting(row -> row.get("subject"))
        .containsOnly("3. Erinnerung: Protokoll zur Maßnahme M 24 unterzeichnen");
    // ... and tells the heads of the offices still missing: rschulz heads stadtplanung (Herr Fischer);
    // the Liegenschaftsamt has no head in the directory, so nobody there is told
    List<Map<String, Object>> escalation = outbox("protocol-" + protocolId + "-v1-escalation-");
    assertThat(escalation).extracting(row -> row.get("recipient_user_id")).containsExactly("rschulz");
    assertThat(escalation.get(0).get("subject")).isEqualTo("Eskalation: Protokoll zur Maßnahme M 24 nicht unterzeichnet");
    assertThat((String) escalation.get(0).get("body")).contains("Guten Tag Ralf Schulz", "trotz 3 Erinnerungen",
        "noch nicht unterzeichnet von: Markus Fischer (Amt für Stadtentwicklung und Bauordnung)");
    assertThat(openTasks(signOff, USER_TASK_SIGN_PROTOCOL)).as("reminding does not touch the signing tasks").hasSize(2);

    // the coordinating unit records its follow-up; a fourth round reminds again but does not escalate again
    TasklistSession kschneider = login("kschneider");
    assertThat(kschneider.claim(followUp.getId()).statusCode()).isEqualTo(204);
    assertThat(kschneider.submitForm(followUp.getId(), form().text("followUpNote", "Frau Weber und Herrn Fischer angerufen.")
        .toJson()).statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForList("select version_no || ' ' || recorded_by || ': ' || note from protocol_follow_up"
        + " where protocol_id = ?", String.class, protocolId)).containsExactly("1 kschneider: Frau Weber und Herrn Fischer angerufen.");
    fireReminderTimer(signOff);
    assertThat(openTasks(signOff, USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL)).isEmpty();

    // 4 firings = 4 rounds x 2 missing signatories, each message once
    assertThat(jdbc.queryForList("select round from reminder where kind = 'PROTOCOL_SIGNATURE' and reference_id ="
        + " (select id from protocol_version where protocol_id = ? and version_no = 1) order by round", Integer.class, protocolId))
        .containsExactly(1, 2, 3, 4);
    List<Map<String, Object>> all = outbox("protocol-" + protocolId + "-v1-reminder-");
    assertThat(all).hasSize(4 * 2);
    assertThat(outbox("protocol-" + protocolId + "-v1-escalation-")).as("escalated once").hasSize(1);
    assertThat(all).extracting(row -> row.get("notification_key")).doesNotHaveDuplicates();
    assertThat(all).extracting(row -> row.get("recipient_user_id")).doesNotContain("abecker");

    // the database itself refuses a second message under the same key, whatever writes it
    Map<String, Object> existing = first.get(0);
    assertThatThrownBy(() -> jdbc.update("insert into notification_outbox (notification_key, recipient_user_id, subject, body,"
        + " created_at) values (?, ?, ?, ?, ?)", existing.get("notification_key"), existing.get("recipient_user_id"),
        "Doppelt", "Doppelt", new Timestamp(System.currentTimeMillis())))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(outbox("protocol-" + protocolId + "-")).hasSize(8 + 1);

    // once everybody has signed, the sign-off ends and so do its reminders
    for (String user : List.of("lweber", "mfischer")) {
      TasklistSession session = login(user);
      assertThat(session.claim(taskOf.get(user)).statusCode()).isEqualTo(204);
      assertThat(session.submitForm(taskOf.get(user), form().text("signatureDecision", "sign").toJson()).statusCode())
          .isEqualTo(204);
    }
    assertThat(protocolState(key)).isEqualTo("IN_FORCE");
    assertThat(signOff(key)).isNull();
    assertThat(management.createJobQuery().processInstanceId(signOff).count()).as("no reminder timer left").isZero();
  }

  /** One firing of the reminder cycle: the timer job, then the asynchronous reminder step. */
  private void fireReminderTimer(String signOff) {
    execute(job(signOff, BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE));
    execute(job(signOff, SERVICE_TASK_SEND_SIGNATURE_REMINDER));
    assertThat(management.createJobQuery().processInstanceId(signOff).activityId(BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE)
        .count()).as("the cycle schedules the next firing").isEqualTo(1);
  }

  private List<Map<String, Object>> outbox(String keyPrefix) {
    return jdbc.queryForList("select * from notification_outbox where notification_key like ? order by id", keyPrefix + "%");
  }
}
