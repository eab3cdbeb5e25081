package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.END_EVENT_MONITORING_AGREED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Phase I of M 12 (no history in the file) from the first to the last step, done the way users do
 * it: logged in to Tasklist, claiming tasks and submitting the Camunda Forms through the engine API
 * the Tasklist frontend calls. Every effect is read back from our tables.
 */
@PostgresIntegrationTest
class PhaseOneFlowPostgresTest extends PostgresTestSupport {

  private static final String PROTOCOL_TEXT = "Die Fachstelle und das Jugendamt vereinbaren eine Bestandsanalyse"
      + " der Ausbildungskapazitäten in der Pflege.";

  @Test
  void talkScheduledHeldSignedByAllAndIndicatorsConcretised_endsWithMonitoringAgreed() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "FLOW");
    String key = code + "-M12";
    ProcessInstance phaseOne = phaseOne(key);
    Instant before = Instant.now();
    TasklistSession abecker = login("abecker");
    TasklistSession jmueller = login("jmueller");

    // 1. Gespräch terminieren: the coordinating unit picks date and participants
    Task schedule = singleTask(phaseOne.getId(), USER_TASK_SCHEDULE_TALK);
    assertThat(candidateGroups(schedule.getId())).containsExactly("sozialplanung");
    assertThat(abecker.deployedForm(schedule.getId()).body()).contains("\"id\"", "scheduleTalk");
    HttpResponse<String> options = abecker.formVariables(schedule.getId());
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.body()).contains("participantOptions", "abecker", "kschneider", "jmueller", "tschmitt")
        .doesNotContain("mfischer");
    assertNoContent(abecker.claim(schedule.getId()));
    assertNoContent(abecker.submitForm(schedule.getId(), form()
        .text("talkDate", "2018-10-15").text("talkTime", "10:00").text("talkLocation", "Rathaus, Raum 101")
        .json("participants", List.of("abecker", "jmueller")).toJson()));

    assertThat(measurePhase(key)).isEqualTo("TALK_SCHEDULED");
    Map<String, Object> talk = jdbc.queryForMap("select * from talk where measure_id = ?", measureId(key));
    assertThat(talk.get("scheduled_for")).hasToString("2018-10-15");
    assertThat(talk.get("scheduled_time")).hasToString("10:00:00");
    assertThat(talk).containsEntry("location", "Rathaus, Raum 101").containsEntry("created_by", "abecker");
    assertThat(jdbc.queryForList("select tp.user_id || '@' || o.code from talk_participant tp join office o on o.id = tp.office_id"
        + " where tp.talk_id = ? order by tp.id", String.class, talk.get("id")))
        .containsExactly("abecker@sozialplanung", "jmueller@jugendamt");

    // 2. Gesprächsergebnisse erfassen: approach, task areas, data agreements, protocol text
    Task results = singleTask(phaseOne.getId(), USER_TASK_RECORD_TALK_RESULTS);
    assertNoContent(abecker.claim(results.getId()));
    assertNoContent(abecker.submitForm(results.getId(), form()
        .text("heldOn", "2018-10-15")
        .text("approach", "Bestandsanalyse")
        .json("taskAreas", List.of(
            Map.of("office", "jugendamt", "description", "Erhebung der Ausbildungsplätze bei Pflegeschulen"),
            Map.of("office", "sozialplanung", "description", "Aufnahme in das Monitoring")))
        .json("dataAgreements", List.of(Map.of("office", "jugendamt", "data", "Anzahl der Ausbildungsplätze in der Pflege",
            "frequency", "YEARLY", "firstDue", "2019-03-31")))
        .text("remarks", "Pflegeschulen werden einbezogen.")
        .text("protocolText", PROTOCOL_TEXT).toJson()));

    assertThat(measurePhase(key)).isEqualTo("PROTOCOL_IN_SIGNATURE");
    talk = jdbc.queryForMap("select * from talk where measure_id = ?", measureId(key));
    assertThat(talk.get("held_on")).hasToString("2018-10-15");
    assertThat(talk).containsEntry("approach", "Bestandsanalyse").containsEntry("remarks", "Pflegeschulen werden einbezogen.");
    assertThat(jdbc.queryForList("select o.code || ': ' || ta.description from task_area ta join office o on o.id = ta.office_id"
        + " where ta.talk_id = ? order by ta.position", String.class, talk.get("id")))
        .containsExactly("jugendamt: Erhebung der Ausbildungsplätze bei Pflegeschulen", "sozialplanung: Aufnahme in das Monitoring");
    assertThat(jdbc.queryForList("select o.code || ' ' || d.frequency || ' ' || d.first_due || ' ' || d.data_description"
        + " from data_agreement d join office o on o.id = d.supplier_office_id where d.measure_id = ?", String.class, measureId(key)))
        .containsExactly("jugendamt YEARLY 2019-03-31 Anzahl der Ausbildungsplätze in der Pflege");
    assertThat(protocolState(key)).isEqualTo("IN_SIGNATURE");
    assertThat(jdbc.queryForList("select version_no || ' ' || created_by || ' ' || text from protocol_version where protocol_id = ?",
        String.class, protocolId(key))).containsExactly("1 abecker " + PROTOCOL_TEXT);

    // 3. Protokoll prüfen und unterzeichnen: one task per participant, in their list and their office's queue
    ProcessInstance signOff = signOff(key);
    assertThat(signOff).as("sign-off started under the measure's business key").isNotNull();
    assertThat(openTasks(signOff.getId(), USER_TASK_SIGN_PROTOCOL)).hasSize(2);
    Task jmuellersTask = signingTaskOf(signOff.getId(), "jmueller");
    Task abeckersTask = signingTaskOf(signOff.getId(), "abecker");
    assertThat(candidateGroups(jmuellersTask.getId())).containsExactly("jugendamt");
    assertThat(candidateGroups(abeckersTask.getId())).containsExactly("sozialplanung");
    assertThat(jmueller.formVariables(jmuellersTask.getId()).body()).contains("Ausbildungskapazitäten", "protocolVersion");

    assertNoContent(jmueller.claim(jmuellersTask.getId()));
    assertNoContent(jmueller.submitForm(jmuellersTask.getId(), signForm()));
    assertThat(protocolState(key)).as("one signature of two").isEqualTo("IN_SIGNATURE");
    assertThat(openTasks(signOff.getId(), USER_TASK_SIGN_PROTOCOL)).extracting(Task::getId).containsExactly(abeckersTask.getId());

    assertNoContent(abecker.claim(abeckersTask.getId()));
    assertNoContent(abecker.submitForm(abeckersTask.getId(), signForm()));

    // protocol in force: who signed which version when
    assertThat(protocolState(key)).isEqualTo("IN_FORCE");
    assertThat(signOff(key)).as("sign-off ended").isNull();
    List<Map<String, Object>> signed = jdbc.queryForList("select tp.user_id, pv.version_no, s.signed_by, s.signed_at"
        + " from signature s join protocol_version pv on pv.id = s.protocol_version_id"
        + " join talk_participant tp on tp.id = s.participant_id where pv.protocol_id = ? order by s.signed_at",
        protocolId(key));
    assertThat(signed).extracting(row -> row.get("user_id") + " v" + row.get("version_no") + " by " + row.get("signed_by"))
        .containsExactly("jmueller v1 by jmueller", "abecker v1 by abecker");
    Instant lastSignature = signed.stream().map(row -> ((Timestamp) row.get("signed_at")).toInstant())
        .peek(at -> assertThat(at).isBetween(before, Instant.now()))
        .max(Instant::compareTo).orElseThrow();
    Timestamp inForceSince = jdbc.queryForObject("select in_force_since from protocol where id = ?", Timestamp.class, protocolId(key));
    assertThat(inForceSince.toInstant()).isEqualTo(lastSignature);
    assertThat(measurePhase(key)).isEqualTo("INDICATORS_PENDING");

    // 4. Indikatoren konkretisieren: the last step; the instance ends with the monitoring agreed
    Task indicators = singleTask(phaseOne.getId(), USER_TASK_CONCRETISE_INDICATORS);
    assertNoContent(abecker.claim(indicators.getId()));
    assertNoContent(abecker.submitForm(indicators.getId(), form()
        .json("indicators", List.of(Map.of("name", "Ausbildungsplätze in der Pflege",
            "definition", "Plätze an Pflegeschulen in Koblenz zum 31.12.", "unit", "Anzahl", "sourceOffice", "jugendamt")))
        .toJson()));

    assertThat(measurePhase(key)).isEqualTo("MONITORING_AGREED");
    assertThat(phaseOne(key)).as("Phase I instance ended").isNull();
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(phaseOne.getId()).singleResult();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(ended.getEndActivityId()).isEqualTo(END_EVENT_MONITORING_AGREED);
    assertThat(jdbc.queryForList("select i.name || ' [' || i.unit || '] ' || o.code || ' ' || i.created_by from indicator i"
        + " join office o on o.id = i.source_office_id where i.measure_id = ?", String.class, measureId(key)))
        .containsExactly("Ausbildungsplätze in der Pflege [Anzahl] jugendamt abecker");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(USER_TASK_SIGN_PROTOCOL).list())
        .extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("abecker", "jmueller");
  }

  private static String signForm() {
    return form().text("signatureDecision", "sign").number("protocolVersion", 1).text("protocolText", PROTOCOL_TEXT).toJson();
  }

  private static void assertNoContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("HTTP status, body: %s", response.body()).isEqualTo(204);
  }
}
