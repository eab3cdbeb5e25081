package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * People act at the same moment on the same protocol: three participants press "unterzeichnen"
 * together, two colleagues take the same task from their office's queue together. Every signature
 * is kept and the protocol comes into force once; of two claims one wins and the other hears in
 * German that someone was quicker, never a server error; the same programme file imported twice at
 * once creates each measure and its process once.
 */
@PostgresIntegrationTest
class ConcurrentUsersPostgresTest extends PostgresTestSupport {

  private static final List<String> OPEN_SIGNATORIES = List.of("jmueller", "tschmitt", "mfischer");

  private String key;

  @BeforeEach
  void protocolWaitingForThreeSignatures() {
    String code = ProgrammeFiles.uniqueCode("SAMETIME");
    imports.importProgramme(programme(code));
    key = code + "-M1";
    assertThat(signatures(key)).containsExactly("v1 abecker");
    assertThat(openTasks(signOff(key).getId(), "UserTask_SignProtocol")).hasSize(3);
  }

  @RepeatedTest(3)
  void threeParticipantsSignAtTheSameMoment_everySignatureIsKept_andTheProtocolComesIntoForce() throws Exception {
    String signOffId = signOff(key).getId();
    List<TasklistSession> sessions = new ArrayList<>();
    List<String> taskIds = new ArrayList<>();
    for (String user : OPEN_SIGNATORIES) {
      TasklistSession session = login(user);
      String taskId = signingTaskOf(signOffId, user).getId();
      assertThat(session.claim(taskId).statusCode()).isEqualTo(204);
      sessions.add(session);
      taskIds.add(taskId);
    }

    List<HttpResponse<String>> answers = together(OPEN_SIGNATORIES.size(),
        i -> sessions.get(i).submitForm(taskIds.get(i), form().text("signatureDecision", "sign").number("protocolVersion", 1).toJson()));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204));
    assertThat(signatures(key)).containsExactlyInAnyOrder("v1 abecker", "v1 jmueller", "v1 tschmitt", "v1 mfischer");
    assertThat(protocolState(key)).isEqualTo("IN_FORCE");
    assertThat(signOff(key)).as("the sign-off has ended").isNull();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
        Long.class, key, "ProtocolSignOffProcess")).isEqualTo(1);
  }

  @Test
  void twoColleaguesTakeTheSameTaskAtTheSameMoment_oneGetsIt_theOtherIsToldInGerman() throws Exception {
    // Julia Müller's signing task sits in the Jugendamt's queue, where Thomas Schmitt sees it too
    Task task = signingTaskOf(signOff(key).getId(), "jmueller");
    assertThat(candidateGroups(task.getId())).containsExactly("jugendamt");
    List<TasklistSession> sessions = List.of(login("jmueller"), login("tschmitt"));

    List<HttpResponse<String>> answers = together(2, i -> sessions.get(i).claim(task.getId()));

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
    HttpResponse<String> lost = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
    assertThat(lost.body()).contains("Diese Aufgabe hat gerade jemand anderes übernommen. Bitte laden Sie die Aufgabenliste neu.")
        .doesNotContain("claimed by someone else");
    String winner = answers.get(0).statusCode() == 204 ? "jmueller" : "tschmitt";
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(winner);
  }

  @RepeatedTest(2)
  void theSameNewProgrammeImportedTwiceAtTheSameMoment_createsEveryMeasureAndProcessOnce() throws Exception {
    String code = ProgrammeFiles.uniqueCode("TWICE");
    String file = programme(code).concat("""
          - code: M 2
            fieldOfAction: SOZ
            text: Eine zweite Maßnahme ohne Gespräch
            status: planned
            leadOffices: [jugendamt]
        """);
    BasicAuthClient admin = BasicAuthClient.as(baseUrl(), TestIdentities.ADMIN, TestIdentities.password());

    List<HttpResponse<String>> answers = together(2, i -> admin.post("/api/programmes", "application/yaml", file));

    assertThat(answers).extracting(HttpResponse::statusCode)
        .as(answers.stream().map(answer -> answer.statusCode() + " " + answer.body()).toList().toString()).contains(200)
        .allMatch(status -> status == 200 || status == 409);
    answers.stream().filter(answer -> answer.statusCode() == 409).forEach(refused -> assertThat(refused.body())
        .contains("Die Daten wurden gleichzeitig von anderer Seite geändert. Bitte versuchen Sie es noch einmal."));
    assertThat(jdbc.queryForObject("select count(*) from measure where business_key like ?", Long.class, code + "-%"))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'MeasurePhaseOneProcess'"
        + " and business_key_ like ?", Long.class, code + "-%")).isEqualTo(2);

    // sent again later, the file changes nothing
    HttpResponse<String> again = admin.post("/api/programmes", "application/yaml", file);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"changed\":false");
  }

  /** Runs the same step for {@code parties} people, released at one instant; the answers in their order. */
  private static <T> List<T> together(int parties, Function<Integer, T> step) throws Exception {
    CyclicBarrier start = new CyclicBarrier(parties);
    List<CompletableFuture<T>> running = new ArrayList<>();
    for (int i = 0; i < parties; i++) {
      int party = i;
      running.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return step.apply(party);
      }, runnable -> new Thread(runnable, "party-" + party).start()));
    }
    List<T> answers = new ArrayList<>();
    for (CompletableFuture<T> answer : running) {
      answers.add(answer.get());
    }
    return answers;
  }

  private static String programme(String code) {
    return """
        code: %s
        title: Gleichzeitige Unterschriften
        committee: Sozialausschuss
        coordinatingOffice: sozialplanung
        offices:
          - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}
          - {code: jugendamt, name: "Amt für Jugend, Familie, Senioren und Soziales"}
          - {code: stadtplanung, name: Amt für Stadtentwicklung und Bauordnung}
        fieldsOfAction:
          - {code: SOZ, name: Soziale Lage}
        measures:
          - code: M 1
            fieldOfAction: SOZ
            text: Eine Maßnahme, deren Protokoll drei Personen zugleich unterzeichnen
            status: ongoing
            leadOffices: [jugendamt, stadtplanung]
            history:
              talk:
                scheduledFor: 2026-01-10
                heldOn: 2026-01-10
                participants: [abecker, jmueller, tschmitt, mfischer]
                approach: Bestandsanalyse
              protocol:
                text: Protokoll des Gesprächs
                signatures:
                  - {participant: abecker, signedOn: 2026-01-11}
        """.formatted(code);
  }
}
