package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_REVISE_PROTOCOL;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A participant returns the protocol with a change request instead of signing: the round ends for
 * everybody, the coordinating unit writes version 2, and everyone signs again. Signatures under
 * version 1 stay on record, but only a complete set under version 2 puts the protocol in force.
 * M 22 of the imported file: abecker, mfischer and jmueller, nobody has signed yet.
 */
@PostgresIntegrationTest
class ProtocolRevisionPostgresTest extends PostgresTestSupport {

  private static final String REVISED = "Die Fachstelle, das Stadtplanungsamt und das Jugendamt haben die Umsetzung"
      + " von M 22 besprochen. Die Lotsenfunktion übernimmt das Jugendamt; es berichtet halbjährlich.";

  @Test
  void changeRequested_endsTheRound_newVersionIsSignedByAllAgain() {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REVISE") + "-M22";
    String signOff = signOff(key).getId();
    String versionOneText = jdbc.queryForObject("select text from protocol_version where protocol_id = ? and version_no = 1",
        String.class, protocolId(key));
    TasklistSession abecker = login("abecker");
    TasklistSession mfischer = login("mfischer");
    TasklistSession jmueller = login("jmueller");
    TasklistSession kschneider = login("kschneider");

    // Anna Becker signs version 1, then Markus Fischer asks for a change
    sign(abecker, signingTaskOf(signOff, "abecker"), 1);
    Task mfischersTask = signingTaskOf(signOff, "mfischer");
    assertNoContent(mfischer.claim(mfischersTask.getId()));
    assertNoContent(mfischer.submitForm(mfischersTask.getId(), form()
        .text("signatureDecision", "requestChange")
        .text("changeRequest", "Bitte festhalten, wer die Lotsenfunktion übernimmt.").toJson()));

    assertThat(openTasks(signOff, USER_TASK_SIGN_PROTOCOL)).as("Julia Müller's task is withdrawn").isEmpty();
    Task revise = singleTask(signOff, USER_TASK_REVISE_PROTOCOL);
    assertThat(candidateGroups(revise.getId())).containsExactly("sozialplanung");
    assertThat(jdbc.queryForList("select pv.version_no || ' ' || tp.user_id || ': ' || c.text from change_request c"
        + " join protocol_version pv on pv.id = c.protocol_version_id join talk_participant tp on tp.id = c.participant_id"
        + " where pv.protocol_id = ?", String.class, protocolId(key)))
        .containsExactly("1 mfischer: Bitte festhalten, wer die Lotsenfunktion übernimmt.");
    assertThat(protocolState(key)).isEqualTo("IN_SIGNATURE");

    // Katrin Schneider of the coordinating unit sees the request and writes version 2
    HttpResponse<String> reviseForm = kschneider.formVariables(revise.getId());
    assertThat(reviseForm.body()).contains("Markus Fischer: Bitte festhalten, wer die Lotsenfunktion übernimmt.")
        .contains(versionOneText.substring(0, 40));
    assertNoContent(kschneider.claim(revise.getId()));
    assertNoContent(kschneider.submitForm(revise.getId(), form().text("protocolText", REVISED).toJson()));

    assertThat(jdbc.queryForList("select version_no || ' ' || created_by from protocol_version where protocol_id = ?"
        + " order by version_no", String.class, protocolId(key))).containsExactly("1 import", "2 kschneider");
    assertThat(jdbc.queryForObject("select text from protocol_version where protocol_id = ? and version_no = 2",
        String.class, protocolId(key))).isEqualTo(REVISED);
    List<Task> secondRound = openTasks(signOff, USER_TASK_SIGN_PROTOCOL);
    assertThat(secondRound).as("everyone signs again, Anna Becker included")
        .flatExtracting(task -> candidateUsers(task.getId())).containsExactlyInAnyOrder("abecker", "mfischer", "jmueller");
    for (Task task : secondRound) {
      Map<String, Object> local = tasks.getVariablesLocal(task.getId());
      assertThat(local).containsEntry("protocolVersion", 2).containsEntry("protocolText", REVISED);
    }

    // everybody has now signed some version, but not yet all the same one: not in force
    sign(mfischer, signingTaskOf(signOff, "mfischer"), 2);
    sign(jmueller, signingTaskOf(signOff, "jmueller"), 2);
    assertThat(protocolState(key)).isEqualTo("IN_SIGNATURE");
    assertThat(signOff(key)).isNotNull();

    sign(abecker, signingTaskOf(signOff, "abecker"), 2);

    assertThat(protocolState(key)).isEqualTo("IN_FORCE");
    assertThat(signatures(key)).containsExactly("v1 abecker", "v2 mfischer", "v2 jmueller", "v2 abecker");
    assertThat(jdbc.queryForList("select distinct signed_by = tp.user_id from signature s"
        + " join talk_participant tp on tp.id = s.participant_id join protocol_version pv on pv.id = s.protocol_version_id"
        + " where pv.protocol_id = ?", Boolean.class, protocolId(key))).containsExactly(true);
    assertThat(signOff(key)).isNull();
    singleTask(phaseOne(key).getId(), USER_TASK_CONCRETISE_INDICATORS);
    assertThat(measurePhase(key)).isEqualTo("INDICATORS_PENDING");
  }

  private static void sign(TasklistSession session, Task task, int version) {
    assertNoContent(session.claim(task.getId()));
    assertNoContent(session.submitForm(task.getId(), form().text("signatureDecision", "sign")
        .number("protocolVersion", version).toJson()));
  }

  private static void assertNoContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("HTTP status, body: %s", response.body()).isEqualTo(204);
  }
}
