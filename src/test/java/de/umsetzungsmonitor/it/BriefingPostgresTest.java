package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.SERVICE_TASK_STORE_APPROVED_REPORT;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_PREPARE_REPORT;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_RECORD_BRIEFING;
import static de.umsetzungsmonitor.process.CommitteeBriefingProcess.USER_TASK_REVIEW_REPORT;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.CommitteeBriefingProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PdfText;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The status report and committee briefings on PostgreSQL, through REST and the pages as users
 * call them: the seed's programme as of 21.09.2018 read back from PDF and DOCX, reports as of past
 * days unchanged by later events, a briefing prepared, sent back, approved, stored with its hashes
 * and held, the next briefing's changes, and every refusal with nothing written.
 */
@PostgresIntegrationTest
class BriefingPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seed's table: measure, day of the talk, approach (with the remark the seed prints after it). */
  private static final Map<String, String[]> SEED_TALKS = new LinkedHashMap<>();

  static {
    SEED_TALKS.put("M 14", new String[] {"28.06.2018", "Befragung"});
    SEED_TALKS.put("M 31", new String[] {"28.06.2018", "Bestandsanalyse"});
    SEED_TALKS.put("M 32", new String[] {"27.08.2018", "Monitoring"});
    SEED_TALKS.put("M 41", new String[] {"30.08.2018", "Bestandsanalyse"});
    SEED_TALKS.put("M 42", new String[] {"30.08.2018", "Bestandsanalyse"});
    SEED_TALKS.put("M 33", new String[] {"05.09.2018", "Anpassung Monitoring der sozialen Belastung"});
    SEED_TALKS.put("M 11", new String[] {"20.09.2018", "Einbringung in Pflegekonferenz"});
    SEED_TALKS.put("M 43", new String[] {"20.09.2018", "Prüfung der Möglichkeiten nach Start des neuen Internetauftritts"});
    SEED_TALKS.put("M 21", new String[] {"20.09.2018", "Übersicht zum Sozialwohnungsbau und neu ausgewiesenen Bauflächen"});
    SEED_TALKS.put("M 22", new String[] {"20.09.2018", "Öffentlichkeitsarbeit und Lotsenfunktion"});
    SEED_TALKS.put("M 23", new String[] {"20.09.2018", "Bestandsanalyse; Hinweis: Zuständigkeit der Umsetzung liegt beim Land"});
    SEED_TALKS.put("M 24", new String[] {"20.09.2018", "Beachtung der Auflagen bei geeigneten Flächen und in geeigneter Weise,"
        + " so z.B. 20% Quote sozialer Wohnungsbau bei Areal Fritsch-Kaserne"});
  }

  @Test
  void seedProgrammeAsOf21September2018_readsLikeTheSeed_inJsonPdfAndDocx() throws IOException {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REPSEED");
    BasicAuthClient abecker = client("abecker");
    String path = "/api/programmes/" + code + "/status-report?asOf=2018-09-21";

    JsonNode report = json(abecker.get(path + "&format=json"), 200);
    assertThat(report.path("title").asText()).isEqualTo("Dokumentation über den Stand der Umsetzung der Handlungsempfehlungen"
        + " aus dem Bericht zur sozialen Lage 2015 in Koblenz");
    List<String> order = new ArrayList<>();
    for (JsonNode measure : report.path("measures")) {
      order.add(measure.path("code").asText());
      String[] talk = SEED_TALKS.get(measure.path("code").asText());
      if (talk != null) {
        assertThat(german(measure.path("talkHeldOn").asText())).as(measure.path("code").asText()).isEqualTo(talk[0]);
      } else {
        assertThat(measure.has("talkHeldOn")).as(measure.path("code").asText() + " pending").isFalse();
      }
    }
    // the talks in the order they took place (as the seed lists them), then the two still pending
    assertThat(order.subList(0, 6)).containsExactly("M 14", "M 31", "M 32", "M 41", "M 42", "M 33");
    assertThat(order.subList(6, 12)).containsExactlyInAnyOrder("M 11", "M 43", "M 21", "M 22", "M 23", "M 24");
    assertThat(order.subList(12, 14)).containsExactly("M 12", "M 13");
    assertThat(report.path("openItems").toString())
        .contains("Die Gespräche zu M 12 und M 13 stehen noch aus. Diese werden zurzeit terminiert.");

    HttpResponse<byte[]> pdfResponse = abecker.getBytes(path + "&format=pdf");
    assertThat(pdfResponse.statusCode()).isEqualTo(200);
    assertThat(pdfResponse.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdfResponse.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "stand-der-umsetzung-" + code + "-2018-09-21.pdf");
    PdfText pdf = PdfText.of(pdfResponse.body());
    assertThat(pdf.text()).contains("Stand: 21. September 2018", "Kursiv: die noch ausstehenden Schritte",
        "In Umsetzungsphase I, die verwaltungsintern erfolgt", "haben folgende Besprechungen (Stand: 21. September 2018)");
    SEED_TALKS.forEach((measure, talk) ->
        assertThat(pdf.text()).as(measure).contains(measure + ", „").contains(talk[0] + " " + talk[1]));
    assertThat(pdf.text()).contains("M 12, „Die Ausbildungskapazitäten", "M 13, „Pflegende Angehörige");
    // pending steps are set in italics, exactly as the seed prints them; dates and approaches are not
    assertThat(occurrences(pdf.italicFlowing(), "wird terminiert")).as("the talk cells of M 12 and M 13").isEqualTo(2);
    assertThat(pdf.italicFlowing()).contains("Die Gespräche zu M 12 und M 13 stehen noch aus. Diese werden zurzeit terminiert.",
        "Gespräch terminieren", "Indikatoren konkretisieren",
        "Unterzeichnung des Protokolls durch Julia Müller");
    assertThat(pdf.italicFlowing()).doesNotContain("Befragung", "28.06.2018", "Anpassung Monitoring",
        "Protokoll von allen Beteiligten unterzeichnet");
    assertThat(pdf.fonts()).allMatch(font -> !font.contains("not embedded"));

    HttpResponse<byte[]> docxResponse = abecker.getBytes(path + "&format=docx");
    assertThat(docxResponse.statusCode()).isEqualTo(200);
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(docxResponse.body()))) {
      List<XWPFTableRow> rows = docx.getTables().get(0).getRows();
      assertThat(rows).hasSize(15);
      for (XWPFTableRow row : rows.subList(1, 15)) {
        String measure = row.getCell(0).getText().substring(0, row.getCell(0).getText().indexOf(','));
        String[] talk = SEED_TALKS.get(measure);
        if (talk == null) {
          assertThat(row.getCell(1).getText()).as(measure).isEqualTo("wird terminiert");
          assertThat(row.getCell(1).getParagraphs().get(0).getRuns().get(0).isItalic()).as(measure + " italic").isTrue();
        } else {
          assertThat(row.getCell(1).getText()).as(measure).isEqualTo(talk[0]);
          assertThat(row.getCell(2).getText()).as(measure).isEqualTo(talk[1]);
          assertThat(row.getCell(2).getParagraphs().get(0).getRuns().get(0).isItalic()).as(measure + " upright").isFalse();
        }
      }
    }
  }

  @Test
  void reportAsOfAPastDay_showsWhatWasKnownThen_andStaysTheSameWhenLaterThingsHappen() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REPPAST");
    BasicAuthClient abecker = client("abecker");

    // 05.07.2018: only the talks of 28.06. had taken place; M 14's protocol lacked Julia Müller's signature (06.07.)
    JsonNode july = json(abecker.get("/api/programmes/" + code + "/status-report?asOf=2018-07-05"), 200);
    assertThat(held(july)).containsExactlyInAnyOrder("M 14", "M 31");
    JsonNode m14 = measure(july, "M 14");
    assertThat(m14.path("protocolInForce").asBoolean()).isFalse();
    assertThat(m14.path("missingSignatories").toString()).contains("Julia Müller");
    assertThat(measure(json(abecker.get("/api/programmes/" + code + "/status-report?asOf=2018-07-06"), 200), "M 14")
        .path("protocolInForce").asBoolean()).isTrue();

    JsonNode before = json(abecker.get("/api/programmes/" + code + "/status-report?asOf=2018-09-21"), 200);

    // later: M 11's protocol is signed, M 12's talk is scheduled
    signAs(code + "-M11", "jmueller");
    LocalDate talkDay = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14);
    scheduleTalk(code + "-M12", talkDay.toString());

    JsonNode after = json(abecker.get("/api/programmes/" + code + "/status-report?asOf=2018-09-21"), 200);
    assertThat(after.path("measures")).isEqualTo(before.path("measures"));
    assertThat(after.path("openItems")).isEqualTo(before.path("openItems"));
    JsonNode today = json(abecker.get("/api/programmes/" + code + "/status-report"), 200);
    assertThat(measure(today, "M 11").path("protocolInForce").asBoolean()).isTrue();
    assertThat(measure(today, "M 12").path("talkScheduledFor").asText()).isEqualTo(talkDay.toString());
    assertThat(measure(before, "M 11").path("protocolInForce").asBoolean()).isFalse();
    assertThat(measure(before, "M 12").has("talkScheduledFor")).isFalse();
  }

  @Test
  void briefing_preparedSentBackApprovedStoredAndHeld_thenTheNextBriefingListsWhatChanged() throws Exception {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "BRIEF");
    BasicAuthClient api = client("abecker");
    TasklistSession abecker = login("abecker");
    TasklistSession hbraun = login("hbraun");

    HttpResponse<String> started = api.postJson("/api/programmes/" + code + "/briefings", "{\"asOf\": \"2018-09-21\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String key = code + "_Unterrichtung_1";
    assertThat(started.headers().firstValue("Location")).hasValue("/api/briefings/" + key);
    assertThat(JSON.readTree(started.body()).path("state").asText()).isEqualTo("IN_PREPARATION");
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();

    // the coordinating unit prepares; the form shows the briefing and links to the draft
    Task prepare = singleTask(instance.getId(), USER_TASK_PREPARE_REPORT);
    assertThat(candidateGroups(prepare.getId())).containsExactly("sozialplanung");
    assertThat(abecker.formVariables(prepare.getId()).body()).contains(key, "21. September 2018", "/bericht.pdf");
    assertNoContent(abecker.claim(prepare.getId()));
    assertNoContent(abecker.submitForm(prepare.getId(), form().text("outlook", "Das Monitoring wird vorgestellt.").toJson()));

    // the head sends it back with a comment, which the next preparation shows
    Task review = singleTask(instance.getId(), USER_TASK_REVIEW_REPORT);
    assertThat(candidateGroups(review.getId())).containsExactly("sozialplanungleitung");
    assertNoContent(hbraun.claim(review.getId()));
    HttpResponse<String> withoutComment = hbraun.submitForm(review.getId(), form().text("reviewDecision", "sendBack").toJson());
    assertThat(withoutComment.statusCode()).isEqualTo(400);
    assertThat(withoutComment.body()).contains("was am Bericht zu überarbeiten ist");
    assertNoContent(hbraun.submitForm(review.getId(), form().text("reviewDecision", "sendBack")
        .text("reviewComment", "Bitte den Hinweis zu M 23 prüfen.").toJson()));
    prepare = singleTask(instance.getId(), USER_TASK_PREPARE_REPORT);
    assertThat(abecker.formVariables(prepare.getId()).body()).contains("Bitte den Hinweis zu M 23 prüfen.", "Heike Braun");
    assertNoContent(abecker.claim(prepare.getId()));
    assertNoContent(abecker.submitForm(prepare.getId(), form()
        .text("outlook", "Bei der nächsten Unterrichtung soll das Monitoring vorgestellt werden.").toJson()));

    // before approval the report is a draft from live data
    HttpResponse<byte[]> draft = api.getBytes("/api/briefings/" + key + "/report?format=pdf");
    assertThat(draft.headers().firstValue("X-Report-Stored")).hasValue("false");

    review = singleTask(instance.getId(), USER_TASK_REVIEW_REPORT);
    assertNoContent(hbraun.claim(review.getId()));
    assertNoContent(hbraun.submitForm(review.getId(), form().text("reviewDecision", "approve").toJson()));
    execute(job(instance.getId(), SERVICE_TASK_STORE_APPROVED_REPORT));

    List<Map<String, Object>> stored = jdbc.queryForList("select d.format, d.content, d.sha256 from briefing_document d"
        + " join committee_briefing b on b.id = d.briefing_id where b.business_key = ? order by d.format", key);
    assertThat(stored).extracting(row -> row.get("format")).containsExactly("DOCX", "HTML", "JSON", "PDF");
    for (Map<String, Object> row : stored) {
      assertThat(row.get("sha256")).as("hash of %s", row.get("format")).isEqualTo(sha256((byte[]) row.get("content")));
    }
    byte[] storedPdf = (byte[]) stored.get(3).get("content");
    HttpResponse<byte[]> approved = api.getBytes("/api/briefings/" + key + "/report?format=pdf");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.body()).isEqualTo(storedPdf);
    assertThat(approved.headers().firstValue("X-Report-Stored")).hasValue("true");
    assertThat(approved.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
        + java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(storedPdf)) + ":");
    PdfText first = PdfText.of(storedPdf);
    assertThat(first.text()).contains("Unterrichtung des Ausschusses: Sozialausschuss (" + key + ")",
        "Veränderungen seit der letzten Unterrichtung", "Dies ist die erste Unterrichtung",
        "Ausblick", "Bei der nächsten Unterrichtung soll das Monitoring vorgestellt werden.");

    // the session is recorded; the committee defaults to the programme's
    Task record = singleTask(instance.getId(), USER_TASK_RECORD_BRIEFING);
    assertNoContent(abecker.claim(record.getId()));
    HttpResponse<String> beforeReport = abecker.submitForm(record.getId(), form().text("briefingOutcome", "held")
        .text("briefedOn", "2018-09-01").toJson());
    assertThat(beforeReport.statusCode()).isEqualTo(400);
    assertThat(beforeReport.body()).contains("kann nicht vor dem Stand des Berichts");
    assertNoContent(abecker.submitForm(record.getId(), form().text("briefingOutcome", "held").text("briefedOn", "2018-10-04").toJson()));
    JsonNode held = json(api.get("/api/briefings/" + key), 200);
    assertThat(held.path("state").asText()).isEqualTo("HELD");
    assertThat(held.path("heldOn").asText()).isEqualTo("2018-10-04");
    assertThat(held.path("heldCommittee").asText()).isEqualTo("Sozialausschuss");
    assertThat(held.path("reviews")).hasSize(2);
    assertThat(held.path("documents")).hasSize(4);

    // things happen; the next briefing compares with what the committee saw
    signAs(code + "-M11", "jmueller");
    LocalDate talkDay = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14);
    scheduleTalk(code + "-M12", talkDay.toString());
    HttpResponse<String> second = api.postJson("/api/programmes/" + code + "/briefings", "{}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    JsonNode changes = json(api.get("/api/briefings/" + code + "_Unterrichtung_2/report?format=json"), 200).path("changes");
    assertThat(changes.path("previousBusinessKey").asText()).isEqualTo(key);
    assertThat(changes.path("previousHeldOn").asText()).isEqualTo("2018-10-04");
    assertThat(changes.path("groups").toString()).contains("Protokoll von allen Beteiligten unterzeichnet", "M 11",
        "Gespräche terminiert", "M 12: für den " + german(talkDay.toString()));
    // what the first committee saw is unchanged
    assertThat(api.getBytes("/api/briefings/" + key + "/report?format=pdf").body()).isEqualTo(storedPdf);
    assertThat(jdbc.queryForObject("select sha256 from briefing_document d join committee_briefing b on b.id = d.briefing_id"
        + " where b.business_key = ? and d.format = 'PDF'", String.class, key)).isEqualTo(sha256(storedPdf));
  }

  @Test
  void refusals_areGerman_andWriteNothing() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REPREF");
    BasicAuthClient abecker = client("abecker");
    String report = "/api/programmes/" + code + "/status-report";
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);

    assertError(abecker.get(report + "?asOf=" + tomorrow), 400, "liegt in der Zukunft");
    assertError(abecker.get(report + "?asOf=21.09.2018"), 400, "„21.09.2018“ ist kein gültiges Datum");
    assertError(abecker.get(report + "?format=odt"), 400, "Unbekanntes Format „odt“");
    assertError(abecker.get("/api/programmes/NOPE/status-report"), 404, "Kein Programm NOPE");
    // an office sees the measures it leads, not the programme's reports: like an unknown programme
    assertError(client("jmueller").get(report), 404, "Kein Programm " + code + ", dessen Berichte Sie sehen dürfen.");
    assertThat(client("cwolf").get(report).statusCode()).as("managers read").isEqualTo(200);

    String briefings = "/api/programmes/" + code + "/briefings";
    assertError(client("cwolf").postJson(briefings, "{}"), 403, "Eine Unterrichtung bereitet die Fachstelle Sozialplanung");
    assertError(abecker.postJson(briefings, "{\"asOf\": \"" + tomorrow + "\"}"), 400, "liegt in der Zukunft");
    assertError(abecker.postJson(briefings, "{\"asOf\": \"gestern\"}"), 400, "nicht lesbar");
    assertError(abecker.postJson(briefings, "{\"asOf\": "), 400, "nicht lesbar");
    assertThat(rows("committee_briefing", code)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CommitteeBriefingProcess.KEY)
        .processInstanceBusinessKeyLike(code + "%").count()).isZero();

    assertThat(abecker.postJson(briefings, "{}").statusCode()).isEqualTo(201);
    assertError(abecker.postJson(briefings, "{}"), 409, "läuft bereits die Unterrichtung " + code + "_Unterrichtung_1");
    assertThat(rows("committee_briefing", code)).isEqualTo(1);
    assertError(abecker.get("/api/briefings/" + code + "_Unterrichtung_9"), 404, "Keine Unterrichtung");
    assertError(client("jmueller").get("/api/briefings/" + code + "_Unterrichtung_1"), 404, "Keine Unterrichtung");
    assertError(abecker.get("/api/briefings/" + code + "_Unterrichtung_1/report?format=xls"), 400, "Unbekanntes Format");
  }

  @Test
  void pages_offerTheReportAndStartABriefing_withCsrf_andShowRefusalsInGerman() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "REPPAGE");
    TasklistSession abecker = login("abecker");

    HttpResponse<String> page = abecker.get("/berichte/programme/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Stand der Umsetzung", "Unterrichtungen des Ausschusses", "Übergang in Umsetzungsphase II",
        "M 12: Das Gespräch hat noch nicht stattgefunden", "Unterrichtung vorbereiten", "_csrf");
    assertThat(abecker.get("/berichte").body()).contains("/berichte/programme/" + code);

    HttpResponse<String> html = abecker.get("/berichte/programme/" + code + "/bericht?stand=2018-09-21&format=html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains("<em class=\"ausstehend\">wird terminiert</em>", "Stand: <time datetime=\"2018-09-21\">");
    HttpResponse<String> pdf = abecker.get("/berichte/programme/" + code + "/bericht?stand=2018-09-21&format=pdf");
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");

    String csrf = page.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    assertThat(abecker.postForm("/berichte/programme/" + code + "/unterrichtungen", "stand=2018-09-21").statusCode())
        .as("without the CSRF token").isEqualTo(403);
    HttpResponse<String> started = abecker.postForm("/berichte/programme/" + code + "/unterrichtungen",
        "stand=2018-09-21&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    assertThat(started.statusCode()).isEqualTo(302);
    assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/berichte/unterrichtungen/" + code + "_Unterrichtung_1");
    HttpResponse<String> briefingPage = abecker.get("/berichte/unterrichtungen/" + code + "_Unterrichtung_1");
    assertThat(briefingPage.body()).contains("in Vorbereitung", "21. September 2018", "Bericht zur Unterrichtung vorbereiten");

    HttpResponse<String> again = abecker.postForm("/berichte/programme/" + code + "/unterrichtungen",
        "stand=2018-09-21&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("läuft bereits die Unterrichtung").doesNotContain("Exception");
    assertThat(abecker.get("/berichte/programme/" + code + "/bericht?stand=morgen").statusCode()).isEqualTo(400);
    assertThat(login("jmueller").get("/berichte/programme/" + code).statusCode()).isEqualTo(404);
  }

  private void signAs(String measureKey, String userId) {
    Task task = signingTaskOf(signOff(measureKey).getId(), userId);
    TasklistSession session = login(userId);
    assertNoContent(session.claim(task.getId()));
    assertNoContent(session.submitForm(task.getId(), form().text("signatureDecision", "sign").toJson()));
  }

  private void scheduleTalk(String measureKey, String date) {
    Task task = singleTask(phaseOne(measureKey).getId(), USER_TASK_SCHEDULE_TALK);
    TasklistSession abecker = login("abecker");
    assertNoContent(abecker.claim(task.getId()));
    assertNoContent(abecker.submitForm(task.getId(), form().text("talkDate", date)
        .json("participants", List.of("abecker", "jmueller")).toJson()));
  }

  private BasicAuthClient client(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  private long rows(String table, String code) {
    return jdbc.queryForObject("select count(*) from " + table + " t join programme p on p.id = t.programme_id where p.code = ?",
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
    assertThat(response.body()).contains("\"message\"").contains(message).doesNotContain("Exception", "trace");
  }

  private static void assertNoContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static List<String> held(JsonNode report) {
    List<String> held = new ArrayList<>();
    report.path("measures").forEach(m -> {
      if (m.has("talkHeldOn")) {
        held.add(m.path("code").asText());
      }
    });
    return held;
  }

  private static JsonNode measure(JsonNode report, String code) {
    for (JsonNode measure : report.path("measures")) {
      if (measure.path("code").asText().equals(code)) {
        return measure;
      }
    }
    throw new AssertionError("no " + code);
  }

  private static String german(String isoDate) {
    LocalDate date = LocalDate.parse(isoDate);
    return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  private static int occurrences(String text, String phrase) {
    int count = 0;
    for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      count++;
    }
    return count;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
