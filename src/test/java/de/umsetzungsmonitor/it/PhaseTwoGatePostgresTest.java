package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.USER_TASK_DECIDE_OVERRIDE;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.PhaseTwoGateProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The gate to Phase II on PostgreSQL: the declaration refused with the list of what is missing
 * (nothing written), the head's override with a recorded reason, a refusal, and a programme whose
 * internal information is complete opening Phase II at once.
 */
@PostgresIntegrationTest
class PhaseTwoGatePostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One measure through Phase I: talk held, protocol signed by all, an indicator, data first due far ahead. */
  private static final String COMPLETE_PROGRAMME = """
      code: %s
      title: Kleines Programm
      committee: Sozialausschuss
      coordinatingOffice: sozialplanung
      offices:
        - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}
        - {code: jugendamt, name: "Amt für Jugend, Familie, Senioren und Soziales"}
      fieldsOfAction:
        - {code: PFL, name: Pflege}
      measures:
        - code: M 1
          fieldOfAction: PFL
          text: Eine Maßnahme, deren Phase I vollständig dokumentiert ist.
          status: ongoing
          leadOffices: [jugendamt]
          history:
            talk:
              scheduledFor: 2018-06-28
              heldOn: 2018-06-28
              participants: [abecker, jmueller]
              approach: Befragung
              dataAgreements:
                - {office: jugendamt, data: Plätze in Betriebskitas, frequency: YEARLY, firstDue: 2099-12-31}
            protocol:
              text: Protokoll des Gesprächs.
              signatures:
                - {participant: abecker, signedOn: 2018-07-02}
                - {participant: jmueller, signedOn: 2018-07-03}
            indicators:
              - {name: Plätze in Betriebskitas, definition: Plätze zum 31.12., unit: Plätze, sourceOffice: jugendamt, type: COUNT}
      """;

  @Test
  void somethingMissing_declarationRefusedWithTheList_thenTheHeadOverridesWithAReason_andPhaseTwoBegins() throws IOException {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "GATE");
    BasicAuthClient abecker = client("abecker");
    String gate = "/api/programmes/" + code + "/phase-two";

    JsonNode status = json(abecker.get(gate), 200);
    assertThat(status.path("phaseTwoOpened").asBoolean()).isFalse();
    assertThat(status.path("missing").toString()).contains(
        "M 12: Das Gespräch hat noch nicht stattgefunden (noch nicht terminiert).",
        "M 11: Das Protokoll ist noch nicht von allen unterzeichnet (es fehlen: Julia Müller).",
        "M 14: Die Indikatoren sind noch nicht konkretisiert.");

    assertError(client("cwolf").postJson(gate, "{}"), 403, "Die Vollständigkeit erklärt die Fachstelle Sozialplanung");
    assertError(client("jmueller").postJson(gate, "{}"), 404, "Kein Programm " + code);
    HttpResponse<String> refused = abecker.postJson(gate, "{}");
    assertError(refused, 409, "Die Erklärung kann nicht angenommen werden");
    assertThat(JSON.readTree(refused.body()).path("details")).isEqualTo(status.path("missing"));
    assertThat(gateRows(code)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PhaseTwoGateProcess.KEY)
        .processInstanceBusinessKey(code + "_Phase_II").count()).isZero();

    HttpResponse<String> asked = abecker.postJson(gate, "{\"askForOverride\": true}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    assertThat(JSON.readTree(asked.body()).path("declarations").get(0).path("state").asText()).isEqualTo("AWAITING_OVERRIDE");
    assertError(abecker.postJson(gate, "{\"askForOverride\": true}"), 409, "entscheidet noch die Amtsleitung");

    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code + "_Phase_II").singleResult();
    Task decide = singleTask(instance.getId(), USER_TASK_DECIDE_OVERRIDE);
    assertThat(candidateGroups(decide.getId())).containsExactly("sozialplanungleitung");
    TasklistSession hbraun = login("hbraun");
    assertThat(hbraun.formVariables(decide.getId()).body()).contains("M 12: Das Gespräch hat noch nicht stattgefunden");
    assertThat(hbraun.claim(decide.getId()).statusCode()).isEqualTo(204);
    HttpResponse<String> noReason = hbraun.submitForm(decide.getId(), form().text("overrideDecision", "override").toJson());
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Begründung");
    assertThat(jdbc.queryForObject("select phase_two_opened_at is null from programme where code = ?", Boolean.class, code)).isTrue();
    assertThat(hbraun.submitForm(decide.getId(), form().text("overrideDecision", "override")
        .text("overrideReason", "Die Gespräche zu M 12 und M 13 folgen; Phase II soll nicht warten.").toJson()).statusCode())
        .isEqualTo(204);

    JsonNode opened = json(abecker.get(gate), 200);
    assertThat(opened.path("phaseTwoOpened").asBoolean()).isTrue();
    JsonNode declaration = opened.path("declarations").get(0);
    assertThat(declaration.path("state").asText()).isEqualTo("OPENED");
    assertThat(declaration.path("decidedBy").asText()).isEqualTo("hbraun");
    assertThat(declaration.path("reason").asText()).isEqualTo("Die Gespräche zu M 12 und M 13 folgen; Phase II soll nicht warten.");
    assertThat(declaration.path("missingThen").toString()).contains("M 12: Das Gespräch hat noch nicht stattgefunden");
    JsonNode report = json(abecker.get("/api/programmes/" + code + "/status-report"), 200);
    assertThat(report.path("phaseTwo").path("opened").asBoolean()).isTrue();
    assertThat(report.path("measures").get(0).path("steps").toString()).contains("Umsetzungsphase II begonnen");
    assertError(abecker.postJson(gate, "{}"), 409, "Umsetzungsphase II hat für " + code + " bereits am");
  }

  @Test
  void headRefuses_phaseTwoDoesNotBegin_andTheUnitMayDeclareAgainLater() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "GATENO");
    BasicAuthClient abecker = client("abecker");
    String gate = "/api/programmes/" + code + "/phase-two";
    assertThat(abecker.postJson(gate, "{\"askForOverride\": true}").statusCode()).isEqualTo(202);

    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code + "_Phase_II").singleResult();
    Task decide = singleTask(instance.getId(), USER_TASK_DECIDE_OVERRIDE);
    TasklistSession hbraun = login("hbraun");
    hbraun.claim(decide.getId());
    assertThat(hbraun.submitForm(decide.getId(), form().text("overrideDecision", "refuse")
        .text("overrideReason", "Erst die Protokolle unterzeichnen lassen.").toJson()).statusCode()).isEqualTo(204);

    JsonNode status = json(abecker.get(gate), 200);
    assertThat(status.path("phaseTwoOpened").asBoolean()).isFalse();
    assertThat(status.path("declarations").get(0).path("state").asText()).isEqualTo("REFUSED");
    assertThat(jdbc.queryForObject("select phase_two_opened_at is null from programme where code = ?", Boolean.class, code)).isTrue();
    assertThat(abecker.postJson(gate, "{\"askForOverride\": true}").statusCode()).as("a new declaration").isEqualTo(202);
  }

  @Test
  void everythingComplete_phaseTwoOpensAtOnce() {
    String code = ProgrammeFiles.uniqueCode("GATEOK");
    assertThat(imports.importProgramme(COMPLETE_PROGRAMME.formatted(code)).programmeCreated()).isTrue();
    BasicAuthClient abecker = client("abecker");

    assertThat(json(abecker.get("/api/programmes/" + code + "/phase-two"), 200).path("missing")).isEmpty();
    HttpResponse<String> declared = abecker.postJson("/api/programmes/" + code + "/phase-two", "{}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    JsonNode status = json(abecker.get("/api/programmes/" + code + "/phase-two"), 200);
    assertThat(status.path("phaseTwoOpened").asBoolean()).isTrue();
    assertThat(status.path("declarations").get(0).path("state").asText()).isEqualTo("OPENED");
    assertThat(status.path("declarations").get(0).has("decidedBy")).as("no override needed").isFalse();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code + "_Phase_II").count()).isZero();
  }

  private BasicAuthClient client(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  private long gateRows(String code) {
    return jdbc.queryForObject("select count(*) from phase_two_gate g join programme p on p.id = g.programme_id where p.code = ?",
        Long.class, code);
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("\"message\"").contains(message).doesNotContain("Exception");
  }
}
