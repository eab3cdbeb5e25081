package de.umsetzungsmonitor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.IndicatorRepository;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.OfficeRepository;
import de.umsetzungsmonitor.catalogue.ValueType;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.DataAgreementRepository;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.DeliveryRepository;
import de.umsetzungsmonitor.deliveries.DeliveryValue;
import de.umsetzungsmonitor.deliveries.ReportingPeriod;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicator overview and the delivery statistics on PostgreSQL, over a constructed history
 * relative to today (the application's clock): M 41 has two yearly agreements, the
 * Kultur- und Schulverwaltungsamt's (on time, late, returned, overdue, in review on time, not yet
 * due) and the Jugendamt's (late, missed, locked, in review late, on time, not yet due); M 14 adds
 * one Jugendamt period delivered on time, so the programme's figures differ from the measure's.
 */
@PostgresIntegrationTest
class IndicatorOverviewPostgresTest extends PostgresTestSupport {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired
  private MeasureRepository measures;

  @Autowired
  private OfficeRepository offices;

  @Autowired
  private IndicatorRepository indicators;

  @Autowired
  private DataAgreementRepository agreements;

  @Autowired
  private DeliveryRepository deliveries;

  @Autowired
  private TransactionTemplate transaction;

  private final ObjectMapper json = new ObjectMapper();

  private String code;
  private String key;
  /** This year; the periods of the history are the years {@code y - 5} to {@code y}. */
  private int y;

