package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.support.FormSubmission.form;
import static de.umsetzungsmonitor.support.ProgrammeFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.umsetzungsmonitor.process.CommitteeBriefingProcess;
import de.umsetzungsmonitor.process.DataAgreementProcess;
import de.umsetzungsmonitor.process.DataDeliveryProcess;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.process.MeasurePhaseTwoProcess;
import de.umsetzungsmonitor.process.PhaseTwoGateProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TableCounts;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed requests against every endpoint of our REST API, the programme import,
 * our pages and the task forms as Tasklist submits them: wrong types, missing fields, unknown ids,
 * oversized payloads, broken YAML and JSON, impossible dates, injection strings and unicode edge
 * cases. Each one is answered 4xx (never 5xx) with a clear German message (JSON: the field
 * {@code message}; pages: the page's text), without stack traces or class names, and leaves the
 * database exactly as it was: the row count of every table, and the content of our tables and the
 * engine's runtime tables.
 */
@PostgresIntegrationTest
class BadInputPostgresTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROGRAMMES = "/api/programmes";
  private static final String YAML = "application/yaml";
  private static final int TEN_MB = 10 * 1024 * 1024;

  /** A line of a Java stack trace, or an exception's class name followed by its message. */
  private static final Pattern STACK_TRACE = Pattern.compile("(\\bat (org|com|java|jakarta|sun|de)\\.[\\w.$]+\\()|Exception:|\\\\tat ");

  /** What a message for people never contains: class names, framework packages, SQL, a bare "null". */
  private static final Pattern INTERNALS = Pattern.compile("Exception|\\b(java|javax|jakarta|org|com|de)\\.[a-z]+\\.[\\w.]+"
      + "|\\bSQL|PSQL|Hibernate|Jackson|SnakeYAML|Whitelabel|\\bnull\\b|\\bat \\[Source");

  /** The injection strings of the corpus: SQL, markup, expression languages, path traversal. */
  private static final String SQL = "' OR 1=1 --";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String EL = "${7*7}";
  private static final String SPEL = "#{7*7}";
  private static final String TRAVERSAL = "../../etc/passwd";

  /** A valid programme file under a code of the case's own; every import case breaks exactly one thing in it. */
  private static final String PROGRAMME = """
      code: %s
      title: Programm für fehlerhafte Eingaben
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
          text: Eine Maßnahme, deren Gespräch geplant ist.
          status: ongoing
          leadOffices: [jugendamt]
          deadline: 2019-04-30
          history:
            talk:
              scheduledFor: 2018-06-28
              participants: [abecker, jmueller]
      """;

  /**
   * One measure through Phase I with an external body of the programme and a yearly data agreement
   * whose periods are long due: Phase II can open at once, and the delivery of last year waits.
   */
  private static final String PHASE_TWO_PROGRAMME = """
      code: %s
      title: Programm mit Phase II und Lieferungen
      committee: Sozialausschuss
      coordinatingOffice: sozialplanung
      offices:
        - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}
        - {code: jugendamt, name: "Amt für Jugend, Familie, Senioren und Soziales"}
      externalBodies:
        - {code: koblenzer-wohnbau, name: Koblenzer Wohnbau, email: kontakt@wohnbau.example}
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
                - {office: jugendamt, data: Fertiggestellte Sozialwohnungen, frequency: YEARLY, firstDue: 2018-12-31}
            protocol:
              text: Protokoll des Gesprächs.
              signatures:
                - {participant: abecker, signedOn: 2018-07-02}
                - {participant: jmueller, signedOn: 2018-07-03}
            indicators:
              - {name: Sozialwohnungen, definition: Fertiggestellte Sozialwohnungen im Jahr, unit: Wohnungen, sourceOffice: jugendamt, type: COUNT}
      """;

  // what the corpus works on, set up once: the social report at the seed's state, a briefing in
  // preparation, a declaration awaiting the head, and a programme in Phase II with a delivery due
  private static String code;
  private static String phaseTwoCode;
  private static String scheduleTask;
  private static String resultsTask;
  private static String signTask;
  private static String concretiseTask;
  private static String prepareTask;
  private static String overrideTask;
  private static String selectBodiesTask;
  private static String deliverTask;
  private static String recordBriefingTask;
  private static long indicatorId;
  private static long resultsMeasureId;
  private static final Map<String, TasklistSession> SESSIONS = new LinkedHashMap<>();

  @BeforeEach
  void corpusSetUpOnce() {
    if (code != null) {
      return;
    }
    code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "BAD");
    TasklistSession abecker = session("abecker");

    scheduleTask = claimed(abecker, singleTask(phaseOne(code + "-M12").getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK));
    String m13 = claimed(abecker, singleTask(phaseOne(code + "-M13").getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK));
    assertThat(abecker.submitForm(m13, form().text("talkDate", "2018-10-15")
        .json("participants", List.of("abecker", "jmueller")).toJson()).statusCode()).isEqualTo(204);
    resultsTask = claimed(abecker, singleTask(phaseOne(code + "-M13").getId(), MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS));
    resultsMeasureId = measureId(code + "-M13");
    signTask = claimed(session("jmueller"), signingTaskOf(signOff(code + "-M11").getId(), "jmueller"));
    concretiseTask = claimed(abecker, singleTask(phaseOne(code + "-M14").getId(), MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS));

    assertThat(api("abecker").postJson("/api/programmes/" + code + "/briefings", "{\"asOf\": \"2018-09-21\"}").statusCode())
        .isEqualTo(201);
    prepareTask = claimed(abecker, briefingTask(code + "_Unterrichtung_1", CommitteeBriefingProcess.USER_TASK_PREPARE_REPORT));
    assertThat(api("abecker").postJson("/api/programmes/" + code + "/phase-two", "{\"askForOverride\": true}").statusCode())
        .isEqualTo(202);
    overrideTask = claimed(session("hbraun"), tasks.createTaskQuery().processInstanceBusinessKey(code + "_Phase_II")
        .taskDefinitionKey(PhaseTwoGateProcess.USER_TASK_DECIDE_OVERRIDE).singleResult());

    phaseTwoCode = ProgrammeFiles.uniqueCode("BADP");
    assertThat(imports.importProgramme(PHASE_TWO_PROGRAMME.formatted(phaseTwoCode)).programmeCreated()).isTrue();
    assertThat(api("abecker").postJson("/api/programmes/" + phaseTwoCode + "/phase-two", "{}").statusCode()).isEqualTo(201);
    String key = phaseTwoCode + "-M1";
    ProcessInstance phaseTwo = runtime.createProcessInstanceQuery().processDefinitionKey(MeasurePhaseTwoProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    selectBodiesTask = claimed(abecker, singleTask(phaseTwo.getId(), MeasurePhaseTwoProcess.USER_TASK_SELECT_EXTERNAL_BODIES));
    ProcessInstance agreement = runtime.createProcessInstanceQuery().processDefinitionKey(DataAgreementProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    execute(job(agreement.getId(), DataAgreementProcess.SERVICE_TASK_OPEN_PERIOD));
    ProcessInstance delivery = runtime.createProcessInstanceQuery().processDefinitionKey(DataDeliveryProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
    deliverTask = claimed(session("jmueller"), singleTask(delivery.getId(), DataDeliveryProcess.USER_TASK_DELIVER_DATA));
    indicatorId = jdbc.queryForObject("select i.id from indicator i join measure m on m.id = i.measure_id"
        + " where m.business_key = ?", Long.class, key);

    // a briefing of that programme approved and stored: the session is to be recorded
    assertThat(api("abecker").postJson("/api/programmes/" + phaseTwoCode + "/briefings", "{\"asOf\": \"2018-09-21\"}")
        .statusCode()).isEqualTo(201);
    String briefing = phaseTwoCode + "_Unterrichtung_1";
    String prepare = claimed(abecker, briefingTask(briefing, CommitteeBriefingProcess.USER_TASK_PREPARE_REPORT));
    assertThat(abecker.submitForm(prepare, form().text("outlook", "Ausblick").toJson()).statusCode()).isEqualTo(204);
    String review = claimed(session("hbraun"), briefingTask(briefing, CommitteeBriefingProcess.USER_TASK_REVIEW_REPORT));
    assertThat(session("hbraun").submitForm(review, form().text("reviewDecision", "approve").toJson()).statusCode()).isEqualTo(204);
    ProcessInstance briefingInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(briefing).singleResult();
    execute(job(briefingInstance.getId(), CommitteeBriefingProcess.SERVICE_TASK_STORE_APPROVED_REPORT));
    recordBriefingTask = claimed(abecker, briefingTask(briefing, CommitteeBriefingProcess.USER_TASK_RECORD_BRIEFING));
  }

  private Task briefingTask(String businessKey, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  // ===================================================================================================
  // the programme import: POST /api/programmes (YAML, JSON, upload)
  // ===================================================================================================

  @TestFactory
  Stream<DynamicTest> programmeImport_refusesEveryBrokenFile_inGerman_andWritesNothing() {
    List<Case> cases = new ArrayList<>();
    // broken YAML
    cases.add(yaml("broken YAML: an unclosed bracket", file -> replaceOnce(file, "leadOffices: [jugendamt]", "leadOffices: [jugendamt"),
        400, "kein gültiges YAML: eine Liste [ … ] oder ein Eintrag { … } ist nicht richtig geschlossen"));
    cases.add(yaml("broken YAML: a tab in the indentation", file -> replaceOnce(file, "  - code: M 1", "\t- code: M 1"),
        400, "kein gültiges YAML: Tabulatoren sind zum Einrücken nicht erlaubt"));
    cases.add(yaml("broken YAML: an unclosed quote", file -> replaceOnce(file, "title: Programm", "title: \"Programm"),
        400, "kein gültiges YAML"));
    cases.add(yaml("broken YAML: a colon inside a plain value", file -> replaceOnce(file, "committee: Sozialausschuss",
        "committee: Sozial: ausschuss"), 400, "kein gültiges YAML"));
    cases.add(yaml("broken YAML: a key given twice", file -> replaceOnce(file, "committee: Sozialausschuss",
        "committee: Sozialausschuss\ncommittee: Jugendhilfeausschuss"), 400, "„committee“ ist doppelt"));
    cases.add(yaml("broken YAML: a raw NUL byte", file -> replaceOnce(file, "Eine Maßnahme", "Eine\u0000Maßnahme"),
        400, "kein gültiges YAML: die Datei enthält ein unzulässiges Steuerzeichen"));
    cases.add(yaml("YAML alias instead of a text", file -> replaceOnce(replaceOnce(file, "title: Programm", "title: &titel Programm"),
        "committee: Sozialausschuss", "committee: *titel"), 400, "Verweise auf andere Stellen der Datei (*titel) sind nicht erlaubt"));
    cases.add(yaml("empty file", file -> "", 400, "unvollständig oder nicht lesbar"));
    cases.add(yaml("only a comment", file -> "# nichts als ein Kommentar\n", 400, "falscher Aufbau (erwartet werden Felder mit Werten)"));
    cases.add(yaml("a list instead of a programme", file -> "- code: X1\n- code: X2\n", 400, "falscher Aufbau"));
    // wrong types
    cases.add(yaml("wrong type: a list as title", file -> replaceOnce(file, "title: Programm für fehlerhafte Eingaben",
        "title: [Programm, Eingaben]"), 400, "erwartet wird ein Text"));
    cases.add(yaml("wrong type: a text as the list of measures", file -> file.substring(0, file.indexOf("measures:"))
        + "measures: keine\n", 400, "erwartet wird eine Liste"));
    cases.add(yaml("wrong type: a number as the list of lead offices", file -> replaceOnce(file, "leadOffices: [jugendamt]",
        "leadOffices: 42"), 400, "erwartet wird eine Liste"));
    cases.add(yaml("wrong type: a mapping as deadline", file -> replaceOnce(file, "deadline: 2019-04-30",
        "deadline: {tag: 30, monat: 4}"), 400, "erwartet wird ein Datum JJJJ-MM-TT"));
    // invalid dates
    cases.add(yaml("invalid date: 30 February", file -> replaceOnce(file, "deadline: 2019-04-30", "deadline: 2018-02-30"),
        400, "ungültiger Wert „2018-02-30“ (erwartet wird ein Datum JJJJ-MM-TT)"));
    cases.add(yaml("invalid date: month 13", file -> replaceOnce(file, "scheduledFor: 2018-06-28", "scheduledFor: 2018-13-01"),
        400, "ungültiger Wert „2018-13-01“"));
    cases.add(yaml("invalid date: German notation", file -> replaceOnce(file, "deadline: 2019-04-30", "deadline: 30.04.2019"),
        400, "ungültiger Wert „30.04.2019“"));
    cases.add(yaml("invalid date: a word", file -> replaceOnce(file, "deadline: 2019-04-30", "deadline: morgen"),
        400, "ungültiger Wert „morgen“"));
    // missing fields
    cases.add(yaml("missing field: title", file -> replaceOnce(file, "title: Programm für fehlerhafte Eingaben\n", ""),
        400, "fehlt"));
    cases.add(yaml("missing field: the measures", file -> file.substring(0, file.indexOf("measures:")),
        400, "muss mindestens eine Maßnahme enthalten"));
    cases.add(yaml("missing field: a measure's text", file -> replaceOnce(file, "    text: Eine Maßnahme, deren Gespräch geplant ist.\n",
        ""), 400, "fehlt"));
    cases.add(yaml("missing field: the talk's date", file -> replaceOnce(file, "        scheduledFor: 2018-06-28\n", ""),
        400, "fehlt"));
    // unknown references, duplicates, unknown fields
    cases.add(yaml("unknown lead office", file -> replaceOnce(file, "leadOffices: [jugendamt]", "leadOffices: [finanzamt]"),
        400, "unbekannte Stelle „finanzamt“"));
    cases.add(yaml("unknown field of action", file -> replaceOnce(file, "fieldOfAction: PFL", "fieldOfAction: XYZ"),
        400, "unbekanntes Handlungsfeld „XYZ“"));
    cases.add(yaml("unknown coordinating office", file -> replaceOnce(file, "coordinatingOffice: sozialplanung",
        "coordinatingOffice: bauamt"), 400, "„bauamt“ ist nicht unter offices aufgeführt"));
    cases.add(yaml("unknown participant", file -> replaceOnce(file, "participants: [abecker, jmueller]",
        "participants: [abecker, hmeier]"), 400, "unbekannte Person „hmeier“"));
    cases.add(yaml("unknown manager group", file -> replaceOnce(file, "coordinatingOffice: sozialplanung",
        "coordinatingOffice: sozialplanung\nmanagers: [gibtsnicht]"), 400, "unbekannte Gruppe „gibtsnicht“"));
    cases.add(yaml("unknown field", file -> replaceOnce(file, "  - code: M 1\n", "  - code: M 1\n    colour: blau\n"),
        400, "unbekanntes Feld „colour“"));
    cases.add(yaml("duplicate measure code", file -> file + """
          - code: M1
            fieldOfAction: PFL
            text: Dieselbe Nummer noch einmal.
            status: planned
            leadOffices: [jugendamt]
        """, 400, "Maßnahme „M1“ ist doppelt aufgeführt"));
    cases.add(yaml("duplicate office code", file -> replaceOnce(file, "  - {code: jugendamt,",
        "  - {code: jugendamt, name: Jugendamt}\n  - {code: jugendamt,"), 400, "Stelle „jugendamt“ ist doppelt aufgeführt"));
    cases.add(yaml("a measure status that does not exist", file -> replaceOnce(file, "status: ongoing", "status: erledigt"),
        400, "„erledigt“ ist kein Status"));
    // oversized, bombs and deep nesting
    cases.add(yaml("oversized: more than two million characters", file -> replaceOnce(file, "committee: Sozialausschuss",
        "committee: Sozialausschuss\ndescription: " + "x".repeat(2_000_001)), 400, "zu groß"));
    cases.add(yaml("oversized: more than 10 MB as request body", file -> file + "# " + "x".repeat(TEN_MB + 1024) + "\n",
        400, "zu groß"));
    cases.add(yaml("YAML bomb (billion laughs)", file -> billionLaughs() + file, 400, "unbekanntes Feld „lol0“"));
    cases.add(yaml("deeply nested YAML", file -> replaceOnce(file, "committee: Sozialausschuss",
        "committee: Sozialausschuss\ndescription: " + "[".repeat(20_000) + "]".repeat(20_000)), 400, "falscher Aufbau (erwartet wird ein Text)"));
    // injection strings
    cases.add(yaml("SQL injection as programme code", file -> file.replaceFirst("code: \\w+", "code: \"" + SQL + "\""),
        400, "muss aus 2 bis 12 Großbuchstaben oder Ziffern bestehen"));
    cases.add(yaml("markup as lead office", file -> replaceOnce(file, "leadOffices: [jugendamt]", "leadOffices: [\"" + SCRIPT + "\"]"),
        400, "unbekannte Stelle „" + SCRIPT + "“"));
    cases.add(yaml("an expression as participant", file -> replaceOnce(file, "participants: [abecker, jmueller]",
        "participants: [abecker, \"" + EL + "\"]"), 400, "unbekannte Person „" + EL + "“"));
    cases.add(yaml("a SpEL expression as field of action", file -> replaceOnce(file, "fieldOfAction: PFL", "fieldOfAction: \"" + SPEL + "\""),
        400, "unbekanntes Handlungsfeld"));
    cases.add(yaml("path traversal as coordinating office", file -> replaceOnce(file, "coordinatingOffice: sozialplanung",
        "coordinatingOffice: " + TRAVERSAL), 400, "ist nicht unter offices aufgeführt"));
    // unicode edge cases
    cases.add(yaml("right-to-left override in the programme code", file -> file.replaceFirst("code: (\\w+)", "code: \"$1\u202E\""),
        400, "muss aus 2 bis 12 Großbuchstaben oder Ziffern bestehen"));
    cases.add(yaml("zero-width space after the lead office", file -> replaceOnce(file, "leadOffices: [jugendamt]",
        "leadOffices: [\"jugendamt\u200B\"]"), 400, "unbekannte Stelle"));
    cases.add(yaml("emoji in the programme code", file -> file.replaceFirst("code: (\\w+)", "code: \"$1\uD83D\uDE42\""),
        400, "muss aus 2 bis 12 Großbuchstaben oder Ziffern bestehen"));
    cases.add(yaml("NUL character (YAML escape) in the title", file -> replaceOnce(file, "title: Programm für fehlerhafte Eingaben",
        "title: \"Programm\\0für fehlerhafte Eingaben\""), 400, "unzulässiges Zeichen"));
    // JSON
    cases.add(json("broken JSON: cut off", file -> file.substring(0, file.indexOf("\"measures\"") + 12), 400, "kein gültiges JSON"));
    cases.add(json("broken JSON: a trailing comma", file -> file.substring(0, file.length() - 1) + ",}", 400, "kein gültiges JSON"));
    cases.add(json("broken JSON: garbage after the object", file -> file + " und noch etwas", 400, "kein gültiges JSON"));
    cases.add(json("broken JSON: single quotes", file -> file.replace('"', '\''), 400, "kein gültiges JSON"));
    cases.add(json("wrong type in JSON: an object as title", file -> replaceOnce(file, "\"title\":\"Programm für fehlerhafte Eingaben\"",
        "\"title\":{\"de\":\"Programm\"}"), 400, "erwartet wird ein Text"));
    cases.add(json("wrong type in JSON: an object as the list of measures", file -> file.substring(0, file.indexOf("\"measures\""))
        + "\"measures\":{\"code\":\"M 1\"}}", 400, "erwartet wird eine Liste"));
    cases.add(json("wrong type in JSON: true as deadline", file -> replaceOnce(file, "\"deadline\":\"2019-04-30\"", "\"deadline\":true"),
        400, "erwartet wird ein Datum JJJJ-MM-TT"));
    cases.add(json("invalid date in JSON: 30 February", file -> replaceOnce(file, "\"deadline\":\"2019-04-30\"", "\"deadline\":\"2018-02-30\""),
        400, "ungültiger Wert „2018-02-30“"));
    cases.add(json("missing field in JSON: committee", file -> replaceOnce(file, "\"committee\":\"Sozialausschuss\",", ""), 400, "fehlt"));
    cases.add(json("deeply nested JSON", file -> replaceOnce(file, "\"committee\":\"Sozialausschuss\"",
        "\"committee\":\"Sozialausschuss\",\"description\":" + "[".repeat(100_000) + "]".repeat(100_000)), 400, "falscher Aufbau (erwartet wird ein Text)"));
    cases.add(json("unpaired surrogate in JSON (\\ud800)", file -> replaceOnce(file, "\"title\":\"Programm für fehlerhafte Eingaben\"",
        "\"title\":\"Programm \\ud800 für fehlerhafte Eingaben\""), 400, "unzulässiges Zeichen"));
    cases.add(json("NUL character in JSON (\\u0000)", file -> replaceOnce(file, "\"title\":\"Programm für fehlerhafte Eingaben\"",
        "\"title\":\"Programm\\u0000für fehlerhafte Eingaben\""), 400, "unzulässiges Zeichen"));
    cases.add(json("NUL character in a JSON participant", file -> replaceOnce(file, "\"abecker\"", "\"abe\\u0000cker\""),
        400, "unzulässiges Zeichen"));
    // uploads and content types
    cases.add(upload("upload without a file part", null, null, 400, "unvollständig oder nicht lesbar"));
    cases.add(upload("upload of an empty file", "programm.yaml", new byte[0], 400, "Die Datei ist leer"));
    cases.add(upload("upload of broken YAML", "programm.yaml", "code: X1\noffices: [{code: a".getBytes(StandardCharsets.UTF_8), 400,
        "kein gültiges YAML"));
    cases.add(upload("upload larger than 10 MB", "programm.yaml", new byte[TEN_MB + 64 * 1024], 413, "zu groß"));
    cases.add(new Case("import: upload in ISO-8859-1 instead of UTF-8", () -> admin().postMultipart(PROGRAMMES, Map.of(), "file",
        "programm.yaml", YAML, programme().getBytes(StandardCharsets.ISO_8859_1)), 400, "UTF-8"));
    cases.add(new Case("import: bytes that are not UTF-8 in the YAML body", () -> admin().send(admin().request(PROGRAMMES)
        .header("Content-Type", YAML).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(programme().getBytes(StandardCharsets.ISO_8859_1)))), 400, "UTF-8"));
    cases.add(new Case("import: content type XML", () -> admin().post(PROGRAMMES, "application/xml", "<programm/>"), 415,
        "Dieses Format wird"));
    cases.add(new Case("import: no content type", () -> admin().send(admin().request(PROGRAMMES).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(programme()))), 415, "Dieses Format wird"));
    cases.add(new Case("import: GET instead of POST", () -> admin().get(PROGRAMMES), 405, "nicht erlaubt"));
    cases.add(new Case("import: DELETE of the programmes", () -> admin().delete(PROGRAMMES), 405, "nicht erlaubt"));
    return dynamicTests(cases);
  }

  @Test
  void theUnbrokenFile_isImportedAsYamlJsonAndUpload_soEveryRefusalAboveIsAboutItsOneBreakage() {
    assertThat(admin().post(PROGRAMMES, YAML, programme()).statusCode()).isEqualTo(200);
    assertThat(admin().postJson(PROGRAMMES, asJson(programme())).statusCode()).isEqualTo(200);
    HttpResponse<String> upload = admin().postMultipart(PROGRAMMES, Map.of(), "file", "programm.yaml", YAML,
        programme().getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
  }

  // ===================================================================================================
  // our REST API
  // ===================================================================================================

  @TestFactory
  Stream<DynamicTest> restApi_refusesMalformedRequests_inGerman_andWritesNothing() {
    List<Case> cases = new ArrayList<>();
    String measures = "/api/measures/";
    // GET /api/overview
    cases.add(get("overview: SQL injection as programme", "/api/overview?programm=" + enc(SQL), 400, "Programm"));
    cases.add(get("overview: markup as office", "/api/overview?stelle=" + enc(SCRIPT), 400, "Stelle"));
    cases.add(get("overview: an expression as phase", "/api/overview?phase=" + enc(EL), 400, "Phase"));
    cases.add(get("overview: a word as field of action id", "/api/overview?handlungsfeld=abc", 400, "Handlungsfeld"));
    cases.add(get("overview: an overflowing field of action id", "/api/overview?handlungsfeld=99999999999999999999999", 400, "Handlungsfeld"));
    cases.add(get("overview: overdue neither yes nor no", "/api/overview?ueberfaellig=vielleicht", 400, "„ja“ und „nein“"));
    cases.add(get("overview: a search of 201 characters", "/api/overview?suche=" + "x".repeat(201), 400, "200 Zeichen"));
    cases.add(new Case("overview: XML asked for", () -> api("abecker").send(api("abecker").request("/api/overview")
        .header("Accept", "application/xml").GET()), 406, "JSON"));
    cases.add(new Case("overview: PUT", () -> api("abecker").putJson("/api/overview", "{}"), 405, "nicht erlaubt"));
    // GET /api/measures/{key}/indicators, /audit, /phase-two
    for (String part : List.of("indicators", "audit", "phase-two")) {
      cases.add(get(part + ": unknown measure", measures + code + "-M99/" + part, 404, "Keine Maßnahme " + code + "-M99"));
      cases.add(get(part + ": SQL injection as key", measures + enc(SQL) + "/" + part, 404, "Keine Maßnahme " + SQL));
      cases.add(get(part + ": markup as key", measures + enc("<script>alert(1)") + "/" + part, 404, "Keine Maßnahme"));
      cases.add(get(part + ": an expression as key", measures + enc(EL) + "/" + part, 404, "Keine Maßnahme " + EL));
      cases.add(get(part + ": emoji as key", measures + enc("\uD83D\uDE42") + "/" + part, 404, "Keine Maßnahme"));
      cases.add(get(part + ": zero-width space in the key", measures + enc(code + "-M12\u200B") + "/" + part, 404, "Keine Maßnahme"));
    }
    cases.add(get("phase-two: a measure before Phase II", measures + code + "-M12/phase-two", 404, "noch nicht begonnen"));
    cases.add(get("indicators: path traversal in the key", measures + "..%2F..%2Fetc%2Fpasswd/indicators", 400, "Anfrage"));
    cases.add(get("indicators: dot segments in the path", measures + "../../etc/passwd", 400, "Anfrage"));
    cases.add(get("indicators: an encoded NUL in the key", measures + "M%00/indicators", 400, "Anfrage"));
    cases.add(get("indicators: an unknown sub-resource", measures + code + "-M12/gibtsnicht", 404, "gibt es nicht"));
    // GET /api/programmes/{code}/delivery-statistics
    cases.add(get("delivery statistics: unknown programme", "/api/programmes/NOPE/delivery-statistics", 404, "Kein Programm NOPE"));
    cases.add(get("delivery statistics: SQL injection as code", "/api/programmes/" + enc(SQL) + "/delivery-statistics", 404,
        "Kein Programm " + SQL));
    cases.add(get("delivery statistics: a SpEL expression as code", "/api/programmes/" + enc(SPEL) + "/delivery-statistics", 404,
        "Kein Programm"));
    // notification settings
    String settings = "/api/me/notification-settings";
    cases.add(put("settings: an unknown delivery", settings, "{\"delivery\": \"WEEKLY\"}", 400, "Unbekannte Zustellart „WEEKLY“"));
    cases.add(put("settings: no delivery", settings, "{}", 400, "Bitte angeben"));
    cases.add(put("settings: a list as delivery", settings, "{\"delivery\": [\"DIGEST\"]}", 400, "nicht lesbar"));
    cases.add(put("settings: broken JSON", settings, "{\"delivery\": ", 400, "nicht lesbar"));
    cases.add(put("settings: an empty body", settings, "", 400, "nicht lesbar"));
    cases.add(put("settings: SQL injection", settings, "{\"delivery\": \"" + SQL + "\"}", 400, "Unbekannte Zustellart"));
    cases.add(put("settings: a NUL after the value", settings, "{\"delivery\": \"DIGEST\\u0000\"}", 400, "Unbekannte Zustellart"));
    cases.add(put("settings: a zero-width space after the value", settings, "{\"delivery\": \"DIGEST\\u200b\"}", 400,
        "Unbekannte Zustellart"));
    cases.add(put("settings: an unpaired surrogate", settings, "{\"delivery\": \"\\ud800\"}", 400, "Unbekannte Zustellart"));
    cases.add(put("settings: an oversized value", settings, "{\"delivery\": \"" + "D".repeat(1_000_000) + "\"}", 400,
        "Unbekannte Zustellart"));
    cases.add(new Case("settings: text instead of JSON", () -> api("abecker").send(api("abecker").request(settings)
        .header("Content-Type", "text/plain").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("DIGEST"))), 415, "Dieses Format wird"));
    cases.add(new Case("settings: POST", () -> api("abecker").postJson(settings, "{\"delivery\": \"DIGEST\"}"), 405, "nicht erlaubt"));
    // status report and briefings
    String report = "/api/programmes/" + code + "/status-report";
    cases.add(get("status report: 30 February", report + "?asOf=2018-02-30", 400, "„2018-02-30“ ist kein gültiges Datum"));
    cases.add(get("status report: a German date", report + "?asOf=21.09.2018", 400, "ist kein gültiges Datum"));
    cases.add(get("status report: SQL injection as date", report + "?asOf=" + enc(SQL), 400, "ist kein gültiges Datum"));
    cases.add(get("status report: a day in the future", report + "?asOf=2999-01-01", 400, "liegt in der Zukunft"));
    cases.add(get("status report: an unknown format", report + "?format=exe", 400, "Unbekanntes Format „exe“"));
    cases.add(get("status report: path traversal as format", report + "?format=" + enc(TRAVERSAL), 400, "Unbekanntes Format"));
    cases.add(get("status report: unknown programme", "/api/programmes/NOPE/status-report", 404, "Kein Programm NOPE"));
    String briefings = "/api/programmes/" + code + "/briefings";
    cases.add(post("briefing: 30 February", briefings, "{\"asOf\": \"2018-02-30\"}", 400, "nicht lesbar"));
    cases.add(post("briefing: a German date", briefings, "{\"asOf\": \"21.09.2018\"}", 400, "nicht lesbar"));
    cases.add(post("briefing: a word as date", briefings, "{\"asOf\": \"morgen\"}", 400, "nicht lesbar"));
    cases.add(post("briefing: an expression as date", briefings, "{\"asOf\": \"" + EL + "\"}", 400, "nicht lesbar"));
    cases.add(post("briefing: an impossible date as array", briefings, "{\"asOf\": [2018, 2, 30]}", 400, "nicht lesbar"));
    cases.add(post("briefing: a day in the future", briefings, "{\"asOf\": \"2999-01-01\"}", 400, "liegt in der Zukunft"));
    cases.add(post("briefing: a number as date", briefings, "{\"asOf\": 20180921}", 400, "liegt in der Zukunft"));
    cases.add(post("briefing: broken JSON", briefings, "{\"asOf\": ", 400, "nicht lesbar"));
    cases.add(post("briefing: a list instead of an object", briefings, "[\"2018-09-21\"]", 400, "nicht lesbar"));
    cases.add(post("briefing: unknown programme", "/api/programmes/NOPE/briefings", "{}", 404, "Kein Programm NOPE"));
    cases.add(post("briefing: markup as programme", "/api/programmes/" + enc("<b>X</b>") + "/briefings", "{}", 400,
        "Adresse der Anfrage ist ungültig"));
    cases.add(post("briefing: markup without a slash as programme", "/api/programmes/" + enc("<b>X") + "/briefings", "{}", 404,
        "Kein Programm <b>X"));
    cases.add(get("briefings: unknown programme", "/api/programmes/NOPE/briefings", 404, "Kein Programm NOPE"));
    cases.add(get("briefing: unknown key", "/api/briefings/" + code + "_Unterrichtung_99", 404, "Keine Unterrichtung"));
    cases.add(get("briefing: SQL injection as key", "/api/briefings/" + enc(SQL), 404, "Keine Unterrichtung"));
    cases.add(get("briefing report: unknown format", "/api/briefings/" + code + "_Unterrichtung_1/report?format=xls", 400,
        "Unbekanntes Format „xls“"));
    cases.add(get("briefing report: markup as format", "/api/briefings/" + code + "_Unterrichtung_1/report?format=" + enc(SCRIPT),
        400, "Unbekanntes Format"));
    cases.add(get("briefing report: unknown briefing", "/api/briefings/" + enc(TRAVERSAL.replace("/", "_")) + "/report", 404,
        "Keine Unterrichtung"));
    // the Phase II gate
    String gate = "/api/programmes/" + code + "/phase-two";
    cases.add(post("gate: a word as flag", gate, "{\"askForOverride\": \"vielleicht\"}", 400, "nicht lesbar"));
    cases.add(post("gate: a list as flag", gate, "{\"askForOverride\": [true]}", 400, "nicht lesbar"));
    cases.add(post("gate: broken JSON", gate, "{\"askForOverride\": tru", 400, "nicht lesbar"));
    cases.add(post("gate: a declaration while the head decides", gate, "{\"askForOverride\": true}", 409, "entscheidet noch"));
    cases.add(post("gate: unknown programme", "/api/programmes/NOPE/phase-two", "{}", 404, "Kein Programm NOPE"));
    cases.add(get("gate: unknown programme", "/api/programmes/" + enc(SQL) + "/phase-two", 404, "Kein Programm"));
    // POST /api/measures/{key}/external-bodies
    String bodies = measures + phaseTwoCode + "-M1/external-bodies";
    cases.add(post("external bodies: nothing named", bodies, "{}", 400, "mindestens eine Stelle oder Person"));
    cases.add(post("external bodies: empty lists", bodies, "{\"externalBodies\": [], \"newBodies\": []}", 400, "mindestens eine Stelle"));
    cases.add(post("external bodies: an unknown body", bodies, "{\"externalBodies\": [\"gibts-nicht\"]}", 400,
        "„gibts-nicht“ gibt es im Programm"));
    cases.add(post("external bodies: a text instead of a list", bodies, "{\"externalBodies\": \"koblenzer-wohnbau\"}", 400, "nicht lesbar"));
    cases.add(post("external bodies: an object instead of a new body", bodies, "{\"newBodies\": [\"Person\"]}", 400, "nicht lesbar"));
    cases.add(post("external bodies: a new body without a name", bodies, "{\"newBodies\": [{\"organisation\": \"Hochschule\"}]}",
        400, "den Namen angeben"));
    cases.add(post("external bodies: an invalid e-mail address", bodies, "{\"newBodies\": [{\"name\": \"Eva Beispiel\","
        + " \"email\": \"" + SQL + "\"}]}", 400, "keine gültige E-Mail-Adresse"));
    cases.add(post("external bodies: a name of 301 characters", bodies, "{\"newBodies\": [{\"name\": \"" + "N".repeat(301) + "\"}]}",
        400, "zu lang"));
    cases.add(post("external bodies: 51 new bodies at once", bodies, "{\"newBodies\": ["
        + String.join(",", java.util.Collections.nCopies(51, "{\"name\": \"Person\"}")) + "]}", 400, "höchstens 50"));
    cases.add(post("external bodies: a valid body, then one without a name", bodies,
        "{\"newBodies\": [{\"name\": \"Gültige Person\"}, {\"name\": \" \"}]}", 400, "neue Stelle 2 den Namen"));
    cases.add(post("external bodies: a known body, then an unknown one", bodies,
        "{\"externalBodies\": [\"koblenzer-wohnbau\", \"" + SQL + "\"]}", 400, "gibt es im Programm"));
    cases.add(post("external bodies: a NUL in the name", bodies, "{\"newBodies\": [{\"name\": \"Eva\\u0000Beispiel\"}]}", 400,
        "unzulässiges Zeichen"));
    cases.add(post("external bodies: an unpaired surrogate in the name", bodies, "{\"newBodies\": [{\"name\": \"Eva \\udc00\"}]}",
        400, "unzulässiges Zeichen"));
    cases.add(post("external bodies: deeply nested JSON", bodies, "{\"newBodies\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
        400, "nicht lesbar"));
    cases.add(post("external bodies: broken JSON", bodies, "{\"externalBodies\": [\"land", 400, "nicht lesbar"));
    cases.add(post("external bodies: unknown measure", measures + phaseTwoCode + "-M9/external-bodies",
        "{\"externalBodies\": [\"koblenzer-wohnbau\"]}", 404, "Keine Maßnahme"));
    cases.add(post("external bodies: a measure before Phase II", measures + code + "-M12/external-bodies",
        "{\"externalBodies\": [\"koblenzer-wohnbau\"]}", 409, "noch nicht begonnen"));
    cases.add(new Case("external bodies: form data instead of JSON", () -> api("abecker").post(bodies,
        "application/x-www-form-urlencoded", "externalBodies=koblenzer-wohnbau"), 415, "Dieses Format wird"));
    cases.add(new Case("notifications: POST", () -> admin().postJson("/api/notifications", "{}"), 405, "nicht erlaubt"));
    return dynamicTests(cases);
  }

  @Test
  void injectionStringsInTheSearch_areOnlySearchedFor_findNothing_andWriteNothing() throws IOException {
    for (String injection : List.of(SQL, "%%%%", "_", "\\", SCRIPT, EL, SPEL, TRAVERSAL, "M 12' OR '1'='1", "\u0000")) {
      Snapshot before = snapshot();
      HttpResponse<String> response = api("abecker").get("/api/overview?programm=" + code + "&suche=" + enc(injection));
      assertThat(response.statusCode()).as("%s: %s", injection, response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).path("rows")).as("rows found for %s", injection).isEmpty();
      assertUnchanged(injection, before);
    }
  }

  // ===================================================================================================
  // our pages (Tasklist login) and the external bodies' page (no login)
  // ===================================================================================================

  @TestFactory
  Stream<DynamicTest> pages_refuseMalformedRequests_inGerman_andWriteNothing() {
    List<Case> cases = new ArrayList<>();
    String upload = "/protokolle/massnahmen/" + resultsMeasureId + "/dokument";
    cases.add(page("delivery file: a word as id", "abecker", "/lieferungen/abc/datei", 400, "„abc“"));
    cases.add(page("delivery file: unknown id", "abecker", "/lieferungen/999999999/datei", 400, "Diese Lieferung gibt es nicht"));
    cases.add(page("protocol page: a word as measure id", "abecker", "/protokolle/massnahmen/abc/dokument", 400, "„abc“"));
    cases.add(page("protocol page: SQL injection as measure id", "abecker", "/protokolle/massnahmen/" + enc(SQL) + "/dokument",
        400, "ist kein gültiger Wert"));
    cases.add(page("protocol page: unknown measure", "abecker", "/protokolle/massnahmen/999999999/dokument", 400, "Unbekannte Maßnahme"));
    cases.add(page("protocol download: a word as version", "abecker", "/protokolle/1/fassungen/erste/dokument", 400, "„erste“"));
    cases.add(page("protocol download: unknown protocol", "abecker", "/protokolle/999999999/fassungen/1/dokument", 400,
        "Unbekanntes Protokoll"));
    cases.add(pageUpload("protocol upload: an executable", upload, "datei", "protokoll.exe", "MZ".getBytes(StandardCharsets.UTF_8),
        400, "PDF, DOCX oder ODT"));
    cases.add(pageUpload("protocol upload: path traversal as file name", upload, "datei", TRAVERSAL, "x".getBytes(StandardCharsets.UTF_8),
        400, "PDF, DOCX oder ODT"));
    cases.add(pageUpload("protocol upload: an empty file", upload, "datei", "protokoll.pdf", new byte[0], 400, "Bitte eine Datei"));
    cases.add(pageUpload("protocol upload: no file", upload, "anderes", "notiz.txt", "x".getBytes(StandardCharsets.UTF_8), 400,
        "Bitte eine Datei"));
    cases.add(pageUpload("protocol upload: larger than 10 MB", upload, "datei", "protokoll.pdf", new byte[TEN_MB + 64 * 1024], 413,
        "zu groß"));
    cases.add(page("overview page: SQL injection as programme", "abecker", "/uebersicht?programm=" + enc(SQL), 400, "Ungültige Auswahl"));
    cases.add(page("overview page: markup as office", "abecker", "/uebersicht?stelle=" + enc(SCRIPT), 400, "Ungültige Auswahl"));
    cases.add(page("overview export: an expression as phase", "abecker", "/uebersicht/export.csv?phase=" + enc(EL), 400, "Phase"));
    cases.add(page("measure page: markup as key", "abecker", "/uebersicht/massnahmen/" + enc("<script>alert(1)"), 404, "Keine Maßnahme"));
    cases.add(page("indicator page: SQL injection as key", "abecker", "/uebersicht/massnahmen/" + enc(SQL) + "/indikatoren", 404,
        "Keine Maßnahme"));
    cases.add(page("report page: 30 February", "abecker", "/berichte/programme/" + code + "/bericht?stand=2018-02-30", 400,
        "kein gültiges Datum"));
    cases.add(page("report page: unknown format", "abecker", "/berichte/programme/" + code + "/bericht?format=" + enc(TRAVERSAL), 400,
        "Unbekanntes Format"));
    cases.add(pageForm("settings page: an unknown delivery", "/einstellungen/benachrichtigungen", "/einstellungen/benachrichtigungen",
        "delivery=" + enc(SQL), 400, "Unbekannte Zustellart"));
    cases.add(pageForm("reports page: a briefing as of 30 February", "/berichte/programme/" + code,
        "/berichte/programme/" + code + "/unterrichtungen", "stand=2018-02-30", 400, "„2018-02-30“ ist kein gültiges Datum"));
    cases.add(pageForm("reports page: a briefing of an unknown programme", "/berichte/programme/" + code,
        "/berichte/programme/" + enc(SQL) + "/unterrichtungen", "stand=2018-09-21", 404, "Kein Programm"));
    cases.add(pageForm("reports page: a declaration while the head decides", "/berichte/programme/" + code,
        "/berichte/programme/" + code + "/phase-2", "amtsleitung=" + enc(SQL), 409, "entscheidet noch die Amtsleitung"));
    cases.add(page("reports page: unknown programme", "abecker", "/berichte/programme/" + enc(SCRIPT.replace("/", "")), 404,
        "Kein Programm"));
    cases.add(page("briefing page: unknown briefing", "abecker", "/berichte/unterrichtungen/" + code + "_Unterrichtung_99", 404,
        "Keine Unterrichtung"));
    cases.add(page("briefing page: an unknown file type", "abecker", "/berichte/unterrichtungen/" + code + "_Unterrichtung_1/bericht.exe",
        400, "Unbekanntes Format „exe“"));
    cases.add(page("delivery statistics page: unknown programme", "abecker", "/uebersicht/programme/" + enc(EL) + "/lieferstatistik",
        404, "Kein Programm"));
    cases.add(page("unknown page", "abecker", "/uebersicht/gibtsnicht/" + enc(EL), 404, "gibt es nicht"));
    for (String token : List.of("garbage", SQL, SCRIPT.replace("/", ""), EL, "1.2.3.4", "x".repeat(5000), "\uD83D\uDE42", "a\u200Bb")) {
      cases.add(page("contribution link: " + abbreviate(token), null, "/extern/beitraege/" + enc(token), 404, "Dieser Link ist ungültig"));
    }
    cases.add(new Case("contribution link: a POST without its form's token", () -> pageRequest(null, "/extern/beitraege/garbage",
        HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("beitrag=" + enc(SQL)))), 403, "Berechtigung"));
    return dynamicTests(cases);
  }

  // ===================================================================================================
  // task forms submitted through the webapps' engine API, as Tasklist does
  // ===================================================================================================

  @TestFactory
  Stream<DynamicTest> taskForms_refuseMalformedValues_inGerman_andWriteNothing() {
    List<Case> cases = new ArrayList<>();
    String participants = "\"participants\": {\"value\": \"[\\\"abecker\\\", \\\"jmueller\\\"]\", \"type\": \"Json\"}";
    // Gespräch terminieren
    cases.add(submit("scheduleTalk: 'morgen' as date", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"morgen\"}, " + participants + "}",
        "„morgen“ ist kein gültiges Datum"));
    cases.add(submit("scheduleTalk: 30 February", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"2018-02-30\"}, " + participants + "}",
        "ist kein gültiges Datum"));
    cases.add(submit("scheduleTalk: no date", "abecker", scheduleTask, "{" + participants + "}", "Bitte das Datum"));
    cases.add(submit("scheduleTalk: a number as date", "abecker", scheduleTask, "{\"talkDate\": {\"value\": 20181015}, " + participants + "}",
        "talkDate"));
    cases.add(submit("scheduleTalk: a boolean as date", "abecker", scheduleTask, "{\"talkDate\": {\"value\": true, \"type\": \"Boolean\"}, "
        + participants + "}", "talkDate"));
    cases.add(submit("scheduleTalk: an expression as date", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"" + EL + "\"}, "
        + participants + "}", "Ausdrücke sind"));
    cases.add(submit("scheduleTalk: 25:99 as time", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"2018-10-15\"}, "
        + "\"talkTime\": {\"value\": \"25:99\"}, " + participants + "}", "keine gültige Uhrzeit"));
    cases.add(submit("scheduleTalk: participants as plain text", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"2018-10-15\"}, "
        + "\"participants\": {\"value\": \"abecker\"}}", "participants"));
    cases.add(submit("scheduleTalk: participants as broken JSON", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"2018-10-15\"}, "
        + "\"participants\": {\"value\": \"[\\\"abecker\\\", \", \"type\": \"Json\"}}", "participants"));
    cases.add(submit("scheduleTalk: participants as an object", "abecker", scheduleTask, "{\"talkDate\": {\"value\": \"2018-10-15\"}, "
        + "\"participants\": {\"value\": \"{\\\"abecker\\\": true}\", \"type\": \"Json\"}}", "Liste"));
    cases.add(submit("scheduleTalk: no participants", "abecker", scheduleTask, form().text("talkDate", "2018-10-15")
        .json("participants", List.of()).toJson(), "mindestens eine teilnehmende Person"));
    cases.add(submit("scheduleTalk: an unknown participant", "abecker", scheduleTask, form().text("talkDate", "2018-10-15")
        .json("participants", List.of("abecker", "hmeier")).toJson(), "„hmeier“"));
    cases.add(submit("scheduleTalk: SQL injection as participant", "abecker", scheduleTask, form().text("talkDate", "2018-10-15")
        .json("participants", List.of(SQL)).toJson(), SQL));
    cases.add(submit("scheduleTalk: a NUL in the location", "abecker", scheduleTask, form().text("talkDate", "2018-10-15")
        .text("talkLocation", "Raum\u00001").json("participants", List.of("abecker", "jmueller")).toJson(), "unzulässiges Zeichen"));
    cases.add(submit("scheduleTalk: an unpaired surrogate in the location", "abecker", scheduleTask, "{\"talkDate\": {\"value\": "
        + "\"2018-10-15\"}, \"talkLocation\": {\"value\": \"Raum \\ud800\"}, " + participants + "}", "unzulässiges Zeichen"));
    cases.add(submit("scheduleTalk: a location of 201 characters", "abecker", scheduleTask, form().text("talkDate", "2018-10-15")
        .text("talkLocation", "R".repeat(201)).json("participants", List.of("abecker", "jmueller")).toJson(), "zu lang"));
    cases.add(submit("scheduleTalk: deeply nested JSON as participants", "abecker", scheduleTask, "{\"talkDate\": {\"value\": "
        + "\"2018-10-15\"}, \"participants\": {\"value\": " + "[".repeat(5000) + "]".repeat(5000) + "}}",
        "unvollständig oder nicht lesbar"));
    // Gesprächsergebnisse erfassen
    String held = "\"heldOn\": {\"value\": \"2018-10-15\"}, \"approach\": {\"value\": \"Bestandsanalyse\"}, "
        + "\"protocolText\": {\"value\": \"Protokoll\"}";
    cases.add(submit("recordTalkResults: 'morgen' as day held", "abecker", resultsTask, form().text("heldOn", "morgen")
        .text("approach", "Bestandsanalyse").text("protocolText", "Protokoll").toJson(), "„morgen“ ist kein gültiges Datum"));
    cases.add(submit("recordTalkResults: a day held in the future", "abecker", resultsTask, form().text("heldOn", "2999-01-01")
        .text("approach", "Bestandsanalyse").text("protocolText", "Protokoll").toJson(), "Zukunft"));
    cases.add(submit("recordTalkResults: no approach", "abecker", resultsTask, form().text("heldOn", "2018-10-15")
        .text("protocolText", "Protokoll").toJson(), "Vorgehensweise"));
    cases.add(submit("recordTalkResults: data agreements as broken JSON", "abecker", resultsTask, "{" + held
        + ", \"dataAgreements\": {\"value\": \"[{\\\"office\\\": \\\"jugendamt\\\"\", \"type\": \"Json\"}}", "dataAgreements"));
    cases.add(submit("recordTalkResults: data agreements as an object", "abecker", resultsTask, "{" + held
        + ", \"dataAgreements\": {\"value\": \"{\\\"office\\\": \\\"jugendamt\\\"}\", \"type\": \"Json\"}}", "Liste"));
    cases.add(submit("recordTalkResults: task areas as plain text", "abecker", resultsTask, "{" + held
        + ", \"taskAreas\": {\"value\": \"Jugendamt macht alles\"}}", "taskAreas"));
    cases.add(submit("recordTalkResults: first due on 30 February", "abecker", resultsTask, form().text("heldOn", "2018-10-15")
        .text("approach", "Bestandsanalyse").text("protocolText", "Protokoll").json("dataAgreements", List.of(Map.of("office", "jugendamt",
            "data", "Anfragen", "frequency", "YEARLY", "firstDue", "2019-02-30"))).toJson(), "ist kein gültiges Datum"));
    cases.add(submit("recordTalkResults: an unknown frequency", "abecker", resultsTask, form().text("heldOn", "2018-10-15")
        .text("approach", "Bestandsanalyse").text("protocolText", "Protokoll").json("dataAgreements", List.of(Map.of("office", "jugendamt",
            "data", "Anfragen", "frequency", "jede Woche", "firstDue", "2019-02-28"))).toJson(), "wie oft"));
    cases.add(submit("recordTalkResults: a valid agreement, then one with an unknown office", "abecker", resultsTask, form()
        .text("heldOn", "2018-10-15").text("approach", "Bestandsanalyse").text("protocolText", "Protokoll")
        .json("dataAgreements", List.of(
            Map.of("office", "jugendamt", "data", "Anfragen", "frequency", "YEARLY", "firstDue", "2019-02-28"),
            Map.of("office", TRAVERSAL, "data", "Anfragen", "frequency", "YEARLY", "firstDue", "2019-02-28"))).toJson(),
        "Unbekannte Stelle „" + TRAVERSAL + "“"));
    cases.add(submit("recordTalkResults: an unknown outcome", "abecker", resultsTask, form().text("talkOutcome", "vertagt")
        .text("heldOn", "2018-10-15").text("approach", "Bestandsanalyse").text("protocolText", "Protokoll").toJson(), "vertagt"));
    cases.add(submit("recordTalkResults: moved to 'gestern'", "abecker", resultsTask, form().text("talkOutcome", "moved")
        .text("talkDate", "gestern").toJson(), "„gestern“ ist kein gültiges Datum"));
    cases.add(submit("recordTalkResults: a NUL in the protocol", "abecker", resultsTask, form().text("heldOn", "2018-10-15")
        .text("approach", "Bestandsanalyse").text("protocolText", "Protokoll\u0000").toJson(), "unzulässiges Zeichen"));
    // Protokoll prüfen und unterzeichnen
    cases.add(submit("signProtocol: an unknown decision", "jmueller", signTask, form().text("signatureDecision", "vielleicht").toJson(),
        "Bitte wählen: unterzeichnen oder um eine Änderung bitten"));
    cases.add(submit("signProtocol: no decision", "jmueller", signTask, form().toJson(), "Bitte wählen"));
    cases.add(submit("signProtocol: an expression as decision", "jmueller", signTask, form().text("signatureDecision", SPEL).toJson(),
        "Ausdrücke sind"));
    cases.add(submit("signProtocol: a zero-width space after 'sign'", "jmueller", signTask, form().text("signatureDecision", "sign\u200B")
        .toJson(), "Bitte wählen"));
    cases.add(submit("signProtocol: a number as decision", "jmueller", signTask, form().number("signatureDecision", 1).toJson(),
        "signatureDecision"));
    cases.add(submit("signProtocol: a change request with a NUL", "jmueller", signTask, form().text("signatureDecision", "requestChange")
        .text("changeRequest", "Bitte\u0000ändern").toJson(), "unzulässiges Zeichen"));
    // Indikatoren konkretisieren
    cases.add(submit("concretiseIndicators: broken JSON", "abecker", concretiseTask, "{\"indicators\": {\"value\": \"[{\\\"name\\\": \","
        + " \"type\": \"Json\"}}", "indicators"));
    cases.add(submit("concretiseIndicators: none", "abecker", concretiseTask, form().json("indicators", List.of()).toJson(),
        "mindestens einen Indikator"));
    cases.add(submit("concretiseIndicators: a valid indicator, then one of an unknown office", "abecker", concretiseTask, form()
        .json("indicators", List.of(
            Map.of("name", "Plätze", "definition", "Plätze zum 31.12.", "unit", "Plätze", "sourceOffice", "jugendamt", "type", "COUNT"),
            Map.of("name", "Anteil", "definition", "Anteil", "unit", "%", "sourceOffice", SQL, "type", "PERCENT"))).toJson(),
        "Unbekannte Stelle"));
    cases.add(submit("concretiseIndicators: an unknown value type", "abecker", concretiseTask, form().json("indicators", List.of(
        Map.of("name", "Plätze", "definition", "Plätze zum 31.12.", "unit", "Plätze", "sourceOffice", "jugendamt", "type", "FARBE")))
        .toJson(), "FARBE"));
    // Bericht zur Unterrichtung vorbereiten
    cases.add(submit("prepareBriefingReport: 30 February", "abecker", prepareTask, form().text("reportAsOf", "2018-02-30").toJson(),
        "„2018-02-30“ ist kein gültiges Datum"));
    cases.add(submit("prepareBriefingReport: 'morgen'", "abecker", prepareTask, form().text("reportAsOf", "morgen").toJson(),
        "kein gültiges Datum"));
    cases.add(submit("prepareBriefingReport: a day in the future", "abecker", prepareTask, form().text("reportAsOf", "2999-12-31").toJson(),
        "Zukunft"));
    cases.add(submit("prepareBriefingReport: an outlook of 10001 characters", "abecker", prepareTask, form()
        .text("outlook", "A".repeat(10_001)).toJson(), "zu lang"));
    // Unterrichtung des Ausschusses festhalten
    cases.add(submit("recordBriefing: 30 February", "abecker", recordBriefingTask, form().text("briefingOutcome", "held")
        .text("briefedOn", "2018-02-30").toJson(), "„2018-02-30“ ist kein gültiges Datum"));
    cases.add(submit("recordBriefing: 'gestern'", "abecker", recordBriefingTask, form().text("briefingOutcome", "held")
        .text("briefedOn", "gestern").toJson(), "kein gültiges Datum"));
    cases.add(submit("recordBriefing: a session in the future", "abecker", recordBriefingTask, form().text("briefingOutcome", "held")
        .text("briefedOn", "2999-01-01").toJson(), "Zukunft"));
    cases.add(submit("recordBriefing: a session before the report's day", "abecker", recordBriefingTask, form()
        .text("briefingOutcome", "held").text("briefedOn", "2018-09-20").toJson(), "kann nicht vor dem Stand des Berichts"));
    cases.add(submit("recordBriefing: an unknown outcome", "abecker", recordBriefingTask, form().text("briefingOutcome", "vertagt")
        .text("briefedOn", "2018-10-04").toJson(), "Bitte wählen"));
    cases.add(submit("recordBriefing: cancelled without a reason", "abecker", recordBriefingTask, form()
        .text("briefingOutcome", "cancelled").toJson(), "warum die Unterrichtung abgesetzt wurde"));
    cases.add(submit("recordBriefing: a NUL in the committee", "abecker", recordBriefingTask, form().text("briefingOutcome", "held")
        .text("briefedOn", "2018-10-04").text("briefedCommittee", "Sozial\u0000ausschuss").toJson(), "unzulässiges Zeichen"));
    cases.add(submit("recordBriefing: a date as number", "abecker", recordBriefingTask, form().text("briefingOutcome", "held")
        .number("briefedOn", 20181004).toJson(), "briefedOn"));
    // Über Beginn von Phase II trotz offener Punkte entscheiden
    cases.add(submit("decidePhaseTwoOverride: an unknown decision", "hbraun", overrideTask, form().text("overrideDecision", "vielleicht")
        .text("overrideReason", "Darum").toJson(), "Bitte"));
    cases.add(submit("decidePhaseTwoOverride: override without a reason", "hbraun", overrideTask, form()
        .text("overrideDecision", "override").toJson(), "Begründung"));
    // Externe Stellen einbeziehen
    cases.add(submit("selectExternalBodies: an unknown body", "abecker", selectBodiesTask, form()
        .json("selectedBodies", List.of("gibts-nicht")).toJson(), "„gibts-nicht“ gibt es im Programm"));
    cases.add(submit("selectExternalBodies: broken JSON", "abecker", selectBodiesTask, "{\"selectedBodies\": {\"value\": \"[\\\"koblenzer\","
        + " \"type\": \"Json\"}}", "selectedBodies"));
    cases.add(submit("selectExternalBodies: a known body and a nameless new one", "abecker", selectBodiesTask, form()
        .json("selectedBodies", List.of("koblenzer-wohnbau")).json("newBodies", List.of(Map.of("organisation", "Hochschule"))).toJson(),
        "den Namen"));
    // Daten liefern (with the file the embedded form attaches)
    cases.add(submit("deliverData: a word as count", "jmueller", deliverTask, form().json("deliveredValues",
        Map.of(String.valueOf(indicatorId), "viele")).toJson(), "„viele“ ist keine Zahl"));
    cases.add(submit("deliverData: a negative count", "jmueller", deliverTask, form().json("deliveredValues",
        Map.of(String.valueOf(indicatorId), "-3")).toJson(), "ganze Zahl ab 0"));
    cases.add(submit("deliverData: values as broken JSON", "jmueller", deliverTask, "{\"deliveredValues\": {\"value\": \"{\\\"1\\\": \","
        + " \"type\": \"Json\"}}", "deliveredValues"));
    cases.add(submit("deliverData: a word as indicator id", "jmueller", deliverTask, form().json("deliveredValues",
        Map.of("abc", "3")).toJson(), "unlesbar"));
    cases.add(submit("deliverData: an executable as file", "jmueller", deliverTask, deliveryWithFile("virus.exe", "MZ".getBytes()),
        "CSV, XLSX oder PDF"));
    cases.add(submit("deliverData: path traversal as file name", "jmueller", deliverTask, deliveryWithFile(TRAVERSAL, "x".getBytes()),
        "CSV, XLSX oder PDF"));
    cases.add(submit("deliverData: an empty file", "jmueller", deliverTask, deliveryWithFile("daten.csv", new byte[0]), "leer"));
    cases.add(new Case("deliverData: a file larger than 10 MB", () -> session("jmueller").submitForm(deliverTask,
        deliveryWithFile("daten.csv", new byte[TEN_MB + 1024])), 413, "zu groß"));
    // the engine API itself
    cases.add(new Case("submit-form: unknown task", () -> session("abecker").submitForm(UUID.randomUUID().toString(),
        form().text("talkDate", "2018-10-15").toJson()), 404, "Aufgabe"));
    cases.add(new Case("submit-form: broken JSON", () -> session("abecker").postEngine("/task/" + scheduleTask + "/submit-form",
        "{\"variables\": {\"talkDate\": "), 400, "unvollständig oder nicht lesbar"));
    cases.add(new Case("submit-form: an unknown variable type", () -> session("abecker").submitForm(scheduleTask,
        "{\"talkDate\": {\"value\": \"2018-10-15\", \"type\": \"Farbe\"}}"), 400, "Den Variablentyp „Farbe“ gibt es nicht"));
    return dynamicTests(cases);
  }

  // ===================================================================================================
  // the checks every case goes through
  // ===================================================================================================

  /** A malformed request: what it is, how it is sent, the status it must get and words of its German answer. */
  private record Case(String name, Supplier<HttpResponse<String>> request, int status, String message) {}

  private Stream<DynamicTest> dynamicTests(List<Case> cases) {
    return cases.stream().map(c -> dynamicTest(c.name(), () -> refusedAndNothingWritten(c)));
  }

  private void refusedAndNothingWritten(Case c) throws IOException {
    Snapshot before = snapshot();
    HttpResponse<String> response = c.request().get();
    String body = response.body() == null ? "" : response.body();
    assertThat(response.statusCode()).as("%s: HTTP status of the answer %s", c.name(), abbreviate(body)).isEqualTo(c.status());
    assertThat(body).as("%s: no stack trace", c.name()).doesNotContainPattern(STACK_TRACE);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    String text;
    if (contentType.startsWith("application/json")) {
      // people read "message" (and the import's errors, the gate's details); the engine API keeps
      // Camunda's format, whose "type" names the kind of refusal for programs
      JsonNode answer = JSON.readTree(body);
      String message = answer.path("message").asText("");
      assertThat(message).as("%s: German message in %s", c.name(), abbreviate(body)).isNotBlank().hasSizeLessThan(1000);
      // the import lists every error of the file, the gate what is missing: each a German line
      List<String> lines = new ArrayList<>(List.of(message));
      answer.path("errors").forEach(error -> lines.add(error.path("message").asText("")));
      answer.path("details").forEach(detail -> lines.add(detail.asText("")));
      lines.forEach(line -> assertThat(line).as("%s: German message in %s", c.name(), abbreviate(body))
          .isNotBlank().hasSizeLessThan(1000));
      text = String.join("\n", lines);
    } else {
      assertThat(contentType).as("%s: a page or text, %s", c.name(), abbreviate(body)).startsWith("text/");
      text = body;
    }
    assertThat(text).as("%s: German message in %s %s", c.name(), response.headers().map(), abbreviate(body))
        .doesNotContainPattern(INTERNALS);
    assertThat(text).as("%s: German message", c.name()).contains(c.message());
    assertUnchanged(c.name(), before);
  }

  /** Row counts of every table; contents of our tables and of the engine's runtime tables. */
  private record Snapshot(Map<String, Long> counts, Map<String, String> contents) {}

  private Snapshot snapshot() {
    Map<String, Long> counts = TableCounts.all(jdbc);
    Map<String, String> contents = new TreeMap<>();
    for (String table : counts.keySet()) {
      if (!table.startsWith("act_") || table.startsWith("act_ru_")) {
        contents.put(table, jdbc.queryForObject("select coalesce(md5(string_agg(md5(t::text), ',' order by md5(t::text))), '')"
            + " from \"" + table + "\" t", String.class));
      }
    }
    return new Snapshot(counts, contents);
  }

  private void assertUnchanged(String name, Snapshot before) {
    Snapshot after = snapshot();
    assertThat(after.counts()).as("%s: row counts of every table", name).isEqualTo(before.counts());
    assertThat(after.contents()).as("%s: contents of our tables and the engine's runtime tables", name).isEqualTo(before.contents());
  }

  // ===================================================================================================
  // how the cases are sent
  // ===================================================================================================

  private Case yaml(String name, UnaryOperator<String> breakIt, int status, String message) {
    return new Case("import: " + name, () -> admin().post(PROGRAMMES, YAML, breakIt.apply(programme())), status, message);
  }

  private Case json(String name, UnaryOperator<String> breakIt, int status, String message) {
    return new Case("import: " + name, () -> admin().postJson(PROGRAMMES, breakIt.apply(asJson(programme()))), status, message);
  }

  private Case upload(String name, String fileName, byte[] content, int status, String message) {
    return new Case("import: " + name, () -> fileName == null
        ? admin().postMultipart(PROGRAMMES, Map.of("note", "keine Datei"), "other", "x.txt", "text/plain", programme().getBytes())
        : admin().postMultipart(PROGRAMMES, Map.of(), "file", fileName, YAML, content), status, message);
  }

  private Case get(String name, String path, int status, String message) {
    return new Case(name, () -> api("abecker").get(path), status, message);
  }

  private Case post(String name, String path, String json, int status, String message) {
    return new Case(name, () -> api("abecker").postJson(path, json), status, message);
  }

  private Case put(String name, String path, String json, int status, String message) {
    return new Case(name, () -> api("abecker").putJson(path, json), status, message);
  }

  private Case submit(String name, String userId, String taskId, String variablesJson, String message) {
    return new Case(name, () -> session(userId).submitForm(taskId, variablesJson), 400, message);
  }

  private Case page(String name, String userId, String path, int status, String message) {
    return new Case(name, () -> pageRequest(userId, path, HttpRequest.newBuilder().GET()), status, message);
  }

  /** A form of one of our pages ({@code page}), posted to {@code path} with the page's CSRF token as a browser does. */
  private Case pageForm(String name, String page, String path, String form, int status, String message) {
    return new Case(name, () -> {
      String token = csrfToken("abecker", page);
      return pageRequest("abecker", path, HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(form)));
    }, status, message);
  }

  /** A file uploaded on one of our pages ({@code multipart/form-data}), with the page's CSRF token. */
  private Case pageUpload(String name, String path, String field, String fileName, byte[] content, int status, String message) {
    return new Case(name, () -> {
      String token = csrfToken("abecker", path);
      String boundary = "----BadInput" + UUID.randomUUID().toString().replace("-", "");
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return pageRequest("abecker", path, HttpRequest.newBuilder().header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }, status, message);
  }

  private String csrfToken(String userId, String path) {
    HttpResponse<String> page = pageRequest(userId, path, HttpRequest.newBuilder().GET());
    assertThat(page.statusCode()).as("the page %s: %s", path, abbreviate(page.body())).isEqualTo(200);
    return page.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  /** A browser's request to one of our pages: HTML wanted, the user's Tasklist session (or none). */
  private HttpResponse<String> pageRequest(String userId, String path, HttpRequest.Builder request) {
    request.uri(URI.create(baseUrl() + path)).header("Accept", "text/html,application/xhtml+xml");
    if (userId != null) {
      request.header("Cookie", "JSESSIONID=" + session(userId).cookie("JSESSIONID"));
    }
    try {
      return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String deliveryWithFile(String fileName, byte[] content) {
    return "{\"deliveredValues\": {\"value\": \"{\\\"" + indicatorId + "\\\": \\\"12\\\"}\", \"type\": \"Json\"},"
        + " \"deliveryFile\": {\"value\": \"" + Base64.getEncoder().encodeToString(content) + "\", \"type\": \"File\","
        + " \"valueInfo\": {\"filename\": \"" + fileName + "\", \"mimetype\": \"application/octet-stream\"}}}";
  }

  private BasicAuthClient admin() {
    return api(TestIdentities.ADMIN);
  }

  private BasicAuthClient api(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  private TasklistSession session(String userId) {
    return SESSIONS.computeIfAbsent(userId, this::login);
  }

  private static String claimed(TasklistSession session, Task task) {
    assertThat(task).as("task to claim").isNotNull();
    assertThat(session.claim(task.getId()).statusCode()).isEqualTo(204);
    return task.getId();
  }

  /** The valid programme file under a new code. */
  private static String programme() {
    return PROGRAMME.formatted(ProgrammeFiles.uniqueCode("BI"));
  }

  private static String asJson(String yaml) {
    try {
      return JSON.writeValueAsString(new YAMLMapper().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nine levels of nine aliases each: a billion "lol"s if anything expanded them. */
  private static String billionLaughs() {
    StringBuilder bomb = new StringBuilder("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      bomb.append("lol").append(level).append(": &l").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
    }
    return bomb.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
