package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_OVERDUE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.BOUNDARY_EVENT_PERIOD_LOCKED;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_FETCH_FROM_SOURCE;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.SERVICE_TASK_SEND_OVERDUE_REMINDER;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_CHECK_DELIVERY;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_DECIDE_LOCKED_PERIOD;
import static de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_DELIVER_DATA;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.deliveries.DeliveryService;
import de.umsetzungsmonitor.notification.NotificationDispatch;
import de.umsetzungsmonitor.process.DataAgreementProcess;
import de.umsetzungsmonitor.process.DataDeliveryProcess;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TestMailServer;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import java.net.http.HttpResponse;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries of M 14 (two agreements of the Jugendamt, yearly and monthly, indicators "Plätze in
 * Betriebskitas" (count) and "Anteil beteiligter Pflegeeinrichtungen" (percent)) on PostgreSQL:
 * periods open on their own, an overdue yearly period is locked and reopened, invalid values are
 * refused with nothing written, a file is kept as an attachment, a returned delivery comes back,
 * reminders reach GreenMail exactly once, and an HTTP source is fetched through Connect.
 */
@PostgresIntegrationTest
class DeliveriesPostgresTest extends PostgresTestSupport {

  private static HttpServer source;

  @Autowired
  private DeliveryService deliveries;

  @Autowired
  private TransactionTemplate transaction;

  @Autowired
  private ApplicationProperties application;

  @BeforeAll
  static void startSource() throws IOException {
    source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    source.createContext("/m14.json", exchange -> {
      byte[] body = "{\"Plätze in Betriebskitas\": 12, \"Anteil beteiligter Pflegeeinrichtungen\": \"35,5\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    source.start();
  }

  @AfterAll
  static void stopSource() {
    source.stop(0);
  }

  /** M 14 as the seed leaves it, plus concretised indicators and a monthly agreement of the Jugendamt. */
  /**
   * First due date of M 14's monthly agreement: two years before a day 10 to 13 days ago (never
   * past the 28th, so every later month ends on the same day). The latest period due then ended
   * more than the overdue interval (7 days) ago whatever today is, so its first overdue reminder is
   * due at once, and the next period is not due yet.
   */
  private static final String MONTHLY_FIRST_DUE = monthlyFirstDue();

  private static String monthlyFirstDue() {
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(10);
    if (day.getDayOfMonth() > 28) {
      day = day.withDayOfMonth(28);
    }
    return day.minusYears(2).toString();
  }

  private static String withMonitoringOfM14(String content) {
    String agreed = ProgrammeFiles.replaceOnce(content,
        "            frequency: YEARLY\n            firstDue: 2018-12-31\n      protocol:",
        "            frequency: YEARLY\n            firstDue: 2018-12-31\n"
            + "          - office: jugendamt\n"
            + "            data: Monatliche Meldung der Anfragen von Pflegeeinrichtungen zur betrieblichen Kinderbetreuung\n"
            + "            frequency: MONTHLY\n            firstDue: " + MONTHLY_FIRST_DUE + "\n      protocol:");
    return ProgrammeFiles.replaceOnce(agreed,
        "          - {participant: jmueller, signedOn: 2018-07-06}\n",
        "          - {participant: jmueller, signedOn: 2018-07-06}\n"
            + "      indicators:\n"
            + "        - {name: Plätze in Betriebskitas, definition: Plätze zum 31.12., unit: Plätze, type: COUNT, sourceOffice: jugendamt}\n"
            + "        - {name: Anteil beteiligter Pflegeeinrichtungen, definition: Anteil an allen Einrichtungen, unit: \"%\", type: PERCENT, sourceOffice: jugendamt}\n");
  }

  private String importWithMonitoring(String codePrefix, String source) {
    String content = withMonitoringOfM14(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE));
    if (source != null) {
      content = ProgrammeFiles.replaceOnce(content,
          "            frequency: MONTHLY\n            firstDue: " + MONTHLY_FIRST_DUE + "\n",
          "            frequency: MONTHLY\n            firstDue: " + MONTHLY_FIRST_DUE + "\n            source: " + source + "\n");
    }
    String code = ProgrammeFiles.uniqueCode(codePrefix);
    imports.importProgramme(ProgrammeFiles.withCode(content, code));
    return code + "-M14";
  }

  private List<ProcessInstance> agreementProcesses(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(DataAgreementProcess.KEY)
        .processInstanceBusinessKey(key).list();
  }

  private List<ProcessInstance> deliveryProcesses(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(DataDeliveryProcess.KEY)
        .processInstanceBusinessKey(key).list();
  }

  /** Runs each agreement's "open period" job: the first period to ask for opens. */
  private void openFirstPeriods(String key) {
    for (ProcessInstance agreement : agreementProcesses(key)) {
      execute(job(agreement.getId(), DataAgreementProcess.SERVICE_TASK_OPEN_PERIOD));
    }
  }

  private Map<String, Object> delivery(String processInstanceId) {
    return jdbc.queryForMap("select d.*, a.frequency from delivery d join data_agreement a on a.id = d.data_agreement_id "
        + "where d.process_instance_id = ?", processInstanceId);
  }

  private ProcessInstance deliveryOf(String key, String frequency) {
    return deliveryProcesses(key).stream().filter(p -> frequency.equals(delivery(p.getId()).get("frequency")))
        .findFirst().orElseThrow();
  }

  private Map<String, Long> indicatorIds(String key) {
    Map<String, Long> ids = new java.util.HashMap<>();
    jdbc.query("select i.id, i.name from indicator i join measure m on m.id = i.measure_id where m.business_key = ?",
        rs -> { ids.put(rs.getString("name"), rs.getLong("id")); }, key);
    return ids;
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Map<String, Object> values(String key, String places, String share) {
    Map<String, Long> ids = indicatorIds(key);
    String json = "{\"" + ids.get("Plätze in Betriebskitas") + "\": \"" + places + "\", \""
        + ids.get("Anteil beteiligter Pflegeeinrichtungen") + "\": \"" + share + "\"}";
    return Variables.createVariables().putValueTyped("deliveredValues", SpinValues.jsonValue(json).create());
  }

  @Test
  void aLockedPeriodIsReopened_invalidValuesAreRefused_aFileIsKept_andAReturnedDeliveryComesBack() {
    String key = importWithMonitoring("DLV", null);
    assertThat(measurePhase(key)).isEqualTo("MONITORING_AGREED");
    assertThat(agreementProcesses(key)).hasSize(2);
    openFirstPeriods(key);

    // the yearly agreement asks for the last year that is due, long past its grace: locked on its timer
    ProcessInstance yearly = deliveryOf(key, "YEARLY");
    Map<String, Object> period = delivery(yearly.getId());
    assertThat(period.get("period_label")).isEqualTo(String.valueOf(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear() - 1));
    Task deliver = singleTask(yearly.getId(), USER_TASK_DELIVER_DATA);
    assertThat(deliver.getName()).startsWith("Daten liefern: Anzahl der Plätze in Betriebskitas").endsWith(", " + period.get("period_label"));
    assertThat(candidateGroups(deliver.getId())).containsExactly("jugendamt");
    execute(job(yearly.getId(), BOUNDARY_EVENT_PERIOD_LOCKED));
    assertThat(delivery(yearly.getId()).get("state")).isEqualTo("LOCKED");
    assertThat(openTasks(yearly.getId(), USER_TASK_DELIVER_DATA)).isEmpty();

    Task decide = singleTask(yearly.getId(), USER_TASK_DECIDE_LOCKED_PERIOD);
    assertThat(candidateGroups(decide.getId())).containsExactly("sozialplanung");
    String newDeadline = LocalDate.now().plusDays(14).toString();
    completeAs("abecker", decide, Map.of("lockDecision", "reopen", "lockReason", "Zahlen liegen erst jetzt vor", "newDeadline", newDeadline));
    assertThat(delivery(yearly.getId())).containsEntry("state", "OPEN").containsEntry("lock_date", java.sql.Date.valueOf(newDeadline));
    assertThat(jdbc.queryForList("select kind from delivery_event where delivery_id = ? order by id", String.class,
        delivery(yearly.getId()).get("id"))).containsExactly("OPENED", "LOCKED", "REOPENED");

    // a negative count and a percentage above 100: refused in German, nothing written
    Task again = singleTask(yearly.getId(), USER_TASK_DELIVER_DATA);
    assertThatThrownBy(() -> completeAs("jmueller", again, values(key, "-3", "35")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("ganze Zahl ab 0");
    assertThatThrownBy(() -> completeAs("jmueller", again, values(key, "12", "135")))
        .hasMessageContaining("von 0 bis 100");
    assertThat(delivery(yearly.getId()).get("state")).isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("select count(*) from delivery_value where delivery_id = ?", Integer.class,
        delivery(yearly.getId()).get("id"))).isZero();

    // valid values with a CSV file: submitted, the file kept as a Camunda attachment
    Map<String, Object> withFile = values(key, "12", "35,5");
    withFile.put("deliveryComment", "Stand 31.12.");
    withFile.put("deliveryFile", Variables.fileValue("plaetze.csv").file("Einrichtung;Plätze\nA;12\n".getBytes(StandardCharsets.UTF_8))
        .mimeType("text/csv").create());
    completeAs("jmueller", again, withFile);
    Map<String, Object> submitted = delivery(yearly.getId());
    assertThat(submitted).containsEntry("state", "SUBMITTED").containsEntry("submitted_by", "jmueller")
        .containsEntry("attachment_name", "plaetze.csv").containsEntry("delivery_comment", "Stand 31.12.");
    assertThat(runtime.getVariable(yearly.getId(), "deliveryFile")).as("the file is an attachment, not a variable").isNull();
    assertThat(tasks.getAttachmentContent((String) submitted.get("attachment_id"))).hasContent("Einrichtung;Plätze\nA;12");
    assertThat(jdbc.queryForList("select numeric_value from delivery_value where delivery_id = ? order by indicator_id",
        java.math.BigDecimal.class, submitted.get("id"))).usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(new java.math.BigDecimal("12"), new java.math.BigDecimal("35.5"));

    // the coordinating unit sees the values and the file, and returns the delivery with a reason
    Task check = singleTask(yearly.getId(), USER_TASK_CHECK_DELIVERY);
    assertThat((String) tasks.getVariableLocal(check.getId(), "deliverySummary"))
        .contains("Plätze in Betriebskitas: 12 Plätze", "Anteil beteiligter Pflegeeinrichtungen: 35,5 %", "Datei: plaetze.csv");
    assertThat(tasks.getVariableLocal(check.getId(), "deliveryFileUrl"))
        .isEqualTo(application.baseUrl() + "/lieferungen/" + submitted.get("id") + "/datei");
    completeAs("abecker", check, Map.of("checkDecision", "return", "returnReason", "Bitte den Anteil prüfen"));
    assertThat(delivery(yearly.getId())).containsEntry("state", "RETURNED").containsEntry("return_reason", "Bitte den Anteil prüfen");
    Task corrected = singleTask(yearly.getId(), USER_TASK_DELIVER_DATA);
    assertThat(tasks.getVariableLocal(corrected.getId(), "deliveryReturnReason")).isEqualTo("Bitte den Anteil prüfen");

    completeAs("tschmitt", corrected, values(key, "12", "33,0"));
    completeAs("abecker", singleTask(yearly.getId(), USER_TASK_CHECK_DELIVERY), Map.of("checkDecision", "accept"));
    assertThat(delivery(yearly.getId())).containsEntry("state", "ACCEPTED").containsEntry("checked_by", "abecker");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(yearly.getId()).count()).isZero();

    // the period is delivered: a second submission for it is refused
    Long deliveryId = ((Number) submitted.get("id")).longValue();
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> deliveries.submit(deliveryId,
        Map.of(), null, null, "jmueller", null))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("wurden bereits Daten geliefert");
  }

  @Test
  void overdueRemindersReachTheOfficeByMailOnce_andTheNextMonthOpensWhenItsTurnComes() throws MessagingException {
    String key = importWithMonitoring("REM", null);
    openFirstPeriods(key);
    ProcessInstance monthly = deliveryOf(key, "MONTHLY");
    Long deliveryId = ((Number) delivery(monthly.getId()).get("id")).longValue();
    Task deliver = singleTask(monthly.getId(), USER_TASK_DELIVER_DATA);

    // overdue already: the first overdue reminder is due at once, not a week after the start
    Job overdue = management.createJobQuery().processInstanceId(monthly.getId()).activityId(BOUNDARY_EVENT_OVERDUE).timers().singleResult();
    assertThat(overdue.getDuedate()).isBefore(java.util.Date.from(java.time.Instant.now().plusSeconds(120)));
    execute(overdue);
    execute(job(monthly.getId(), SERVICE_TASK_SEND_OVERDUE_REMINDER));
    String prefix = "delivery-" + deliveryId + "-overdue-1-";
    List<ProcessInstance> dispatches = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKeyLike(prefix + "%").list();
    assertThat(dispatches).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(prefix + "jmueller", prefix + "tschmitt");
    dispatches.forEach(dispatch -> execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL)));

    List<MimeMessage> mails = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
        .filter(mail -> messageIdStartsWith(mail, prefix)).toList();
    assertThat(mails).hasSize(2);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).startsWith("1. Mahnung: Monatliche Meldung der Anfragen").endsWith(" überfällig");
    String text = text(mail);
    assertThat(text).contains("Guten Tag ", "Maßnahme: M 14", "Zeitraum: ", "Fällig am: ", "Dies ist die 1. Mahnung",
        application.taskLink(deliver.getId()));

    // the same reminder once more (a repeated job): no second message, no second mail
    transaction.executeWithoutResult(status -> deliveries.remindBeforeDue(deliveryId));
    long messages = jdbc.queryForObject("select count(*) from notification_outbox where notification_key like ?", Long.class,
        "delivery-" + deliveryId + "-%");
    assertThat(messages).as("past its due date: no 'before due' reminder").isEqualTo(2);

    // the next month opens when this one ends (its timer is due already) and is reminded before its due date
    ProcessInstance agreement = runtime.createProcessInstanceQuery().processInstanceId(
        runtime.createProcessInstanceQuery().subProcessInstanceId(monthly.getId()).singleResult().getId()).singleResult();
    execute(job(agreement.getId(), DataAgreementProcess.TIMER_NEXT_PERIOD));
    execute(job(agreement.getId(), DataAgreementProcess.SERVICE_TASK_OPEN_PERIOD));
    ProcessInstance next = deliveryProcesses(key).stream().filter(p -> !p.getId().equals(monthly.getId())
        && "MONTHLY".equals(delivery(p.getId()).get("frequency"))).findFirst().orElseThrow();
    Long nextId = ((Number) delivery(next.getId()).get("id")).longValue();
    transaction.executeWithoutResult(status -> deliveries.remindBeforeDue(nextId));
    transaction.executeWithoutResult(status -> deliveries.remindBeforeDue(nextId));
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where notification_key like ?", Long.class,
        "delivery-" + nextId + "-before-due-%")).as("one per member of the Jugendamt, however often").isEqualTo(2);
  }

  @Test
  void anHttpSourceIsFetchedThroughConnectAndGoesStraightToTheCoordinatingUnit() {
    String key = importWithMonitoring("SRC", "http://127.0.0.1:" + source.getAddress().getPort() + "/m14.json");
    openFirstPeriods(key);
    ProcessInstance monthly = deliveryOf(key, "MONTHLY");
    assertThat(openTasks(monthly.getId(), USER_TASK_DELIVER_DATA)).isEmpty();

    execute(job(monthly.getId(), SERVICE_TASK_FETCH_FROM_SOURCE));

    Map<String, Object> fetched = delivery(monthly.getId());
    assertThat(fetched).containsEntry("state", "SUBMITTED").containsEntry("submitted_by", "quelle");
    assertThat(jdbc.queryForList("select numeric_value from delivery_value where delivery_id = ? order by indicator_id",
        java.math.BigDecimal.class, fetched.get("id"))).usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(new java.math.BigDecimal("12"), new java.math.BigDecimal("35.5"));
    assertThat(candidateGroups(singleTask(monthly.getId(), USER_TASK_CHECK_DELIVERY).getId())).containsExactly("sozialplanung");
  }

  @Test
  void theTalkFormTakesAnIsoCycleAndAnHttpSource_onlyFromAnAllowedAddress() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "CYC") + "-M12";
    ProcessInstance phaseOne = phaseOne(key);
    TasklistSession abecker = login("abecker");
    Task schedule = singleTask(phaseOne.getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK);
    abecker.claim(schedule.getId());
    assertThat(abecker.submitForm(schedule.getId(), form().text("talkDate", "2018-10-15")
        .json("participants", List.of("abecker", "jmueller")).toJson()).statusCode()).isEqualTo(204);
    Task results = singleTask(phaseOne.getId(), MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS);
    abecker.claim(results.getId());
    java.util.function.Function<Map<String, String>, String> submission = agreement -> form().text("heldOn", "2018-10-15")
        .text("approach", "Bestandsanalyse").json("dataAgreements", List.of(agreement))
        .text("protocolText", "Protokoll").toJson();

    HttpResponse<String> badCycle = abecker.submitForm(results.getId(), submission.apply(Map.of("office", "jugendamt",
        "data", "Anfragen", "frequency", "CYCLE", "cycle", "alle zwei Monate", "firstDue", "2019-02-28")));
    assertThat(badCycle.statusCode()).isEqualTo(400);
    assertThat(badCycle.body()).contains("im Format ISO 8601", "nicht „alle zwei Monate“");
    HttpResponse<String> foreignSource = abecker.submitForm(results.getId(), submission.apply(Map.of("office", "jugendamt",
        "data", "Anfragen", "frequency", "CYCLE", "cycle", "P2M", "firstDue", "2019-02-28",
        "source", "http://intranet.example/daten.csv")));
    assertThat(foreignSource.statusCode()).isEqualTo(400);
    assertThat(foreignSource.body()).contains("„http://intranet.example/daten.csv“ ist für den automatischen Abruf nicht freigegeben");
    assertThat(jdbc.queryForObject("select count(*) from data_agreement where measure_id = ?", Long.class, measureId(key)))
        .as("nothing half-written").isZero();

    assertThat(abecker.submitForm(results.getId(), submission.apply(Map.of("office", "jugendamt", "data", "Anfragen",
        "frequency", "CYCLE", "cycle", "p2m", "firstDue", "2019-02-28",
        "source", "http://127.0.0.1:" + source.getAddress().getPort() + "/m14.csv", "sourceFormat", "CSV"))).statusCode())
        .isEqualTo(204);
    assertThat(jdbc.queryForMap("select frequency, cycle, source_url, source_format from data_agreement where measure_id = ?",
        measureId(key))).containsEntry("frequency", "CYCLE").containsEntry("cycle", "P2M")
        .containsEntry("source_url", "http://127.0.0.1:" + source.getAddress().getPort() + "/m14.csv")
        .containsEntry("source_format", "CSV");
  }

  private static boolean messageIdStartsWith(MimeMessage mail, String keyPrefix) {
    try {
      String idPrefix = NotificationDispatch.messageId(keyPrefix).replace("@umsetzungsmonitor>", "");
      return mail.getMessageID() != null && mail.getMessageID().startsWith(idPrefix);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage mail) {
    try {
      return (String) mail.getContent();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
