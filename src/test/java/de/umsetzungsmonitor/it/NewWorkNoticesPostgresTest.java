package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.notification.DailyDigest;
import de.umsetzungsmonitor.process.NotificationDigestProcess;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.ReceivedMails;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New work notices on the real application: Camunda's task events reach the notices in the
 * engine's transaction, people are told by mail through a real SMTP server (GreenMail) once per
 * task and event, or collected into one daily digest per day, which goes out once however often its
 * job runs. Some tests work with people and groups of their own (and a one-task probe model), so
 * their notices and digests are theirs alone in the shared database.
 */
@PostgresIntegrationTest
class NewWorkNoticesPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String PROBE = "NewWorkProbeProcess";
  private static volatile boolean probeDeployed;

  @Autowired
  private ApplicationProperties application;

  @Autowired
  private RepositoryService repository;

  @Autowired
  private TransactionTemplate transaction;

  @Autowired
  private DailyDigest dailyDigest;

  @BeforeEach
  void deployProbeOnce() {
    if (!probeDeployed) {
      // one user task whose queue is a variable: new work for people and groups of the test's own
      BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
          .startEvent()
          .userTask("UserTask_CheckDelivery").name("Datenlieferung prüfen").camundaCandidateGroups("${probeGroup}")
          .documentation("Die gelieferten Daten auf Vollständigkeit prüfen.")
          .endEvent()
          .done();
      repository.createDeployment().name("new work probe").addModelInstance(PROBE + ".bpmn", probe).deploy();
      probeDeployed = true;
    }
  }

  @Test
  void taskLandingInTheQueue_isMailedOnceToTheOtherMembers_inGermanWithTheTaskLink_andAnAssignmentToo() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "NEWW") + "-M12";
    ProcessInstance phaseOne = phaseOne(key);
    Task schedule = singleTask(phaseOne.getId(), USER_TASK_SCHEDULE_TALK);
    // the import's tasks arrive by the dozen: collected for the daily digest, not mailed one by one
    assertThat(outboxKeys("task-" + schedule.getId() + "-")).isEmpty();
    assertThat(digestRecipients("task-" + schedule.getId() + "-new-")).containsExactly("abecker", "kschneider");

    TasklistSession abecker = login("abecker");
    assertThat(abecker.claim(schedule.getId()).statusCode()).isEqualTo(204);
    assertThat(abecker.submitForm(schedule.getId(), form().text("talkDate", inDays(14)).text("talkTime", "10:00")
        .json("participants", List.of("abecker", "jmueller")).toJson()).statusCode()).isEqualTo(204);
    assertThat(outboxKeys("task-" + schedule.getId() + "-")).as("claiming her own task told nobody").isEmpty();

    // the next step lands in the coordinating unit's queue: her colleague is told, she is not (she did the step)
    Task results = singleTask(phaseOne.getId(), USER_TASK_RECORD_TALK_RESULTS);
    String noticeKey = "task-" + results.getId() + "-new-kschneider";
    assertThat(outboxKeys("task-" + results.getId() + "-")).containsExactly(noticeKey);
    String link = application.taskLink(results.getId());
    Map<String, Object> row = row(noticeKey);
    assertThat(row).containsEntry("recipient_user_id", "kschneider").containsEntry("link", link);
    ProcessInstance dispatch = dispatch(noticeKey);
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL));

    List<MimeMessage> mails = ReceivedMails.withKey(noticeKey);
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(ReceivedMails.recipients(mail)).containsExactly("kschneider@koblenz.example");
    assertThat(ReceivedMails.subject(mail)).isEqualTo("Neue Aufgabe: Gesprächsergebnisse erfassen – Maßnahme M 12");
    assertThat(ReceivedMails.text(mail)).startsWith("Guten Tag Katrin Schneider,")
        .contains("in der Aufgabenliste Ihrer Stelle „Fachstelle Sozialplanung/Sozialberichterstattung“ liegt eine neue Aufgabe:",
            "Gesprächsergebnisse erfassen", "Maßnahme M 12 („Bericht zur sozialen Lage 2015 in Koblenz“)",
            "Zur Aufgabe in der Aufgabenliste:", link, "/einstellungen/benachrichtigungen");

    // the mail job runs again after its commit (retry, restart, a second run by hand): nothing more is sent
    ProcessInstance rerun = runtime.createProcessInstanceByKey(NotificationDispatchProcess.KEY).businessKey(noticeKey)
        .setVariable(ProcessVariables.NOTIFICATION_ID.name(), ((Number) row.get("id")).longValue())
        .startBeforeActivity(SERVICE_TASK_SEND_MAIL).execute();
    execute(job(rerun.getId(), SERVICE_TASK_SEND_MAIL));
    assertThat(ReceivedMails.withKey(noticeKey)).hasSize(1);
    assertThat(outboxKeys("task-" + results.getId() + "-new-")).hasSize(1);

    // a colleague assigns the task to her: she is told that it is hers now
    HttpResponse<String> assigned = abecker.postEngine("/task/" + results.getId() + "/assignee", "{\"userId\":\"kschneider\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
    String assignedKey = "task-" + results.getId() + "-assigned-kschneider";
    assertThat(outboxKeys("task-" + results.getId() + "-")).containsExactly(noticeKey, assignedKey);
    execute(job(dispatch(assignedKey).getId(), SERVICE_TASK_SEND_MAIL));
    MimeMessage assignedMail = ReceivedMails.withKey(assignedKey).get(0);
    assertThat(ReceivedMails.subject(assignedMail)).isEqualTo("Aufgabe für Sie: Gesprächsergebnisse erfassen – Maßnahme M 12");
    assertThat(ReceivedMails.text(assignedMail)).contains("Ihnen wurde von Anna Becker eine Aufgabe zugewiesen:", link);
  }

  @Test
  void aRolledBackTaskCreation_leavesNeitherNoticeNorDelivery() {
    String group = newGroup("Rücknahmeprobe");
    String member = newMember("rollback", group);
    String[] taskId = new String[1];

    transaction.executeWithoutResult(status -> {
      runtime.startProcessInstanceByKey(PROBE, Map.of("probeGroup", group));
      taskId[0] = tasks.createTaskQuery().taskCandidateGroup(group).singleResult().getId();
      // inside the engine's transaction the notice and its delivery exist ...
      assertThat(outboxKeys("task-" + taskId[0] + "-")).containsExactly("task-" + taskId[0] + "-new-" + member);
      assertThat(dispatches("task-" + taskId[0] + "-")).hasSize(1);
      status.setRollbackOnly();
    });

    // ... and go with the task when it rolls back
    assertThat(tasks.createTaskQuery().taskId(taskId[0]).count()).isZero();
    assertThat(outboxKeys("task-" + taskId[0] + "-")).isEmpty();
    assertThat(dispatches("task-" + taskId[0] + "-")).isEmpty();
    assertThat(ReceivedMails.withKeyPrefix("task-" + taskId[0] + "-")).isEmpty();
  }

  @Test
  void personChoosingTheDigest_getsOneDailyOverviewPerDay_listingEachNoticeOnce_evenWhenTheJobRunsTwice() throws Exception {
    String group = newGroup("Prüfstelle Übersicht");
    String dora = newMember("digest", group);
    BasicAuthClient asDora = BasicAuthClient.as(baseUrl(), dora, TestIdentities.password());

    // her choice, through our REST API
    JsonNode initial = JSON.readTree(asDora.get("/api/me/notification-settings").body());
    assertThat(initial.path("delivery").asText()).isEqualTo("IMMEDIATE");
    HttpResponse<String> chosen = asDora.putJson("/api/me/notification-settings", "{\"delivery\":\"DIGEST\"}");
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(JSON.readTree(chosen.body()).path("delivery").asText()).isEqualTo("DIGEST");
    assertThat(JSON.readTree(asDora.get("/api/me/notification-settings").body()).path("label").asText())
        .isEqualTo("einmal täglich gesammelt in der Täglichen Übersicht");

    // two tasks land in her queue (one of a measure); the second is done before the digest goes out
    Long measureId = measureId(importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "DIGE") + "-M13");
    String first = startProbe(group, measureId);
    String second = startProbe(group, null);
    tasks.complete(second);
    assertThat(outboxKeys("task-" + first + "-")).as("not mailed one by one").isEmpty();
    assertThat(digestRecipients("task-" + first + "-new-")).containsExactly(dora);
    assertThat(digestRecipients("task-" + second + "-new-")).containsExactly(dora);

    // the digest timer fires (07:00 on working days); its step writes one digest per person
    runDigestProcess();
    String digestKey = DailyDigest.digestKey(dora, LocalDate.now(BERLIN));
    assertThat(outboxKeys("digest-" + dora + "-")).containsExactly(digestKey);
    assertThat(jdbc.queryForList("select digest_key from notification_digest_entry where recipient_user_id = ?",
        String.class, dora)).containsExactly(digestKey, digestKey);
    execute(job(dispatch(digestKey).getId(), SERVICE_TASK_SEND_MAIL));

    List<MimeMessage> digests = ReceivedMails.withKeyPrefix("digest-" + dora + "-");
    assertThat(digests).hasSize(1);
    MimeMessage digest = digests.get(0);
    assertThat(ReceivedMails.recipients(digest)).containsExactly(dora + "@koblenz.example");
    assertThat(ReceivedMails.subject(digest)).isEqualTo("Tägliche Übersicht vom "
        + LocalDate.now(BERLIN).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ": 2 neue Aufgaben");
    String text = ReceivedMails.text(digest);
    assertThat(text).startsWith("Guten Tag Dora Digest,")
        .contains("2 Hinweise seit der letzten Übersicht",
            "1. Neue Aufgabe: Datenlieferung prüfen – Maßnahme M 13", "Maßnahme M 13 („Bericht zur sozialen Lage 2015 in Koblenz“)",
            application.taskLink(first), "2. Neue Aufgabe: Datenlieferung prüfen", application.taskLink(second),
            "inzwischen erledigt", "/einstellungen/benachrichtigungen");
    assertThat(text.indexOf("inzwischen erledigt")).as("only the second task is done").isGreaterThan(text.indexOf("2. "));

    // a third task arrives; the digest job runs a second time the same day: no second digest today
    String third = startProbe(group, null);
    runDigestProcess();
    assertThat(outboxKeys("digest-" + dora + "-")).containsExactly(digestKey);
    assertThat(ReceivedMails.withKeyPrefix("digest-" + dora + "-")).hasSize(1);
    assertThat(jdbc.queryForObject("select digest_key from notification_digest_entry where notice_key = ?", String.class,
        "task-" + third + "-new-" + dora)).as("waits for the next digest").isNull();

    // the next day's digest takes the third one, and only that
    LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
    transaction.executeWithoutResult(status -> dailyDigest.compile(tomorrow));
    String tomorrowsKey = DailyDigest.digestKey(dora, tomorrow);
    assertThat(outboxKeys("digest-" + dora + "-")).containsExactly(digestKey, tomorrowsKey);
    assertThat((String) row(tomorrowsKey).get("subject")).endsWith(": 1 neue Aufgabe");
    assertThat((String) row(tomorrowsKey).get("body")).contains(application.taskLink(third))
        .doesNotContain(application.taskLink(first), application.taskLink(second));
    assertThat(jdbc.queryForList("select digest_key from notification_digest_entry where recipient_user_id = ?"
        + " order by id", String.class, dora)).containsExactly(digestKey, digestKey, tomorrowsKey);
  }

  @Test
  void theSettings_refuseUnknownInputInGerman_andNeedALogin() throws Exception {
    BasicAuthClient asJulia = BasicAuthClient.as(baseUrl(), "jmueller", TestIdentities.password());

    HttpResponse<String> unknown = asJulia.putJson("/api/me/notification-settings", "{\"delivery\":\"WEEKLY\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).path("message").asText())
        .startsWith("Unbekannte Zustellart „WEEKLY“. Erlaubt sind IMMEDIATE");
    HttpResponse<String> missing = asJulia.putJson("/api/me/notification-settings", "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).path("message").asText())
        .startsWith("Bitte angeben, wie Sie über neue Aufgaben benachrichtigt werden möchten");
    HttpResponse<String> broken = asJulia.putJson("/api/me/notification-settings", "{\"delivery\":");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(broken.body()).path("message").asText()).isEqualTo("Die Anfrage ist unvollständig oder nicht lesbar.");
    assertThat(JSON.readTree(asJulia.get("/api/me/notification-settings").body()).path("delivery").asText())
        .as("nothing changed").isEqualTo("IMMEDIATE");
    assertThat(jdbc.queryForObject("select count(*) from notification_setting where user_id = 'jmueller'", Long.class)).isZero();

    assertThat(BasicAuthClient.anonymous(baseUrl()).get("/api/me/notification-settings").statusCode()).isEqualTo(401);
    assertThat(BasicAuthClient.anonymous(baseUrl()).putJson("/api/me/notification-settings", "{\"delivery\":\"DIGEST\"}")
        .statusCode()).isEqualTo(401);
  }

  @Test
  void theSettingsPage_isGermanBehindTheTasklistLogin_andSavesTheChoice() {
    String group = newGroup("Seitenprobe");
    String paula = newMember("page", group);
    TasklistSession session = login(paula);

    HttpResponse<String> page = session.get("/einstellungen/benachrichtigungen");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Benachrichtigungen über neue Aufgaben", "Tägliche Übersicht",
        "value=\"IMMEDIATE\" checked", "_csrf");
    String csrf = page.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> saved = session.postForm("/einstellungen/benachrichtigungen",
        "delivery=DIGEST&_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(saved.statusCode()).as("redirect after saving").isEqualTo(302);
    assertThat(session.get("/einstellungen/benachrichtigungen").body())
        .contains("Ihre Einstellung wurde gespeichert.", "value=\"DIGEST\" checked");
    assertThat(jdbc.queryForObject("select delivery from notification_setting where user_id = ?", String.class, paula))
        .isEqualTo("DIGEST");

    assertThat(TasklistSession.anonymous(baseUrl()).get("/einstellungen/benachrichtigungen").statusCode())
        .as("without login: to the Tasklist login").isEqualTo(302);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private String startProbe(String group, Long measureId) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("probeGroup", group);
    if (measureId != null) {
      variables.put(ProcessVariables.MEASURE_ID.name(), measureId);
    }
    ProcessInstance probe = runtime.startProcessInstanceByKey(PROBE, variables);
    return tasks.createTaskQuery().processInstanceId(probe.getId()).singleResult().getId();
  }

  /** One firing of the digest timer, then its asynchronous step. */
  private void runDigestProcess() {
    Job timer = management.createJobQuery().processDefinitionKey(NotificationDigestProcess.KEY).timers().singleResult();
    execute(timer);
    ProcessInstance digest = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDigestProcess.KEY)
        .singleResult();
    execute(job(digest.getId(), NotificationDigestProcess.SERVICE_TASK_COMPILE_DIGESTS));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(digest.getId()).count()).isZero();
  }

  /** A new office group (with Tasklist access, as the programme import creates them). */
  private String newGroup(String name) {
    String id = "grp" + UUID.randomUUID().toString().substring(0, 8);
    officeGroups.ensure(id, name);
    return id;
  }

  private String newMember(String prefix, String groupId) {
    String id = prefix + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName(prefix.equals("digest") ? "Dora" : "Paula");
    user.setLastName(prefix.equals("digest") ? "Digest" : "Probe");
    user.setEmail(id + "@koblenz.example");
    user.setPassword(TestIdentities.password());
    identity.saveUser(user);
    identity.createMembership(id, groupId);
    return id;
  }

  private List<String> outboxKeys(String keyPrefix) {
    return jdbc.queryForList("select notification_key from notification_outbox where notification_key like ? order by id",
        String.class, keyPrefix + "%");
  }

  private List<String> digestRecipients(String noticeKeyPrefix) {
    return jdbc.queryForList("select recipient_user_id from notification_digest_entry where notice_key like ?"
        + " order by recipient_user_id", String.class, noticeKeyPrefix + "%");
  }

  private Map<String, Object> row(String notificationKey) {
    return jdbc.queryForMap("select * from notification_outbox where notification_key = ?", notificationKey);
  }

  private ProcessInstance dispatch(String notificationKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKey(notificationKey).singleResult();
  }

  private List<ProcessInstance> dispatches(String keyPrefix) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKeyLike(keyPrefix + "%").list();
  }

  private static String inDays(int days) {
    return LocalDate.now(BERLIN).plusDays(days).toString();
  }
}
