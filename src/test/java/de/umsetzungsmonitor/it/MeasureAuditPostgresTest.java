package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who did what when for a measure: the import, claims and completions name the real user, and only
 * those who read the programme see the trail.
 */
@PostgresIntegrationTest
class MeasureAuditPostgresTest extends PostgresTestSupport {

  @Autowired
  private TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void importClaimAndCompletion_areRecordedWithTheRealUser_forTheProgrammesReadersOnly() throws Exception {
    String code = ProgrammeFiles.uniqueCode("AUDIT");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    headers.setBasicAuth("admin", TestIdentities.password());
    ResponseEntity<String> imported = rest.postForEntity("/api/programmes",
        new HttpEntity<>(ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), code), headers), String.class);
    assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    String key = code + "-M12";

    TasklistSession abecker = login("abecker");
    Task schedule = singleTask(phaseOne(key).getId(), USER_TASK_SCHEDULE_TALK);
    assertThat(abecker.claim(schedule.getId()).statusCode()).isEqualTo(204);
    assertThat(abecker.submitForm(schedule.getId(), form().text("talkDate", "2018-10-15")
        .json("participants", List.of("abecker", "jmueller")).toJson()).statusCode()).isEqualTo(204);

    List<String> trail = audit(key, "abecker", 200);
    assertThat(trail).contains(
        "admin: Vorgang gestartet",
        "abecker: Aufgabe übernommen (Aufgabe " + schedule.getId() + ")",
        "abecker: Aufgabe abgeschlossen (Aufgabe " + schedule.getId() + ")");
    assertThat(trail.indexOf("admin: Vorgang gestartet"))
        .isLessThan(trail.indexOf("abecker: Aufgabe abgeschlossen (Aufgabe " + schedule.getId() + ")"));

    // imported history of M 14: protocol signed by both participants before the application existed
    assertThat(audit(code + "-M14", "abecker", 200)).contains(
        "import: Protokoll Fassung 1 erstellt", "abecker: Protokoll Fassung 1 unterzeichnet",
        "jmueller: Protokoll Fassung 1 unterzeichnet", "null: Protokoll in Kraft (von allen unterzeichnet)");

    assertThat(audit(key, "cwolf", 200)).contains("abecker: Aufgabe abgeschlossen (Aufgabe " + schedule.getId() + ")");
    audit(key, "jwagner", 404);   // the other programme's coordinating unit
    audit(key, "jmueller", 404);  // an office reads its tasks, not the programme's trail
    audit(code + "-M99", "abecker", 404);
  }

  private List<String> audit(String businessKey, String userId, int expectedStatus) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(userId, TestIdentities.password())
        .getForEntity("/api/measures/" + businessKey + "/audit", String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expectedStatus);
    List<String> lines = new ArrayList<>();
    if (expectedStatus == 200) {
      for (JsonNode event : json.readTree(response.getBody())) {
        lines.add(event.path("userId").asText("null") + ": " + event.get("what").asText());
      }
    }
    return lines;
  }
}