  @BeforeEach
  void constructHistory() {
    code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "OVW");
    key = code + "-M41";
    y = LocalDate.now(BERLIN).getYear();
    transaction.executeWithoutResult(status -> {
      var measure = measures.findByBusinessKey(key).orElseThrow();
      var schulverwaltung = offices.findByCode("schulverwaltung").orElseThrow();
      var jugendamt = offices.findByCode("jugendamt").orElseThrow();
      Indicator schools = indicators.save(new Indicator(measure, "Ganztagsschulen mit Qualitätsstandards",
          "Anzahl der Ganztagsschulen mit schriftlich festgelegten Qualitätsstandards zum 31.12.", "Schulen",
          schulverwaltung, 1, "abecker", Instant.now()).typed(ValueType.COUNT));
      Indicator kitas = indicators.save(new Indicator(measure, "Anteil der Kitas mit Qualitätsstandards",
          "Kitas mit Ganztagsplätzen und festgelegten Qualitätsstandards je 100 Kitas mit Ganztagsplätzen", "%",
          jugendamt, 2, "abecker", Instant.now()).typed(ValueType.PERCENT));
      Indicator remark = indicators.save(new Indicator(measure, "Stand der Abstimmung",
          "Kurzbeschreibung, wie weit die Abstimmung der Standards mit den Trägern ist", "",
          jugendamt, 3, "abecker", Instant.now()).typed(ValueType.TEXT));

      DataAgreement schoolData = agreementOf(measure.getId(), "schulverwaltung");
      period(schoolData, y - 5, d -> accept(d, at(y - 5, 12, 20), DeliveryValue.number(schools, new BigDecimal("12"))));
      period(schoolData, y - 4, d -> accept(d, at(y - 3, 1, 15), DeliveryValue.number(schools, new BigDecimal("14"))));
      period(schoolData, y - 3, d -> {
        d.submit(List.of(DeliveryValue.number(schools, new BigDecimal("999"))), null, "shoffmann", at(y - 3, 12, 10));
        d.returnForCorrection("Die Zahl ist unplausibel.", "abecker", at(y - 3, 12, 12));
      });
      period(schoolData, y - 2, d -> { });
      period(schoolData, y - 1, d -> d.submit(List.of(DeliveryValue.number(schools, new BigDecimal("17"))), null,
          "shoffmann", at(y - 1, 12, 30)));
      period(schoolData, y, d -> { });

      DataAgreement kitaData = agreementOf(measure.getId(), "jugendamt");
      period(kitaData, y - 5, d -> accept(d, at(y - 4, 1, 10), DeliveryValue.number(kitas, new BigDecimal("40.5"))));
      period(kitaData, y - 4, Delivery::closeAsMissed);
      period(kitaData, y - 3, Delivery::lock);
      period(kitaData, y - 2, d -> d.submit(List.of(DeliveryValue.number(kitas, new BigDecimal("52"))), null,
          "tschmitt", at(y - 1, 2, 1)));
      period(kitaData, y - 1, d -> accept(d, at(y - 1, 12, 15), DeliveryValue.number(kitas, new BigDecimal("61.25")),
          DeliveryValue.text(remark, "Standards mit allen Trägern abgestimmt")));
      period(kitaData, y, d -> { });

      var m14 = measures.findByBusinessKey(code + "-M14").orElseThrow();
      DataAgreement placesData = agreementOf(m14.getId(), "jugendamt");
      period(placesData, y - 1, d -> accept(d, at(y - 1, 11, 30)));
      period(placesData, y, d -> { });
    });
  }

  @Test
  void indicators_showDefinitionSourceOfficeValuesPerPeriod_theLatestAcceptedValue_andEachPeriodsCompleteness()
      throws IOException {
    JsonNode overview = getJson("abecker", "/api/measures/" + key + "/indicators", 200);

    assertThat(overview.get("businessKey").asText()).isEqualTo(key);
    assertThat(overview.get("measureCode").asText()).isEqualTo("M 41");
    assertThat(overview.get("programmeCode").asText()).isEqualTo(code);
    assertThat(overview.get("asOf").asText()).isEqualTo(LocalDate.now(BERLIN).toString());

    JsonNode schools = overview.get("indicators").get(0);
    assertThat(schools.get("name").asText()).isEqualTo("Ganztagsschulen mit Qualitätsstandards");
    assertThat(schools.get("definition").asText()).startsWith("Anzahl der Ganztagsschulen");
    assertThat(schools.get("unit").asText()).isEqualTo("Schulen");
    assertThat(schools.get("valueType").asText()).isEqualTo("COUNT");
    assertThat(schools.get("valueTypeLabel").asText()).isEqualTo("Anzahl");
    assertThat(schools.get("sourceOffice").get("code").asText()).isEqualTo("schulverwaltung");
    assertThat(schools.get("sourceOffice").get("name").asText()).isEqualTo("Kultur- und Schulverwaltungsamt");
    assertThat(lines(schools.get("periods"))).containsExactly(
        (y - 5) + " ON_TIME fristgerecht geliefert 12 Schulen",
        (y - 4) + " LATE verspätet geliefert 14 Schulen",
        (y - 3) + " RETURNED zurückgegeben -",              // the returned value is not shown
        (y - 2) + " OVERDUE überfällig -",
        (y - 1) + " IN_REVIEW in Prüfung 17 Schulen (vorläufig)",
        y + " PENDING ausstehend -");
    assertThat(schools.get("periods").get(0).get("dueDate").asText()).isEqualTo((y - 5) + "-12-31");
    assertThat(schools.get("periods").get(0).get("stateLabel").asText()).isEqualTo("angenommen");
    assertThat(schools.get("latestAcceptedValue").get("display").asText()).isEqualTo("14 Schulen");
    assertThat(schools.get("latestAcceptedValue").get("number").decimalValue()).isEqualByComparingTo("14");
    assertThat(schools.get("latestAcceptedValue").get("periodLabel").asText()).isEqualTo(String.valueOf(y - 4));

    JsonNode kitas = overview.get("indicators").get(1);
    assertThat(kitas.get("valueTypeLabel").asText()).isEqualTo("Prozent");
    assertThat(lines(kitas.get("periods"))).containsExactly(
        (y - 5) + " LATE verspätet geliefert 40,5 %",
        (y - 4) + " MISSED nicht geliefert -",
        (y - 3) + " LOCKED gesperrt -",
        (y - 2) + " IN_REVIEW in Prüfung 52 % (vorläufig)",
        (y - 1) + " ON_TIME fristgerecht geliefert 61,25 %",
        y + " PENDING ausstehend -");
    assertThat(kitas.get("latestAcceptedValue").get("display").asText()).isEqualTo("61,25 %");
    assertThat(kitas.get("latestAcceptedValue").get("number").decimalValue()).isEqualByComparingTo("61.25");

    JsonNode remark = overview.get("indicators").get(2);
    assertThat(remark.get("valueTypeLabel").asText()).isEqualTo("Text");
    assertThat(remark.get("latestAcceptedValue").get("text").asText()).isEqualTo("Standards mit allen Trägern abgestimmt");
    assertThat(remark.get("latestAcceptedValue").has("number")).isFalse();

    JsonNode schoolAgreement = overview.get("agreements").get(0);
    assertThat(schoolAgreement.get("supplierOffice").get("code").asText()).isEqualTo("schulverwaltung");
    assertThat(schoolAgreement.get("frequencyLabel").asText()).isEqualTo("jährlich");
    JsonNode returned = schoolAgreement.get("periods").get(2);
    assertThat(returned.get("completenessLabel").asText()).isEqualTo("zurückgegeben");
    assertThat(returned.get("returnReason").asText()).isEqualTo("Die Zahl ist unplausibel.");
    assertThat(returned.get("due").asBoolean()).isTrue();
    assertThat(returned.get("received").asBoolean()).isFalse();
    JsonNode late = overview.get("agreements").get(1).get("periods").get(3);
    assertThat(late.get("completeness").asText()).isEqualTo("IN_REVIEW");
    assertThat(late.get("received").asBoolean()).isTrue();
    assertThat(late.get("receivedOnTime").asBoolean()).isFalse();
    assertThat(Instant.parse(late.get("submittedAt").asText())).isEqualTo(at(y - 1, 2, 1));
  }

  @Test
  void rates_perOfficeMeasureAndProgramme_areExactFractionsOfThePeriodsAlreadyDue() throws IOException {
    JsonNode statistics = getJson("abecker", "/api/measures/" + key + "/indicators", 200).get("statistics");

    JsonNode schools = statistics.get("offices").get(0);
    assertThat(schools.get("office").get("code").asText()).isEqualTo("schulverwaltung");
    assertCounts(schools.get("counts"), 6, 1, 5, 3, 2, 1, 1, 1, 1, 0, 0);
    assertRate(schools.get("counts").get("reportingRate"), 3, 5, "0.6000", "60,0 %");
    assertRate(schools.get("counts").get("onTimeRate"), 2, 5, "0.4000", "40,0 %");

    JsonNode kitas = statistics.get("offices").get(1);
    assertThat(kitas.get("office").get("code").asText()).isEqualTo("jugendamt");
    assertCounts(kitas.get("counts"), 6, 1, 5, 3, 1, 2, 1, 0, 0, 1, 1);
    assertRate(kitas.get("counts").get("reportingRate"), 3, 5, "0.6000", "60,0 %");
    assertRate(kitas.get("counts").get("onTimeRate"), 1, 5, "0.2000", "20,0 %");

    assertCounts(statistics.get("total"), 12, 2, 10, 6, 3, 3, 2, 1, 1, 1, 1);
    assertRate(statistics.get("total").get("reportingRate"), 6, 10, "0.6000", "60,0 %");
    assertRate(statistics.get("total").get("onTimeRate"), 3, 10, "0.3000", "30,0 %");

    JsonNode programme = getJson("abecker", "/api/programmes/" + code + "/delivery-statistics", 200);
    assertThat(programme.get("programmeCode").asText()).isEqualTo(code);
    JsonNode jugendamt = officeRow(programme, "jugendamt");
    assertCounts(jugendamt.get("counts"), 8, 2, 6, 4, 2, 2, 1, 0, 0, 1, 1);
    assertRate(jugendamt.get("counts").get("reportingRate"), 4, 6, "0.6667", "66,7 %");
    assertRate(jugendamt.get("counts").get("onTimeRate"), 2, 6, "0.3333", "33,3 %");
    JsonNode schulverwaltung = officeRow(programme, "schulverwaltung");
    assertRate(schulverwaltung.get("counts").get("reportingRate"), 3, 5, "0.6000", "60,0 %");
    // an office whose agreements have no period opened yet: counted, but without a rate
    JsonNode stadtplanung = officeRow(programme, "stadtplanung");
    assertThat(stadtplanung.get("counts").get("due").asInt()).isZero();
    assertThat(stadtplanung.get("counts").get("reportingRate").has("value")).isFalse();
    assertThat(stadtplanung.get("counts").get("reportingRate").get("label").asText()).isEqualTo("–");

    assertCounts(programme.get("total"), 14, 3, 11, 7, 4, 3, 2, 1, 1, 1, 1);
    assertRate(programme.get("total").get("reportingRate"), 7, 11, "0.6364", "63,6 %");
    assertRate(programme.get("total").get("onTimeRate"), 4, 11, "0.3636", "36,4 %");
    assertThat(measureRow(programme, code + "-M14").get("counts").get("onTimeRate").get("label").asText())
        .isEqualTo("100,0 %");
    assertThat(measureRow(programme, key).get("counts").get("due").asInt()).isEqualTo(10);
  }

  @Test
  void page_showsIndicatorsValuesBadgesAndRatesInGerman_withoutExternalResources() throws Exception {
    TasklistSession abecker = login("abecker");

    HttpResponse<String> page = page(abecker, "/uebersicht/massnahmen/" + key + "/indikatoren");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
    assertThat(page.body()).contains("<html lang=\"de\"", "Indikatoren der Maßnahme M 41",
        "Ganztagsschulen mit Qualitätsstandards", "Kultur- und Schulverwaltungsamt", "Letzter angenommener Wert",
        "14 Schulen", "61,25 %", "17 Schulen</span><span> (vorläufig)",
        "badge badge-on-time\">fristgerecht geliefert", "badge badge-late\">verspätet geliefert",
        "badge badge-overdue\">überfällig", "badge badge-returned\">zurückgegeben", "badge badge-in-review\">in Prüfung",
        "badge badge-locked\">gesperrt", "badge badge-missed\">nicht geliefert", "badge badge-pending\">ausstehend",
        "Rückgabegrund: Die Zahl ist unplausibel.", "(verspätet eingegangen)",
        "Lieferquote", "Pünktlichkeitsquote", "60,0 % (3 von 5)", "20,0 % (1 von 5)", "30,0 % (3 von 10)",
        "Maßnahme insgesamt", "Lieferstatistik des Programms", "<caption>", "scope=\"col\"", "Zum Inhalt springen")
        .doesNotContain("<script", "999 Schulen")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");

    HttpResponse<String> programme = page(abecker, "/uebersicht/programme/" + code + "/lieferstatistik");
    assertThat(programme.statusCode()).as(programme.body()).isEqualTo(200);
    assertThat(programme.body()).contains("<html lang=\"de\"", "Lieferstatistik", "Amt für Jugend, Familie, Senioren und Soziales",
        "66,7 % (4 von 6)", "Programm insgesamt", "63,6 % (7 von 11)", "36,4 % (4 von 11)",
        "/uebersicht/massnahmen/" + key + "/indikatoren")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void measure_isShownToItsReadersAndOffices_andRefusedToAnotherOffice_asIfUnknown() throws Exception {
    String path = "/api/measures/" + key + "/indicators";
    getJson("cwolf", path, 200);        // managers of the programme
    getJson("shoffmann", path, 200);    // a lead office of M 41
    getJson("tschmitt", path, 200);     // the other lead office
    getJson(TestIdentities.ADMIN, path, 200);
    JsonNode refused = getJson("mfischer", path, 404);   // Amt für Stadtentwicklung: not an office of M 41
    assertThat(refused.get("message").asText()).isEqualTo("Keine Maßnahme " + key + " in Ihren Programmen.");
    getJson("jwagner", path, 404);      // the other programme's coordinating unit
    JsonNode unknown = getJson("abecker", "/api/measures/" + code + "-M99/indicators", 404);
    assertThat(unknown.get("message").asText()).isEqualTo("Keine Maßnahme " + code + "-M99 in Ihren Programmen.");
    assertThat(BasicAuthClient.anonymous(baseUrl()).get(path).statusCode()).isEqualTo(401);
    // the audit trail of the same measure answers alike
    assertThat(getJson("mfischer", "/api/measures/" + key + "/audit", 404).path("message").asText())
        .isEqualTo("Keine Maßnahme " + key + " in Ihren Programmen.");

    String statistics = "/api/programmes/" + code + "/delivery-statistics";
    getJson("cwolf", statistics, 200);
    getJson("shoffmann", statistics, 404);   // an office reads its measures, not the whole programme
    getJson("jwagner", statistics, 404);
    assertThat(getJson("abecker", "/api/programmes/NIX9/delivery-statistics", 404).get("message").asText())
        .isEqualTo("Kein Programm NIX9, dessen Lieferstatistik Sie sehen dürfen.");

    HttpResponse<String> otherOffice = page(login("mfischer"), "/uebersicht/massnahmen/" + key + "/indikatoren");
    assertThat(otherOffice.statusCode()).isEqualTo(404);
    assertThat(otherOffice.body()).contains("<html lang=\"de\"", "Keine Maßnahme " + key + " in Ihren Programmen.")
        .doesNotContain("Ganztagsschulen");
    HttpResponse<String> ownOffice = page(login("shoffmann"), "/uebersicht/massnahmen/" + key + "/indikatoren");
    assertThat(ownOffice.statusCode()).isEqualTo(200);
    assertThat(ownOffice.body()).doesNotContain("Lieferstatistik des Programms");
    assertThat(page(login("shoffmann"), "/uebersicht/programme/" + code + "/lieferstatistik").statusCode()).isEqualTo(404);

    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/uebersicht/massnahmen/" + key + "/indikatoren")).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private DataAgreement agreementOf(Long measureId, String officeCode) {
    return agreements.findByMeasureIdOrderByPosition(measureId).stream()
        .filter(a -> a.getSupplierOffice().getCode().equals(officeCode)).findFirst().orElseThrow();
  }

  /** Opens the agreement's period that ends on 31.12. of {@code year} and lets {@code history} happen to it. */
  private void period(DataAgreement agreement, int year, Consumer<Delivery> history) {
    int index = year - agreement.getFirstDue().getYear();
    ReportingPeriod period = ReportingPeriod.of(agreement.getFirstDue(), agreement.reportingPeriod(), index);
    assertThat(period.label()).isEqualTo(String.valueOf(year));
    Delivery delivery = new Delivery(agreement, period, period.due().plusMonths(2), at(year, 1, 1));
    history.accept(delivery);
    deliveries.save(delivery);
  }

  private static void accept(Delivery delivery, Instant submittedAt, DeliveryValue... values) {
    delivery.submit(List.of(values), null, "shoffmann", submittedAt);
    delivery.accept("abecker", submittedAt.plusSeconds(86_400));
  }

  /** 10 o'clock German time on the given day. */
  private static Instant at(int year, int month, int day) {
    return MonthDay.of(month, day).atYear(year).atTime(10, 0).atZone(BERLIN).toInstant();
  }

  /** "year completeness label value": one period of an indicator as a line; "-" where no value is shown. */
  private static List<String> lines(JsonNode periods) {
    List<String> lines = new ArrayList<>();
    for (JsonNode period : periods) {
      JsonNode value = period.get("value");
      String shown = value == null ? "-" : value.get("display").asText() + (value.get("provisional").asBoolean() ? " (vorläufig)" : "");
      lines.add(period.get("periodLabel").asText() + " " + period.get("completeness").asText() + " "
          + period.get("completenessLabel").asText() + " " + shown);
    }
    return lines;
  }

  private static void assertCounts(JsonNode counts, int periods, int notYetDue, int due, int received, int onTime,
      int late, int inReview, int returned, int overdue, int locked, int missed) {
    assertThat(List.of(counts.get("periods").asInt(), counts.get("notYetDue").asInt(), counts.get("due").asInt(),
        counts.get("received").asInt(), counts.get("receivedOnTime").asInt(), counts.get("receivedLate").asInt(),
        counts.get("inReview").asInt(), counts.get("returned").asInt(), counts.get("overdue").asInt(),
        counts.get("locked").asInt(), counts.get("missed").asInt()))
        .as("periods, notYetDue, due, received, onTime, late, inReview, returned, overdue, locked, missed: %s", counts)
        .containsExactly(periods, notYetDue, due, received, onTime, late, inReview, returned, overdue, locked, missed);
  }

  private static void assertRate(JsonNode rate, int numerator, int denominator, String value, String label) {
    assertThat(rate.get("numerator").asInt()).as("%s", rate).isEqualTo(numerator);
    assertThat(rate.get("denominator").asInt()).as("%s", rate).isEqualTo(denominator);
    assertThat(rate.get("value").decimalValue()).as("%s", rate).isEqualByComparingTo(new BigDecimal(value));
    assertThat(rate.get("label").asText()).isEqualTo(label);
  }

  private static JsonNode officeRow(JsonNode programme, String officeCode) {
    for (JsonNode row : programme.get("offices")) {
      if (row.get("office").get("code").asText().equals(officeCode)) {
        return row;
      }
    }
    throw new AssertionError("No office " + officeCode + " in " + programme);
  }

  private static JsonNode measureRow(JsonNode programme, String businessKey) {
    for (JsonNode row : programme.get("measures")) {
      if (row.get("businessKey").asText().equals(businessKey)) {
        return row;
      }
    }
    throw new AssertionError("No measure " + businessKey + " in " + programme);
  }

  private JsonNode getJson(String userId, String path, int expectedStatus) throws IOException {
    HttpResponse<String> response = BasicAuthClient.as(baseUrl(), userId, TestIdentities.password()).get(path);
    assertThat(response.statusCode()).as("%s as %s: %s", path, userId, response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  /** Our page as a browser asks for it, with the Tasklist session's cookie. */
  private HttpResponse<String> page(TasklistSession session, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "text/html").header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
