package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.SERVICE_TASK_SEND_CONTRIBUTION_LINK;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_AGREE_CONTRIBUTION;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_MAKE_CONTACT;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_RECORD_CONTRIBUTION;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.USER_TASK_ACCOMPANY_IMPLEMENTATION;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.USER_TASK_SELECT_EXTERNAL_BODIES;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.ExternalInvolvementProcess;
import de.umsetzungsmonitor.process.MeasurePhaseTwoProcess;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.ReceivedMails;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Phase II on PostgreSQL, done as users and external bodies do it: the gate opens Phase II for the
 * measure, the coordinating unit brings in a body of the programme and a further person, the lead
 * office makes contact and agrees the contribution, the body receives a link by mail (GreenMail)
 * and contributes through it without an account; the link is refused when reused, expired,
 * tampered with or no longer awaited, and a refusal writes nothing; the committee gets a notice at
 * every change; the measure is closed, and the status report shows all of it.
 */
@PostgresIntegrationTest
class PhaseTwoPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The key the test profile signs links with (application-pgtest.yaml). */
  private static final String LINK_SECRET = "test-key-for-links-of-external-bodies-0123456789";
  private static final Pattern LINK = Pattern.compile("(https?://\\S+/extern/beitraege/(\\S+))");

  private static final String PROGRAMME = """
      code: %s
      title: Kleines Programm
      committee: Sozialausschuss
      coordinatingOffice: sozialplanung
      offices:
        - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}
        - {code: jugendamt, name: "Amt für Jugend, Familie, Senioren und Soziales"}
      externalBodies:
        - {code: koblenzer-wohnbau, name: Koblenzer Wohnbau, email: kontakt@wohnbau.example}
        - {code: land-rlp, name: Land Rheinland-Pfalz}
      fieldsOfAction:
        - {code: WOH, name: Wohnraum}
      measures:
        - code: M 1
          fieldOfAction: WOH
          text: Die Koblenzer Wohnbau baut zusätzlich bezahlbare Wohnungen.
          status: ongoing
          leadOffices: [jugendamt]
          history:
            talk:
              scheduledFor: 2018-06-28
              heldOn: 2018-06-28
              participants: [abecker, jmueller]
              approach: Übersicht zum Sozialwohnungsbau
              dataAgreements:
                - {office: jugendamt, data: Fertiggestellte Sozialwohnungen, frequency: YEARLY, firstDue: 2099-12-31}
            protocol:
              text: Protokoll des Gesprächs.
              signatures:
                - {participant: abecker, signedOn: 2018-07-02}
                - {participant: jmueller, signedOn: 2018-07-03}
            indicators:
              - {name: Sozialwohnungen, definition: Fertiggestellte Sozialwohnungen im Jahr, unit: Wohnungen, sourceOffice: jugendamt, type: COUNT}
        - code: M 2
          fieldOfAction: WOH
          text: Die Stadt fördert neue Wohnformen.
          status: ongoing
          leadOffices: [jugendamt]
          history:
            talk:
              scheduledFor: 2018-06-28
              heldOn: 2018-06-28
              participants: [abecker, jmueller]
              approach: Öffentlichkeitsarbeit
            protocol:
              text: Protokoll des Gesprächs.
              signatures:
                - {participant: abecker, signedOn: 2018-07-02}
                - {participant: jmueller, signedOn: 2018-07-03}
            indicators:
              - {name: Beratungen, definition: Beratungen zu Wohnformen, unit: Beratungen, sourceOffice: jugendamt, type: COUNT}
      """;

  @Test
  void bodiesBroughtIn_contactAgreement_contributionThroughTheLink_noticesToTheCommittee_measureImplemented() throws Exception {
    String code = startPhaseTwo("PHTWO");
    String key = code + "-M1";
    ProcessInstance phaseTwo = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseTwoProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    assertThat(phaseTwo).as("the measure's own Phase II instance, same business key").isNotNull();
    assertThat(measurePhase(key)).isEqualTo("PHASE_TWO");
    TasklistSession abecker = login("abecker");
    TasklistSession jmueller = login("jmueller");

    // the coordinating unit brings in a body of the programme and a further person
    Task select = singleTask(phaseTwo.getId(), USER_TASK_SELECT_EXTERNAL_BODIES);
    assertThat(abecker.formVariables(select.getId()).body()).contains("Koblenzer Wohnbau", "Land Rheinland-Pfalz");
    assertNoContent(abecker.claim(select.getId()));
    assertNoContent(abecker.submitForm(select.getId(), form().json("selectedBodies", List.of("koblenzer-wohnbau"))
        .json("newBodies", List.of(Map.of("name", "Dr. Eva Beispiel", "organisation", "Hochschule Koblenz", "kind", "PERSON")))
        .toJson()));
    List<ProcessInstance> involvementInstances = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ExternalInvolvementProcess.KEY).processInstanceBusinessKey(key).list();
    assertThat(involvementInstances).hasSize(2);
    assertThat(notices(code)).hasSize(1);
    assertThat(notices(code).get(0)).contains("Mitteilung an den Sozialausschuss", "M 1: Koblenzer Wohnbau",
        "M 1: Dr. Eva Beispiel (Hochschule Koblenz)", "hinzugezogen");

    // the lead office makes contact with the Wohnbau and agrees the contribution
    String wohnbau = instanceFor(key, "Koblenzer Wohnbau");
    Task contact = singleTask(wohnbau, USER_TASK_MAKE_CONTACT);
    assertThat(contact.getName()).isEqualTo("Kontakt aufnehmen: Koblenzer Wohnbau");
    assertThat(candidateGroups(contact.getId())).containsExactlyInAnyOrder("sozialplanung", "jugendamt");
    assertNoContent(jmueller.claim(contact.getId()));
    assertNoContent(jmueller.submitForm(contact.getId(), form().text("involvementOutcome", "contacted")
        .text("involvementNote", "Gespräch mit der Geschäftsführung am 12.10.").toJson()));
    Task agree = singleTask(wohnbau, USER_TASK_AGREE_CONTRIBUTION);
    assertNoContent(jmueller.claim(agree.getId()));
    HttpResponse<String> withoutText = jmueller.submitForm(agree.getId(), form().text("involvementOutcome", "agreed").toJson());
    assertThat(withoutText.statusCode()).isEqualTo(400);
    assertThat(withoutText.body()).contains("den vereinbarten Beitrag");
    assertNoContent(jmueller.submitForm(agree.getId(), form().text("involvementOutcome", "agreed")
        .text("agreedContribution", "Jährliche Zahlen zu neu gebauten Sozialwohnungen").toJson()));

    // the link goes out by mail, once, even when the step runs twice
    execute(job(wohnbau, SERVICE_TASK_SEND_CONTRIBUTION_LINK));
    long involvementId = involvementId(key, "Koblenzer Wohnbau");
    String mailKey = "involvement-" + involvementId + "-link-1";
    transaction(() -> phaseTwoService().sendContributionLink(involvementId));
    assertThat(jdbc.queryForObject("select count(*) from contribution_link where involvement_id = ?", Long.class, involvementId))
        .isEqualTo(1);
    ProcessInstance dispatch = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKey(mailKey).singleResult();
    execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL));
    List<MimeMessage> mails = ReceivedMails.withKey(mailKey);
    assertThat(mails).hasSize(1);
    assertThat(ReceivedMails.recipients(mails.get(0))).containsExactly("kontakt@wohnbau.example");
    assertThat(ReceivedMails.subject(mails.get(0))).isEqualTo("Ihr Beitrag zur Maßnahme M 1");
    String text = ReceivedMails.text(mails.get(0));
    assertThat(text).contains("Jährliche Zahlen zu neu gebauten Sozialwohnungen", "ohne Anmeldung");
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).isTrue();
    String path = link.group(1).substring(link.group(1).indexOf("/extern/"));

    // the body opens the link without an account and sends its contribution
    TasklistSession body = TasklistSession.anonymous(baseUrl());
    HttpResponse<String> page = body.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ihr Beitrag zur Maßnahme M 1", "Koblenzer Wohnbau", "Jährliche Zahlen zu neu gebauten")
        .doesNotContain("/uebersicht", "/camunda", "/berichte");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(body.postForm(path, "beitrag=ohne+Token").statusCode()).as("without the CSRF token").isEqualTo(403);
    HttpResponse<String> empty = body.postForm(path, "beitrag=&_csrf=" + csrf(page));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Bitte Ihren Beitrag angeben.");
    assertThat(contributions(involvementId)).isZero();
    HttpResponse<String> sent = body.postForm(path, "beitrag=" + enc("2019 wurden 48 Sozialwohnungen fertiggestellt.")
        + "&abgeschlossen=ja&_csrf=" + csrf(page));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Vielen Dank für Ihren Beitrag", "abgeschlossen");
    assertThat(contributions(involvementId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select via from contribution where involvement_id = ?", String.class, involvementId)).isEqualTo("LINK");
    assertThat(involvementState(involvementId)).isEqualTo("FINISHED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(wohnbau).count()).as("the office's task is gone").isZero();

    // used once: refused now, and nothing more is written
    assertRefused(body.get(path), 410, "bereits ein Beitrag übermittelt");
    assertRefused(body.postForm(path, "beitrag=noch+einmal&_csrf=" + csrf(page)), 410, "bereits ein Beitrag übermittelt");
    assertThat(contributions(involvementId)).isEqualTo(1);

    // the person is withdrawn by the coordinating unit
    String person = instanceFor(key, "Dr. Eva Beispiel (Hochschule Koblenz)");
    Task personContact = singleTask(person, USER_TASK_MAKE_CONTACT);
    assertNoContent(abecker.claim(personContact.getId()));
    assertNoContent(abecker.submitForm(personContact.getId(), form().text("involvementOutcome", "withdrawn")
        .text("involvementNote", "Frau Dr. Beispiel hat den Lehrstuhl gewechselt.").toJson()));
    List<String> notices = notices(code);
    assertThat(notices).hasSize(3);
    assertThat(notices.get(1)).contains("Koblenzer Wohnbau hat ihren Beitrag abgeschlossen");
    assertThat(notices.get(2)).contains("Dr. Eva Beispiel (Hochschule Koblenz) nicht mehr beteiligt",
        "Frau Dr. Beispiel hat den Lehrstuhl gewechselt.").doesNotContain("Wohnbau hat ihren Beitrag");

    // and later the Land, by REST
    BasicAuthClient api = BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password());
    // the lead office sees the measure's Phase II but does not bring bodies in
    assertThat(BasicAuthClient.as(baseUrl(), "jmueller", TestIdentities.password()).get("/api/measures/" + key + "/phase-two")
        .statusCode()).isEqualTo(200);
    assertError(BasicAuthClient.as(baseUrl(), "jmueller", TestIdentities.password())
        .postJson("/api/measures/" + key + "/external-bodies", "{\"externalBodies\": [\"land-rlp\"]}"), 403, "bezieht die Fachstelle");
    assertError(BasicAuthClient.as(baseUrl(), "lweber", TestIdentities.password())
        .get("/api/measures/" + key + "/phase-two"), 404, "Keine Maßnahme");
    assertError(api.postJson("/api/measures/" + key + "/external-bodies", "{\"externalBodies\": [\"bauverein\"]}"), 400,
        "Die externe Stelle „bauverein“ gibt es im Programm");
    assertError(api.postJson("/api/measures/" + key + "/external-bodies", "{\"externalBodies\": [\"koblenzer-wohnbau\"]}"), 400,
        "bereits beteiligt");
    assertThat(api.postJson("/api/measures/" + key + "/external-bodies", "{\"externalBodies\": [\"land-rlp\"]}").statusCode())
        .isEqualTo(201);
    String land = instanceFor(key, "Land Rheinland-Pfalz");

    // the measure cannot be closed as implemented while the Land is involved
    Task accompany = singleTask(phaseTwo.getId(), USER_TASK_ACCOMPANY_IMPLEMENTATION);
    assertNoContent(abecker.claim(accompany.getId()));
    HttpResponse<String> tooEarly = abecker.submitForm(accompany.getId(), form().text("phaseTwoDecision", "implemented").toJson());
    assertThat(tooEarly.statusCode()).isEqualTo(400);
    assertThat(tooEarly.body()).contains("Die Beteiligung von Land Rheinland-Pfalz läuft noch");
    Task landContact = singleTask(land, USER_TASK_MAKE_CONTACT);
    assertNoContent(jmueller.claim(landContact.getId()));
    assertNoContent(jmueller.submitForm(landContact.getId(), form().text("involvementOutcome", "contacted").toJson()));
    Task landAgree = singleTask(land, USER_TASK_AGREE_CONTRIBUTION);
    assertNoContent(jmueller.claim(landAgree.getId()));
    assertNoContent(jmueller.submitForm(landAgree.getId(), form().text("involvementOutcome", "agreed")
        .text("agreedContribution", "Förderprogramm für Wohnheime").toJson()));
    execute(job(land, SERVICE_TASK_SEND_CONTRIBUTION_LINK));
    assertThat(jdbc.queryForObject("select count(*) from contribution_link where involvement_id = ?", Long.class,
        involvementId(key, "Land Rheinland-Pfalz"))).as("no address, no link").isZero();
    Task record = singleTask(land, USER_TASK_RECORD_CONTRIBUTION);
    assertNoContent(jmueller.claim(record.getId()));
    assertNoContent(jmueller.submitForm(record.getId(), form().text("involvementOutcome", "contribution")
        .text("contributionText", "Das Land fördert zwei Wohnheime.").bool("contributionFinal", true).toJson()));
    assertNoContent(abecker.submitForm(accompany.getId(), form().text("phaseTwoDecision", "implemented").toJson()));
    assertThat(measurePhase(key)).isEqualTo("IMPLEMENTED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(phaseTwo.getId()).count()).isZero();

    // the status report and the overview show Phase II
    JsonNode report = JSON.readTree(api.get("/api/programmes/" + code + "/status-report").body());
    JsonNode m1 = report.path("measures").get(0).path("code").asText().equals("M 1") ? report.path("measures").get(0)
        : report.path("measures").get(1);
    assertThat(m1.path("closure").asText()).startsWith("Maßnahme umgesetzt (abgeschlossen am ");
    assertThat(m1.path("externalBodies").toString()).contains("Koblenzer Wohnbau", "Beteiligung abgeschlossen",
        "Dr. Eva Beispiel (Hochschule Koblenz)", "zurückgezogen", "Land Rheinland-Pfalz");
    assertThat(report.path("notices")).hasSize(notices(code).size());
    String html = abecker.get("/berichte/programme/" + code + "/bericht?format=html").body();
    assertThat(html).contains("Hinzugezogene externe Stellen", "Mitteilungen an den Ausschuss", "Koblenzer Wohnbau");
    String measurePage = abecker.get("/uebersicht/massnahmen/" + key).body();
    assertThat(measurePage).contains("Umsetzungsphase II", "2019 wurden 48 Sozialwohnungen fertiggestellt.",
        "von der Stelle über ihren Link", "Abgeschlossen: umgesetzt");
    JsonNode view = JSON.readTree(api.get("/api/measures/" + key + "/phase-two").body());
    assertThat(view.path("involvements")).hasSize(3);
  }

  @Test
  void linksExpiredTamperedOrNoLongerAwaited_areRefused_andWriteNothing() throws Exception {
    String code = startPhaseTwo("PHLINK");
    String key = code + "-M1";
    ProcessInstance phaseTwo = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseTwoProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    TasklistSession abecker = login("abecker");
    Task select = singleTask(phaseTwo.getId(), USER_TASK_SELECT_EXTERNAL_BODIES);
    assertNoContent(abecker.claim(select.getId()));
    assertNoContent(abecker.submitForm(select.getId(), form().json("selectedBodies", List.of("koblenzer-wohnbau")).toJson()));
    String wohnbau = instanceFor(key, "Koblenzer Wohnbau");
    long involvementId = involvementId(key, "Koblenzer Wohnbau");
    Task contact = singleTask(wohnbau, USER_TASK_MAKE_CONTACT);
    assertNoContent(abecker.claim(contact.getId()));
    assertNoContent(abecker.submitForm(contact.getId(), form().text("involvementOutcome", "contacted").toJson()));
    Task agree = singleTask(wohnbau, USER_TASK_AGREE_CONTRIBUTION);
    assertNoContent(abecker.claim(agree.getId()));
    assertNoContent(abecker.submitForm(agree.getId(), form().text("involvementOutcome", "agreed")
        .text("agreedContribution", "Zahlen").toJson()));
    execute(job(wohnbau, SERVICE_TASK_SEND_CONTRIBUTION_LINK));
    Map<String, Object> row = jdbc.queryForMap("select id, nonce, expires_at from contribution_link where involvement_id = ?",
        involvementId);
    long linkId = ((Number) row.get("id")).longValue();
    String nonce = (String) row.get("nonce");
    long expiry = ((Timestamp) row.get("expires_at")).toInstant().getEpochSecond();
    String valid = token(linkId, expiry, nonce);
    TasklistSession body = TasklistSession.anonymous(baseUrl());
    assertThat(body.get("/extern/beitraege/" + valid).statusCode()).as("the link as sent").isEqualTo(200);
    int eventsBefore = events(involvementId);

    // tampered: another signature, another link id, another expiry, garbage
    String[] parts = valid.split("\\.");
    assertRefused(body.get("/extern/beitraege/" + parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3])), 404, "ungültig");
    assertRefused(body.get("/extern/beitraege/" + (linkId + 1) + "." + parts[1] + "." + parts[2] + "." + parts[3]), 404, "ungültig");
    assertRefused(body.get("/extern/beitraege/" + parts[0] + "." + (expiry + 86_400) + "." + parts[2] + "." + parts[3]), 404, "ungültig");
    assertRefused(body.get("/extern/beitraege/" + token(linkId, expiry + 86_400, nonce)), 404, "ungültig");
    assertRefused(body.get("/extern/beitraege/kaputt"), 404, "ungültig");
    HttpResponse<String> page = body.get("/extern/beitraege/" + valid);
    assertRefused(body.postForm("/extern/beitraege/" + parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3]),
        "beitrag=Gefälscht&_csrf=" + csrf(page)), 404, "ungültig");

    // expired: the link row and a correctly signed token say the day has passed
    Instant past = Instant.now().minusSeconds(3_600);
    jdbc.update("update contribution_link set expires_at = ? where id = ?", Timestamp.from(past), linkId);
    String expired = token(linkId, past.getEpochSecond(), nonce);
    assertRefused(body.get("/extern/beitraege/" + expired), 410, "abgelaufen");
    assertRefused(body.postForm("/extern/beitraege/" + expired, "beitrag=Zu+spät&_csrf=" + csrf(page)), 410, "abgelaufen");
    jdbc.update("update contribution_link set expires_at = ? where id = ?", Timestamp.from(Instant.ofEpochSecond(expiry)), linkId);

    // not awaited any more: the involvement was withdrawn before the body used its link
    Task record = singleTask(wohnbau, USER_TASK_RECORD_CONTRIBUTION);
    assertNoContent(abecker.claim(record.getId()));
    assertNoContent(abecker.submitForm(record.getId(), form().text("involvementOutcome", "withdrawn")
        .text("involvementNote", "Die Wohnbau wirkt doch nicht mit.").toJson()));
    int eventsAfterWithdrawal = events(involvementId);
    assertRefused(body.get("/extern/beitraege/" + valid), 409, "kein Beitrag erwartet");
    assertRefused(body.postForm("/extern/beitraege/" + valid, "beitrag=Doch+noch&_csrf=" + csrf(page)), 409, "kein Beitrag erwartet");

    assertThat(contributions(involvementId)).isZero();
    assertThat(jdbc.queryForObject("select used_at from contribution_link where id = ?", Timestamp.class, linkId)).isNull();
    assertThat(events(involvementId)).isEqualTo(eventsAfterWithdrawal).isEqualTo(eventsBefore + 1);
  }

  @Test
  void measureNotImplementable_withdrawsRunningInvolvements_endsTheirInstances_andTheReportSaysWhy() throws IOException {
    String code = startPhaseTwo("PHNOT");
    String key = code + "-M2";
    ProcessInstance phaseTwo = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseTwoProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    TasklistSession abecker = login("abecker");
    Task select = singleTask(phaseTwo.getId(), USER_TASK_SELECT_EXTERNAL_BODIES);
    assertNoContent(abecker.claim(select.getId()));
    assertNoContent(abecker.submitForm(select.getId(), form().json("selectedBodies", List.of("land-rlp")).toJson()));
    String land = instanceFor(key, "Land Rheinland-Pfalz");

    Task accompany = singleTask(phaseTwo.getId(), USER_TASK_ACCOMPANY_IMPLEMENTATION);
    assertNoContent(abecker.claim(accompany.getId()));
    HttpResponse<String> noReason = abecker.submitForm(accompany.getId(), form().text("phaseTwoDecision", "notImplementable").toJson());
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Vorbehalt der Finanzierbarkeit");
    assertNoContent(abecker.submitForm(accompany.getId(), form().text("phaseTwoDecision", "notImplementable")
        .text("closureReason", "Vorbehalt der Finanzierbarkeit: keine Mittel im Haushalt 2020").toJson()));

    assertThat(measurePhase(key)).isEqualTo("NOT_IMPLEMENTABLE");
    assertThat(involvementState(involvementId(key, "Land Rheinland-Pfalz"))).isEqualTo("WITHDRAWN");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(land).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(land)
        .activityId(ExternalInvolvementProcess.END_EVENT_ENDED_WITH_MEASURE).count()).isEqualTo(1);
    assertThat(notices(code).get(notices(code).size() - 1)).contains("Land Rheinland-Pfalz nicht mehr beteiligt (Maßnahme nicht umsetzbar)");
    JsonNode report = JSON.readTree(BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password())
        .get("/api/programmes/" + code + "/status-report").body());
    assertThat(report.path("measures").toString())
        .contains("Maßnahme nicht umsetzbar (abgeschlossen am ", "Vorbehalt der Finanzierbarkeit: keine Mittel im Haushalt 2020");
    assertError(BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password())
        .postJson("/api/measures/" + key + "/external-bodies", "{\"externalBodies\": [\"koblenzer-wohnbau\"]}"), 400, "abgeschlossen");
  }

  /** Imports the small programme, declares completeness and returns its code: Phase II has begun. */
  private String startPhaseTwo(String prefix) {
    String code = ProgrammeFiles.uniqueCode(prefix);
    imports.importProgramme(PROGRAMME.formatted(code));
    HttpResponse<String> declared = BasicAuthClient.as(baseUrl(), "abecker", TestIdentities.password())
        .postJson("/api/programmes/" + code + "/phase-two", "{}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    return code;
  }

  private String instanceFor(String key, String bodyName) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ExternalInvolvementProcess.KEY)
        .processInstanceBusinessKey(key).variableValueEquals("externalBodyName", bodyName).singleResult().getId();
  }

  private long involvementId(String key, String bodyName) {
    return jdbc.queryForObject("select i.id from involvement i join measure m on m.id = i.measure_id join external_body b"
        + " on b.id = i.external_body_id where m.business_key = ? and (b.name = ? or b.name || ' (' || b.organisation || ')' = ?)",
        Long.class, key, bodyName, bodyName);
  }

  private String involvementState(long involvementId) {
    return jdbc.queryForObject("select state from involvement where id = ?", String.class, involvementId);
  }

  private long contributions(long involvementId) {
    return jdbc.queryForObject("select count(*) from contribution where involvement_id = ?", Long.class, involvementId);
  }

  private int events(long involvementId) {
    return jdbc.queryForObject("select count(*) from involvement_event where involvement_id = ?", Integer.class, involvementId);
  }

  private List<String> notices(String code) {
    return jdbc.queryForList("select n.text from committee_notice n join programme p on p.id = n.programme_id where p.code = ?"
        + " order by n.id", String.class, code);
  }

  private de.umsetzungsmonitor.external.PhaseTwoService phaseTwoService() {
    return applicationContext.getBean(de.umsetzungsmonitor.external.PhaseTwoService.class);
  }

  private void transaction(Runnable work) {
    applicationContext.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> work.run());
  }

  @org.springframework.beans.factory.annotation.Autowired
  private org.springframework.context.ApplicationContext applicationContext;

  /** A token as the application writes it, signed with the test profile's key. */
  private static String token(long linkId, long expiresEpochSecond, String nonce) throws Exception {
    String payload = linkId + "." + expiresEpochSecond + "." + nonce;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(LINK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static String flip(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  private static String csrf(HttpResponse<String> page) {
    return enc(page.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertRefused(HttpResponse<String> response, int status, String text) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("Dieser Link kann nicht genutzt werden", text).doesNotContain("Exception", "Koblenzer Wohnbau");
  }

  private static void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains(message).doesNotContain("Exception");
  }

  private static void assertNoContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }
}
