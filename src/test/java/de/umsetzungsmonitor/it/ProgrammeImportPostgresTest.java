package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.CALL_ACTIVITY_PROTOCOL_SIGN_OFF;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static de.umsetzungsmonitor.support.ProgrammeFiles.lineOf;
import static de.umsetzungsmonitor.support.ProgrammeFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TableCounts;
import de.umsetzungsmonitor.support.TestIdentities;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/programmes} with the shipped programme files: every measure gets its Phase I
 * instance at the step its history has reached, a second import of the same file changes nothing,
 * and a refused file (or caller) leaves every table as it was.
 */
@PostgresIntegrationTest
class ProgrammeImportPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  /** The seed's table (status 21.09.2018): talk date and approach of the twelve measures with a talk. */
  private static final Map<String, String> SEED_TALKS = new LinkedHashMap<>();

  static {
    SEED_TALKS.put("M 11", "2018-09-20 Einbringung in Pflegekonferenz");
    SEED_TALKS.put("M 14", "2018-06-28 Befragung");
    SEED_TALKS.put("M 21", "2018-09-20 Übersicht zum Sozialwohnungsbau und neu ausgewiesenen Bauflächen");
    SEED_TALKS.put("M 22", "2018-09-20 Öffentlichkeitsarbeit und Lotsenfunktion");
    SEED_TALKS.put("M 23", "2018-09-20 Bestandsanalyse");
    SEED_TALKS.put("M 24", "2018-09-20 Beachtung der Auflagen bei geeigneten Flächen und in geeigneter Weise,"
        + " so z.B. 20% Quote sozialer Wohnungsbau bei Areal Fritsch-Kaserne");
    SEED_TALKS.put("M 31", "2018-06-28 Bestandsanalyse");
    SEED_TALKS.put("M 32", "2018-08-27 Monitoring");
    SEED_TALKS.put("M 33", "2018-09-05 Anpassung Monitoring der sozialen Belastung");
    SEED_TALKS.put("M 41", "2018-08-30 Bestandsanalyse");
    SEED_TALKS.put("M 42", "2018-08-30 Bestandsanalyse");
    SEED_TALKS.put("M 43", "2018-09-20 Prüfung der Möglichkeiten nach Start des neuen Internetauftritts");
  }

  /** Talks up to 05.09.2018: protocol signed by all, indicators still to be concretised. */
  private static final List<String> PROTOCOL_IN_FORCE = List.of("M14", "M31", "M32", "M33", "M41", "M42");

  /** Talks of 20.09.2018: who still has to sign (abecker signed M 11 and M 21 on 21.09.). */
  private static final Map<String, List<String>> STILL_TO_SIGN = Map.of(
      "M11", List.of("jmueller"),
      "M21", List.of("mfischer"),
      "M22", List.of("abecker", "jmueller", "mfischer"),
      "M23", List.of("abecker", "mfischer"),
      "M24", List.of("abecker", "lweber", "mfischer"),
      "M43", List.of("abecker", "pkoch"));

  @Autowired
  private TestRestTemplate rest;

  @Test
  void sozialeLage2015_startsEveryMeasureAtTheStepItHadReachedOnTheSeedsDate() throws Exception {
    ResponseEntity<String> response = postAs(TestIdentities.ADMIN, ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.getBody());
    assertThat(result.get("programme").asText()).isEqualTo("SL2015");
    assertThat(result.get("programmeCreated").asBoolean()).isTrue();
    assertThat(result.get("measuresCreated").asInt()).isEqualTo(14);
    assertThat(result.get("processesStarted").asInt()).isEqualTo(14);
    assertThat(result.get("changed").asBoolean()).isTrue();

    assertThat(jdbc.queryForList("select m.code from measure m join programme p on p.id = m.programme_id"
        + " where p.code = 'SL2015' order by m.position", String.class)).containsExactly(
        "M 11", "M 12", "M 13", "M 14", "M 21", "M 22", "M 23", "M 24", "M 31", "M 32", "M 33", "M 41", "M 42", "M 43");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .processInstanceBusinessKeyLike("SL2015-%").list()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("SL2015-M11", "SL2015-M12", "SL2015-M13", "SL2015-M14", "SL2015-M21", "SL2015-M22",
            "SL2015-M23", "SL2015-M24", "SL2015-M31", "SL2015-M32", "SL2015-M33", "SL2015-M41", "SL2015-M42", "SL2015-M43");

    // M 12 and M 13: the talk is still being scheduled
    for (String measure : List.of("M12", "M13")) {
      String key = "SL2015-" + measure;
      Task schedule = singleTask(phaseOne(key).getId(), USER_TASK_SCHEDULE_TALK);
      assertThat(candidateGroups(schedule.getId())).containsExactly("sozialplanung");
      assertThat(measurePhase(key)).isEqualTo("TALK_PENDING");
      assertThat(jdbc.queryForObject("select count(*) from talk where measure_id = ?", Long.class, measureId(key))).isZero();
    }
    // talks up to 05.09.2018: protocol in force since the last signature, indicators are next
    for (String measure : PROTOCOL_IN_FORCE) {
      String key = "SL2015-" + measure;
      singleTask(phaseOne(key).getId(), USER_TASK_CONCRETISE_INDICATORS);
      assertThat(signOff(key)).isNull();
      assertThat(protocolState(key)).isEqualTo("IN_FORCE");
      assertThat(measurePhase(key)).isEqualTo("INDICATORS_PENDING");
    }
    Timestamp m33InForce = jdbc.queryForObject("select in_force_since from protocol where id = ?", Timestamp.class,
        protocolId("SL2015-M33"));
    assertThat(m33InForce.toInstant()).isEqualTo(LocalDateTime.parse("2018-09-14T12:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());
    // talks of 20.09.2018: inside the sign-off, one task per participant who has not signed yet
    for (Map.Entry<String, List<String>> entry : STILL_TO_SIGN.entrySet()) {
      String key = "SL2015-" + entry.getKey();
      assertThat(runtime.getActiveActivityIds(phaseOne(key).getId())).containsExactly(CALL_ACTIVITY_PROTOCOL_SIGN_OFF);
      ProcessInstance signOff = signOff(key);
      assertThat(signOff).as("sign-off of %s", key).isNotNull();
      assertThat(runtime.getActiveActivityIds(signOff.getId())).containsOnly(USER_TASK_SIGN_PROTOCOL);
      assertThat(openTasks(signOff.getId(), USER_TASK_SIGN_PROTOCOL)).as(key)
          .flatExtracting(task -> candidateUsers(task.getId()))
          .containsExactlyInAnyOrderElementsOf(entry.getValue());
      job(signOff.getId(), BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE);
      assertThat(protocolState(key)).isEqualTo("IN_SIGNATURE");
      assertThat(measurePhase(key)).isEqualTo("PROTOCOL_IN_SIGNATURE");
    }
    assertThat(signatures("SL2015-M11")).containsExactly("v1 abecker");
    assertThat(signatures("SL2015-M21")).containsExactly("v1 abecker");

    // the talk table says what the seed says
    Map<String, String> talks = new LinkedHashMap<>();
    jdbc.query("select m.code, t.held_on, t.approach from talk t join measure m on m.id = t.measure_id"
        + " join programme p on p.id = m.programme_id where p.code = 'SL2015' order by m.position",
        row -> {
          talks.put(row.getString("code"), row.getDate("held_on") + " " + row.getString("approach"));
        });
    assertThat(talks).containsExactlyInAnyOrderEntriesOf(SEED_TALKS);
    assertThat(jdbc.queryForObject("select count(*) from talk t join measure m on m.id = t.measure_id"
        + " join programme p on p.id = m.programme_id where p.code = 'SL2015' and t.scheduled_for <> t.held_on",
        Long.class)).as("talks held on their scheduled date").isZero();
    assertThat(jdbc.queryForObject("select t.remarks from talk t where t.measure_id = ?", String.class,
        measureId("SL2015-M23"))).isEqualTo("Zuständigkeit der Umsetzung liegt beim Land");
    assertThat(jdbc.queryForObject("select count(*) from data_agreement where measure_id = ?", Long.class,
        measureId("SL2015-M21"))).isEqualTo(2);
  }

  @Test
  void bildungsbuero_startsPhaseOneOfEveryMeasureWithTheTalkToSchedule() throws Exception {
    ResponseEntity<String> response = postAs(TestIdentities.ADMIN, ProgrammeFiles.read(ProgrammeFiles.BILDUNGSBUERO));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.getBody());
    assertThat(result.get("programme").asText()).isEqualTo("BB2017");
    assertThat(result.get("measuresCreated").asInt()).isEqualTo(23);
    assertThat(result.get("processesStarted").asInt()).isEqualTo(23);
    assertThat(jdbc.queryForObject("select count(*) from field_of_action f join programme p on p.id = f.programme_id"
        + " where p.code = 'BB2017'", Long.class)).isEqualTo(9);
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseOneProcess.KEY)
        .processInstanceBusinessKeyLike("BB2017-%").list();
    assertThat(instances).hasSize(23).extracting(ProcessInstance::getBusinessKey).contains("BB2017-IPF1", "BB2017-HSK2");
    for (ProcessInstance instance : instances) {
      Task schedule = singleTask(instance.getId(), USER_TASK_SCHEDULE_TALK);
      assertThat(candidateGroups(schedule.getId())).containsExactly("bildungsbuero");
    }
    assertThat(jdbc.queryForList("select distinct phase from measure m join programme p on p.id = m.programme_id"
        + " where p.code = 'BB2017'", String.class)).containsExactly("TALK_PENDING");
  }

  @Test
  void importingTheSameFileAgain_changesNothing() throws Exception {
    String content = ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), ProgrammeFiles.uniqueCode("AGAIN"));
    assertThat(postAs(TestIdentities.ADMIN, content).getStatusCode().value()).isEqualTo(200);
    Map<String, Long> before = TableCounts.all(jdbc);
    long instancesBefore = runtime.createProcessInstanceQuery().count();

    ResponseEntity<String> again = postAs(TestIdentities.ADMIN, content);

    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
    JsonNode result = JSON.readTree(again.getBody());
    assertThat(result.get("changed").asBoolean()).isFalse();
    assertThat(result.get("programmeCreated").asBoolean()).isFalse();
    assertThat(result.get("measuresCreated").asInt()).isZero();
    assertThat(result.get("measuresUpdated").asInt()).isZero();
    assertThat(result.get("processesStarted").asInt()).isZero();
    assertThat(TableCounts.all(jdbc)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void callersOtherThanAdministrators_areTurnedAway_andNothingIsWritten() {
    String content = ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), ProgrammeFiles.uniqueCode("DENY"));
    Map<String, Long> before = TableCounts.all(jdbc);

    assertThat(post(rest, content).getStatusCode().value()).as("no credentials").isEqualTo(401);
    // not the admin: a failed login makes Camunda delay the account's next logins for a few seconds
    assertThat(post(rest.withBasicAuth("nrichter", "falsch"), content).getStatusCode().value())
        .as("wrong password").isEqualTo(401);
    assertThat(postAs("abecker", content).getStatusCode().value()).as("coordinating unit, not admin").isEqualTo(403);

    assertThat(TableCounts.all(jdbc)).isEqualTo(before);
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        invalid("unknown lead office",
            file -> replaceOnce(file, "leadOffices: [liegenschaften, stadtplanung]", "leadOffices: [liegenschaften, finanzamt]"),
            "leadOffices: [liegenschaften, finanzamt]", "measures[7].leadOffices[1]", "unbekannte Stelle „finanzamt“"),
        invalid("impossible date",
            file -> replaceOnce(file, "scheduledFor: 2018-06-28", "scheduledFor: 2018-06-31"),
            "scheduledFor: 2018-06-31", "measures[3].history.talk.scheduledFor",
            "ungültiger Wert „2018-06-31“ (erwartet wird ein Datum JJJJ-MM-TT)"),
        invalid("unknown field",
            file -> replaceOnce(file, "  - code: M 43\n", "  - code: M 43\n    colour: blau\n"),
            "colour: blau", "measures[13].colour", "unbekanntes Feld „colour“"),
        invalid("broken YAML",
            file -> replaceOnce(file, "committee: Sozialausschuss", "committee: Sozial: ausschuss"),
            "committee: Sozial: ausschuss", null, "Die Datei ist kein gültiges YAML"),
        invalid("no participants",
            file -> replaceOnce(file, "participants: [abecker, jmueller]", "participants: []"),
            "participants: []", "measures[0].history.talk.participants", "muss mindestens eine teilnehmende Person nennen"),
        invalid("unknown user",
            file -> replaceOnce(file, "participants: [abecker, pkoch]", "participants: [abecker, pkoch, hmeier]"),
            "participants: [abecker, pkoch, hmeier]", "measures[13].history.talk.participants[2]",
            "unbekannte Person „hmeier“ (kein Benutzerkonto)"));
  }

  private static Arguments invalid(String what, UnaryOperator<String> breakIt, String lineText, String field, String message) {
    return Arguments.of(what, breakIt, lineText, field, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void invalidFile_isRefusedWithLineFieldAndGermanReason_andNothingIsWritten(String what, UnaryOperator<String> breakIt,
      String lineText, String field, String message) throws Exception {
    String content = breakIt.apply(ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE),
        ProgrammeFiles.uniqueCode("BAD")));
    Map<String, Long> before = TableCounts.all(jdbc);

    ResponseEntity<String> response = postAs(TestIdentities.ADMIN, content);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.get("message").asText()).isEqualTo("Die Datei wurde nicht importiert, nichts wurde gespeichert.");
    assertThat(body.get("errors")).as(response.getBody()).hasSize(1);
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("line").asInt()).as("line of: %s", lineText).isEqualTo(lineOf(content, lineText));
    if (field == null) {
      assertThat(error.path("field").isMissingNode() || error.get("field").isNull()).as(error.toString()).isTrue();
    } else {
      assertThat(error.get("field").asText()).isEqualTo(field);
    }
    assertThat(error.get("message").asText()).contains(message);
    assertThat(TableCounts.all(jdbc)).as("row counts of every table, ACT_RU_EXECUTION included").isEqualTo(before);
    assertThat(before).containsKey("act_ru_execution").containsKey("measure");
  }

  private ResponseEntity<String> postAs(String userId, String content) {
    return post(rest.withBasicAuth(userId, TestIdentities.password()), content);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(YAML);
    return client.postForEntity("/api/programmes", new HttpEntity<>(content, headers), String.class);
  }
}
