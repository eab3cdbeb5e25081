package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Only the participant signs their own protocol, and a refused form comes back as the user's
 * mistake (HTTP 400 with the German reason), never as a server error, whether through Tasklist or
 * the engine's REST API. M 11 of the imported file: abecker has signed, jmueller's task is open.
 */
@PostgresIntegrationTest
class ProtocolSignatureRefusalPostgresTest extends PostgresTestSupport {

  @Autowired
  private TestRestTemplate rest;

  private String key;
  private Task jmuellersTask;

  @BeforeEach
  void protocolWaitingForJuliaMueller() {
    key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REFUSE") + "-M11";
    jmuellersTask = signingTaskOf(signOff(key).getId(), "jmueller");
    assertThat(signatures(key)).containsExactly("v1 abecker");
  }

  @Test
  void signatureByAColleagueOfTheParticipant_isRefusedInGerman_andTheTaskStaysOpen() {
    // Thomas Schmitt works in the same office and sees the task in the office's queue
    TasklistSession tschmitt = login("tschmitt");
    assertThat(candidateGroups(jmuellersTask.getId())).containsExactly("jugendamt");
    assertThat(tschmitt.claim(jmuellersTask.getId()).statusCode()).isEqualTo(204);

    HttpResponse<String> refused = tschmitt.submitForm(jmuellersTask.getId(), signForm("sign"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Diese Aufgabe gehört Julia Müller. Nur Julia Müller kann das Protokoll unterzeichnen.");
    assertTaskStillOpenAndNothingSigned();
  }

  @Test
  void invalidDecisionThroughTasklist_isBadRequestWithGermanMessage() {
    TasklistSession jmueller = login("jmueller");
    assertThat(jmueller.claim(jmuellersTask.getId()).statusCode()).isEqualTo(204);

    HttpResponse<String> refused = jmueller.submitForm(jmuellersTask.getId(), signForm("vielleicht"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Bitte wählen: unterzeichnen oder um eine Änderung bitten.");
    assertTaskStillOpenAndNothingSigned();
  }

  @Test
  void invalidDecisionThroughEngineRest_isBadRequestWithGermanMessage() {
    ResponseEntity<String> refused = submitThroughEngineRest(signForm("vielleicht"), "jmueller");

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Bitte wählen: unterzeichnen oder um eine Änderung bitten.");
    assertTaskStillOpenAndNothingSigned();
  }

  /** {@code /engine-rest} needs a login: without one nothing reaches the engine. */
  @Test
  void signatureThroughEngineRest_withoutLogin_isUnauthorized() {
    ResponseEntity<String> refused = submitThroughEngineRest(signForm("sign"), null);

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(401);
    assertTaskStillOpenAndNothingSigned();
  }

  /** With a login the request runs as its caller, so the signature names the real user. */
  @Test
  void signatureThroughEngineRest_withTheParticipantsLogin_isRecordedForHer() {
    ResponseEntity<String> signed = submitThroughEngineRest(signForm("sign"), "jmueller");

    assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(204);
    assertThat(signatures(key)).containsExactly("v1 abecker", "v1 jmueller");
  }

  private ResponseEntity<String> submitThroughEngineRest(String variables, String userId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (userId != null) {
      headers.setBasicAuth(userId, TestIdentities.password());
    }
    return rest.postForEntity("/engine-rest/task/" + jmuellersTask.getId() + "/submit-form",
        new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
  }

  private void assertTaskStillOpenAndNothingSigned() {
    assertThat(openTasks(signOff(key).getId(), USER_TASK_SIGN_PROTOCOL)).extracting(Task::getId)
        .containsExactly(jmuellersTask.getId());
    assertThat(signatures(key)).containsExactly("v1 abecker");
    assertThat(protocolState(key)).isEqualTo("IN_SIGNATURE");
    assertThat(runtime.getVariables(signOff(key).getId())).doesNotContainKey("signatureDecision");
  }

  private static String signForm(String decision) {
    return form().text("signatureDecision", decision).number("protocolVersion", 1).toJson();
  }
}
