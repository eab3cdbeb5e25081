package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_WEBHOOK;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.SERVICE_TASK_SEND_SIGNATURE_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.notification.NotificationDispatch;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TestIdentities;
import de.umsetzungsmonitor.support.TestMailServer;
import de.umsetzungsmonitor.support.TestWebhookTarget;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders reach people by mail, through a real SMTP server (GreenMail), and by webhook, through
 * Camunda Connect to a local HTTP server: one mail and one accepted POST per missing signatory, the
 * mail with the German text, the measure and the Tasklist link and a Message-ID derived from the
 * notification key, never a second one however often the jobs run, and an incident after the
 * retries when a channel is down, delivered once after a retry. M 24 of the imported file:
 * abecker, lweber and mfischer are still to sign.
 */
@PostgresIntegrationTest
class NotificationDispatchPostgresTest extends PostgresTestSupport {

  @Autowired
  private ApplicationProperties application;

  @Autowired
  private NotificationOutbox outbox;

  @Autowired
  private TransactionTemplate transaction;

  @AfterEach
  void channelsWorkAgain() {
    if (!TestMailServer.greenMail().isRunning()) {
      TestMailServer.restart();
    }
    TestWebhookTarget.answerWith(200);
  }

  @Test
  void eachReminderIsMailedExactlyOnce_evenWhenTheJobRunsAgain_andAMailOutageEndsInAnIncidentUntilRetried() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "MAIL") + "-M24";
    String signOff = signOff(key).getId();
    Long protocolId = protocolId(key);
    List<String> signatories = List.of("abecker", "lweber", "mfischer");

    // round 1: the reminder step writes the outbox and starts one dispatch per message, not yet sent
    fireReminderTimer(signOff);
    String round1 = "protocol-" + protocolId + "-v1-reminder-1-";
    List<ProcessInstance> dispatches = dispatches(round1);
    assertThat(dispatches).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(signatories.stream().map(user -> round1 + user).toList());
    assertThat(mailsFor(round1)).isEmpty();

    dispatches.forEach(dispatch -> execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL)));
    assertThat(TestWebhookTarget.acceptedWithKeyPrefix(round1)).as("the webhook is a job of its own").isEmpty();
    assertThat(row(round1 + "lweber").get("sent_at")).as("the webhook is still due").isNull();
    dispatches.forEach(this::postWebhookAndRecordIt);

    List<MimeMessage> mails = mailsFor(round1);
    assertThat(mails).hasSize(3);
    for (String user : signatories) {
      String notificationKey = round1 + user;
      MimeMessage mail = mailWithMessageId(mails, NotificationDispatch.messageId(notificationKey));
      String link = application.taskLink(signingTaskOf(signOff, user).getId());
      assertThat(recipients(mail)).containsExactly(user + "@koblenz.example");
      assertThat(subject(mail)).isEqualTo("1. Erinnerung: Protokoll zur Maßnahme M 24 unterzeichnen");
      assertThat(text(mail)).contains("Guten Tag ", "zur Maßnahme M 24", "Dies ist die 1. Erinnerung.", link);
      Map<String, Object> row = row(notificationKey);
      assertThat(row.get("mail_sent_at")).isNotNull();
      assertThat(row.get("webhook_sent_at")).isNotNull();
      assertThat(row.get("sent_at")).as("both channels done").isNotNull();
      assertThat(row.get("attempts")).isEqualTo(2);
      assertThat(row.get("last_error")).isNull();
      List<TestWebhookTarget.Request> posts = TestWebhookTarget.requestsFor(notificationKey);
      assertThat(posts).hasSize(1);
      TestWebhookTarget.Request post = posts.get(0);
      assertThat(post.method()).isEqualTo("POST");
      assertThat(post.contentType()).startsWith("application/json");
      assertThat(post.json().path("recipient").asText()).isEqualTo(user);
      assertThat(post.json().path("subject").asText()).isEqualTo("1. Erinnerung: Protokoll zur Maßnahme M 24 unterzeichnen");
      assertThat(post.json().path("text").asText()).contains("zur Maßnahme M 24", link);
      assertThat(post.json().path("link").asText()).isEqualTo(link);
    }
    assertThat(dispatches(round1)).as("every dispatch ended").isEmpty();

    // the same message once more: the unique key refuses it, no second dispatch starts
    Message again = new Message(round1 + "lweber", "lweber", "lweber@koblenz.example", "Doppelt", "Doppelt", null);
    Boolean queuedAgain = transaction.execute(status -> outbox.enqueue(again));
    assertThat(queuedAgain).isFalse();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKey(round1 + "lweber").count()).isZero();

    // the mail job runs again after its commit (a retry, a restart, a second run by hand): nothing is sent
    Long lweberRow = ((Number) row(round1 + "lweber").get("id")).longValue();
    ProcessInstance rerun = runtime.createProcessInstanceByKey(NotificationDispatchProcess.KEY)
        .businessKey(round1 + "lweber")
        .setVariable(ProcessVariables.NOTIFICATION_ID.name(), lweberRow)
        .startBeforeActivity(SERVICE_TASK_SEND_MAIL)
        .execute();
    execute(job(rerun.getId(), SERVICE_TASK_SEND_MAIL));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(rerun.getId()).count())
        .as("nothing left to do: the webhook took it already").isZero();
    assertThat(mailsFor(round1)).hasSize(3);
    assertThat(TestWebhookTarget.acceptedWithKeyPrefix(round1)).hasSize(3);
    assertThat(row(round1 + "lweber").get("attempts")).isEqualTo(2);

    // round 2 with the mail server down: the job fails, retries run out, Cockpit shows an incident
    TestMailServer.stop();
    fireReminderTimer(signOff);
    String round2 = "protocol-" + protocolId + "-v1-reminder-2-";
    ProcessInstance toMarkus = dispatches(round2).stream()
        .filter(dispatch -> dispatch.getBusinessKey().equals(round2 + "mfischer")).findFirst().orElseThrow();
    String jobId = job(toMarkus.getId(), SERVICE_TASK_SEND_MAIL).getId();
    for (int expectedRetries : List.of(2, 1, 0)) {
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("not sent");
      Job failed = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(failed.getRetries()).isEqualTo(expectedRetries);
      assertThat(failed.getExceptionMessage()).contains(round2 + "mfischer");
      assertThat(incidents(toMarkus)).hasSize(expectedRetries == 0 ? 1 : 0);
    }
    Incident incident = incidents(toMarkus).get(0);
    assertThat(incident.getActivityId()).isEqualTo(SERVICE_TASK_SEND_MAIL);
    Map<String, Object> failedRow = row(round2 + "mfischer");
    assertThat(failedRow.get("attempts")).isEqualTo(3);
    assertThat((String) failedRow.get("last_error")).startsWith("E-Mail nicht versandt");
    assertThat(failedRow.get("mail_sent_at")).isNull();

    // the mail server is back; the operator retries (Cockpit "Retry" = set retries): mailed once
    TestMailServer.restart();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    List<MimeMessage> round2Mails = mailsFor(round2);
    assertThat(round2Mails).hasSize(1);
    assertThat(messageId(round2Mails.get(0))).isEqualTo(NotificationDispatch.messageId(round2 + "mfischer"));
    assertThat(subject(round2Mails.get(0))).isEqualTo("2. Erinnerung: Protokoll zur Maßnahme M 24 unterzeichnen");
    Map<String, Object> deliveredRow = row(round2 + "mfischer");
    assertThat(deliveredRow.get("mail_sent_at")).isNotNull();
    assertThat(deliveredRow.get("attempts")).isEqualTo(4);
    assertThat(deliveredRow.get("last_error")).isNull();
    assertThat(incidents(toMarkus)).isEmpty();
    postWebhookAndRecordIt(toMarkus);
    assertThat(TestWebhookTarget.acceptedWithKeyPrefix(round2 + "mfischer")).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(toMarkus.getId()).count()).isZero();
  }

  @Test
  void webhookTargetFailing_endsInAnIncidentAfterItsRetries_theMailIsNotRepeated_andARetryPostsOnce() {
    String notificationKey = "test-webhook-down-" + UUID.randomUUID();
    transaction.executeWithoutResult(status -> outbox.enqueue(
        new Message(notificationKey, "lweber", "lweber@koblenz.example", "Betreff", "Text", "http://localhost/t")));
    ProcessInstance dispatch = dispatches(notificationKey).get(0);
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL));
    assertThat(mailsFor(notificationKey)).hasSize(1);

    TestWebhookTarget.answerWith(500);
    String jobId = job(dispatch.getId(), SERVICE_TASK_SEND_WEBHOOK).getId();
    for (int expectedRetries : List.of(2, 1, 0)) {
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("500");
      assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(expectedRetries);
      assertThat(incidents(dispatch)).hasSize(expectedRetries == 0 ? 1 : 0);
    }
    assertThat(incidents(dispatch).get(0).getActivityId()).isEqualTo(SERVICE_TASK_SEND_WEBHOOK);
    assertThat(TestWebhookTarget.requestsFor(notificationKey)).hasSize(3);
    assertThat(row(notificationKey).get("webhook_sent_at")).isNull();
    assertThat(row(notificationKey).get("sent_at")).isNull();

    TestWebhookTarget.answerWith(200);
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(TestWebhookTarget.acceptedWithKeyPrefix(notificationKey)).hasSize(1);
    assertThat(TestWebhookTarget.requestsFor(notificationKey)).hasSize(4);
    assertThat(row(notificationKey).get("webhook_sent_at")).as("recorded in the next job").isNull();
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_WEBHOOK));
    assertThat(TestWebhookTarget.requestsFor(notificationKey)).as("recording does not post again").hasSize(4);
    assertThat(mailsFor(notificationKey)).as("the mail is not repeated").hasSize(1);
    assertThat(row(notificationKey).get("webhook_sent_at")).isNotNull();
    assertThat(row(notificationKey).get("sent_at")).isNotNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(dispatch.getId()).count()).isZero();
  }

  @Test
  void aRecipientWithoutMailAddress_isRecordedInTheOutbox_withoutAnIncident() {
    String notificationKey = "test-no-address-" + UUID.randomUUID();
    Boolean queued = transaction.execute(status -> outbox.enqueue(
        new Message(notificationKey, "ohneadresse", null, "Betreff", "Text", null)));
    assertThat(queued).isTrue();
    ProcessInstance dispatch = dispatches(notificationKey).get(0);

    execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL));

    assertThat(row(notificationKey).get("last_error")).isEqualTo(NotificationDispatch.NO_EMAIL_ADDRESS);
    assertThat(row(notificationKey).get("mail_sent_at")).isNull();
    assertThat(incidents(dispatch)).isEmpty();
    // the webhook still reaches the person
    postWebhookAndRecordIt(dispatch);
    assertThat(TestWebhookTarget.acceptedWithKeyPrefix(notificationKey)).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(dispatch.getId()).count()).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(dispatch.getId()).count()).isZero();
  }

  @Test
  void theOutboxListing_isForAdministratorsOnly() {
    String notificationKey = "test-listing-" + UUID.randomUUID();
    transaction.executeWithoutResult(status -> outbox.enqueue(
        new Message(notificationKey, "lweber", "lweber@koblenz.example", "Betreff der Liste", "Text", null)));

    var asAdmin = BasicAuthClient.as(baseUrl(), TestIdentities.ADMIN, TestIdentities.password()).get("/api/notifications");
    assertThat(asAdmin.statusCode()).isEqualTo(200);
    assertThat(asAdmin.body()).contains("\"key\":\"" + notificationKey + "\"", "\"subject\":\"Betreff der Liste\"",
        "\"recipientUserId\":\"lweber\"", "\"attempts\":0");

    assertThat(BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password()).get("/api/notifications")
        .statusCode()).isEqualTo(403);
    assertThat(BasicAuthClient.anonymous(baseUrl()).get("/api/notifications").statusCode()).isEqualTo(401);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** One firing of the reminder cycle: the timer job, then the asynchronous reminder step. */
  private void fireReminderTimer(String signOff) {
    execute(job(signOff, BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE));
    execute(job(signOff, SERVICE_TASK_SEND_SIGNATURE_REMINDER));
  }

  /** The webhook job posts and commits; the next job (after the post) records the delivery. */
  private void postWebhookAndRecordIt(ProcessInstance dispatch) {
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_WEBHOOK));
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_WEBHOOK));
  }

  private List<ProcessInstance> dispatches(String keyPrefix) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKeyLike(keyPrefix + "%").list();
  }

  private List<Incident> incidents(ProcessInstance dispatch) {
    return runtime.createIncidentQuery().processInstanceId(dispatch.getId()).list();
  }

  private Map<String, Object> row(String notificationKey) {
    return jdbc.queryForMap("select * from notification_outbox where notification_key = ?", notificationKey);
  }

  /** The mails GreenMail received for messages whose key starts so (their Message-ID says it). */
  private static List<MimeMessage> mailsFor(String keyPrefix) {
    String idPrefix = NotificationDispatch.messageId(keyPrefix).replace("@umsetzungsmonitor>", "");
    return Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
        .filter(mail -> messageId(mail).startsWith(idPrefix)).toList();
  }

  private static MimeMessage mailWithMessageId(List<MimeMessage> mails, String messageId) {
    List<MimeMessage> found = mails.stream().filter(mail -> messageId.equals(messageId(mail))).toList();
    assertThat(found).as("mails with Message-ID %s", messageId).hasSize(1);
    return found.get(0);
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage mail) {
    try {
      return (String) mail.getContent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
