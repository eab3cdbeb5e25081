package de.umsetzungsmonitor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The implementation overview over HTTP on PostgreSQL: the JSON API and its filters, the CSV
 * export of the current view, who sees which measures, and the German refusals of bad filters.
 */
@PostgresIntegrationTest
class ImplementationOverviewPostgresTest extends PostgresTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  private String code;

  @BeforeEach
  void importProgramme() {
    code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "OVIEW");
  }

  @Test
  void api_listsEveryMeasureOfTheProgramme_withTalkApproachProtocolAndCurrentStep() throws IOException {
    JsonNode overview = getJson("abecker", "/api/overview?programm=" + code, 200);
    List<String> keys = keys(overview);
    assertThat(keys).hasSize(14).startsWith(code + "-M11", code + "-M12").endsWith(code + "-M43");
    assertThat(overview.get("overdueCount").asInt()).isZero();

    JsonNode m11 = row(overview, code + "-M11");
    assertThat(m11.get("talkHeldOn").asText()).isEqualTo("2018-09-20");
    assertThat(m11.get("approach").asText()).isEqualTo("Einbringung in Pflegekonferenz");
    assertThat(m11.get("protocol").get("state").asText()).isEqualTo("IN_SIGNATURE");
    assertThat(m11.get("protocol").get("missingSignatories").get(0).asText()).isEqualTo("Julia Müller");
    assertThat(m11.get("currentSteps").get(0).asText()).isEqualTo("Protokoll prüfen und unterzeichnen");
    JsonNode m12 = row(overview, code + "-M12");
    assertThat(m12.has("talkHeldOn")).as("null values are left out").isFalse();
    assertThat(m12.get("currentSteps").get(0).asText()).isEqualTo("Gespräch terminieren");
    assertThat(row(overview, code + "-M14").get("protocol").get("state").asText()).isEqualTo("IN_FORCE");
    assertThat(row(overview, code + "-M23").get("remarks").asText()).isEqualTo("Zuständigkeit der Umsetzung liegt beim Land");
  }

  @Test
  void filters_narrowByPhaseOfficeFieldOfActionOverdueAndSearch() throws IOException {
    String base = "/api/overview?programm=" + code;
    assertThat(keys(getJson("abecker", base + "&phase=TALK_PENDING", 200))).containsExactly(code + "-M12", code + "-M13");
    assertThat(keys(getJson("abecker", base + "&stelle=liegenschaften", 200))).containsExactly(code + "-M24");
    assertThat(keys(getJson("abecker", base + "&stelle=hauptamt", 200))).containsExactly(code + "-M43");
    assertThat(keys(getJson("abecker", base + "&suche=m11", 200))).as("code without the space").containsExactly(code + "-M11");
    assertThat(keys(getJson("abecker", base + "&suche=" + enc("betriebskitas"), 200))).containsExactly(code + "-M14");
    assertThat(keys(getJson("abecker", base + "&ueberfaellig=ja", 200))).as("no period is open yet").isEmpty();

    JsonNode all = getJson("abecker", base, 200);
    JsonNode pflege = null;
    for (JsonNode option : all.get("fieldsOfAction")) {
      if (option.get("label").asText().equals("Pflege")) {
        pflege = option;
      }
    }
    assertThat(pflege).isNotNull();
    assertThat(keys(getJson("abecker", base + "&handlungsfeld=" + pflege.get("value").asText(), 200)))
        .containsExactly(code + "-M11", code + "-M12", code + "-M13", code + "-M14");
  }

  @Test
  void everyoneSeesWhatTheirGroupsAllow() throws IOException {
    String base = "/api/overview?programm=" + code;
    assertThat(keys(getJson("cwolf", base, 200))).as("managers read the programme").hasSize(14);
    assertThat(keys(getJson("lweber", base, 200))).containsExactly(code + "-M24");
    assertThat(keys(getJson("pkoch", base, 200))).containsExactly(code + "-M43");
    assertThat(getJson("jwagner", base, 400).get("message").asText())
        .as("the Bildungsbüro does not see the social report").isEqualTo("Das Programm „" + code + "“ gibt es nicht in Ihren Programmen.");
    assertThat(BasicAuthClient.anonymous(baseUrl()).get(base).statusCode()).isEqualTo(401);

    TasklistSession lweber = login("lweber");
    assertThat(lweber.get("/uebersicht/massnahmen/" + code + "-M24").statusCode()).isEqualTo(200);
    HttpResponse<String> foreign = lweber.get("/uebersicht/massnahmen/" + code + "-M11");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).contains("Keine Maßnahme " + code + "-M11 in Ihren Programmen.");
    assertThat(TasklistSession.anonymous(baseUrl()).get("/uebersicht").statusCode()).as("login first").isEqualTo(302);
  }

  @Test
  void csvExport_isTheCurrentViewInGermanSpreadsheetFormat() throws IOException {
    TasklistSession abecker = login("abecker");
    HttpResponse<String> response = abecker.get("/uebersicht/export.csv?programm=" + code + "&phase=TALK_PENDING");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment").contains("umsetzungsuebersicht-");
    assertThat(response.body()).startsWith("\uFEFF");
    List<String[]> lines = csv(response.body().substring(1));
    assertThat(lines.get(0)).containsExactly("Programm", "Maßnahme", "Text", "Handlungsfeld", "Phase", "Aktueller Schritt",
        "Federführende Stelle", "Gesprächstermin", "Vorgehensweise", "Bemerkungen", "Protokoll",
        "Noch nicht unterzeichnet", "Nächste Lieferung fällig", "Nächste Lieferung", "Überfällig");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)[1]).isEqualTo("M 12");
    assertThat(lines.get(1)[4]).isEqualTo("Phase I: Gespräch ausstehend");
    assertThat(lines.get(1)[5]).isEqualTo("Gespräch terminieren");
    assertThat(lines.get(2)[1]).isEqualTo("M 13");

    List<String[]> m23 = csv(abecker.get("/uebersicht/export.csv?programm=" + code + "&suche=M%2023").body().substring(1));
    assertThat(m23).hasSize(2);
    assertThat(m23.get(1)[7]).isEqualTo("20.09.2018");
    assertThat(m23.get(1)[9]).isEqualTo("Zuständigkeit der Umsetzung liegt beim Land");
    assertThat(m23.get(1)[10]).startsWith("in Unterzeichnung (Fassung 1)");
  }

  @Test
  void badFilters_areRefusedInGerman_with400() throws IOException {
    String base = "/api/overview?programm=" + code;
    assertThat(getJson("abecker", base + "&phase=XYZ", 400).get("message").asText()).isEqualTo("Die Phase „XYZ“ gibt es nicht.");
    assertThat(getJson("abecker", "/api/overview?programm=NOPE", 400).get("message").asText())
        .isEqualTo("Das Programm „NOPE“ gibt es nicht in Ihren Programmen.");
    assertThat(getJson("abecker", base + "&stelle=" + enc("<script>"), 400).get("message").asText())
        .isEqualTo("Die Stelle „<script>“ ist an keiner Maßnahme dieser Auswahl beteiligt.");
    assertThat(getJson("abecker", base + "&handlungsfeld=999999", 400).get("message").asText())
        .startsWith("Das Handlungsfeld „999999“");
    assertThat(getJson("abecker", base + "&ueberfaellig=vielleicht", 400).get("message").asText())
        .isEqualTo("„Nur Überfälliges“ kennt nur die Werte „ja“ und „nein“.");
    assertThat(getJson("abecker", base + "&suche=" + "x".repeat(201), 400).get("message").asText())
        .isEqualTo("Der Suchbegriff ist zu lang (höchstens 200 Zeichen).");

    TasklistSession abecker = login("abecker");
    HttpResponse<String> page = abecker.get("/uebersicht?programm=" + code + "&phase=XYZ");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Ungültige Auswahl", "Die Phase „XYZ“ gibt es nicht.");
    HttpResponse<String> export = abecker.get("/uebersicht/export.csv?programm=NOPE");
    assertThat(export.statusCode()).isEqualTo(400);
    assertThat(export.body()).isEqualTo("Das Programm „NOPE“ gibt es nicht in Ihren Programmen.");
  }

  private JsonNode getJson(String userId, String path, int expectedStatus) throws IOException {
    HttpResponse<String> response = BasicAuthClient.as(baseUrl(), userId, TestIdentities.password()).get(path);
    assertThat(response.statusCode()).as("%s %s: %s", userId, path, response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private static List<String> keys(JsonNode overview) {
    List<String> keys = new ArrayList<>();
    overview.get("rows").forEach(row -> keys.add(row.get("businessKey").asText()));
    return keys;
  }

  private static JsonNode row(JsonNode overview, String businessKey) {
    for (JsonNode row : overview.get("rows")) {
      if (row.get("businessKey").asText().equals(businessKey)) {
        return row;
      }
    }
    throw new AssertionError("no row " + businessKey);
  }

  private static List<String[]> csv(String body) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (var lines = mapper.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(';')).<String[]>readValues(body)) {
      return lines.readAll();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
