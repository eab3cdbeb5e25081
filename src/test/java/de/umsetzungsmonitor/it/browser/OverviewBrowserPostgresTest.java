package de.umsetzungsmonitor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import de.umsetzungsmonitor.support.Browser;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TestIdentities;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webapps and the implementation overview in a real browser (Debian's headless Chromium)
 * against the running application on PostgreSQL: a staff member signs a protocol in German
 * Tasklist and the overview shows the signature; a manager reads the overview and a measure's
 * chart; an office sees only its own measures; axe-core finds no serious accessibility violation.
 * Every step leaves a screenshot in {@code target/screenshots/}.
 */
@PostgresIntegrationTest
@ExtendWith(Browser.class)
class OverviewBrowserPostgresTest extends PostgresTestSupport {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired
  private FilterService filters;

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

  @Test
  void staffMember_claimsTheSigningTaskFromTheGroupQueueInGermanTasklist_signsIt_andTheOverviewShowsTheSignature() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "UISIGN");
    String key = code + "-M11";   // talk of 20.09.2018: abecker has signed, jmueller has not
    Task task = signingTaskOf(signOff(key).getId(), "jmueller");
    assertThat(task.getAssignee()).isNull();
    assertThat(candidateGroups(task.getId())).contains("jugendamt");
    String queue = filters.createFilterQuery().filterName("Aufgaben meiner Stellen").singleResult().getId();

    try (Browser browser = Browser.laptop()) {
      browser.open(baseUrl() + "/camunda/app/tasklist/default/");
      browser.waitFor(By.cssSelector("input[type='password']"));
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Anmelden", "Datum und Uhrzeit");
      assertThat(browser.driver().findElement(By.cssSelector("input[type='text']")).getAttribute("placeholder"))
          .isEqualTo("Benutzername");
      browser.screenshot("01-tasklist-anmeldung");
      browser.loginToTasklist(baseUrl(), "jmueller", TestIdentities.password());

      browser.open(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + queue + "&task=" + task.getId());
      browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Protokoll prüfen und unterzeichnen"));
      browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Aufgaben meiner Stellen"));
      browser.screenshot("02-tasklist-gruppenaufgabe");
      WebElement claim = browser.waitForClickable(By.cssSelector("button.claim, a.claim, [ng-click*='claim()']"));
      claim.click();
      browser.waitUntil(d -> tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("jmueller");

      // a claimed task leaves the group queue for "Meine Aufgaben", where the form can be filled in
      String mine = filters.createFilterQuery().filterName("Meine Aufgaben").singleResult().getId();
      browser.open(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + mine + "&task=" + task.getId());
      browser.waitFor(By.xpath("//*[contains(@class, 'tasks-list')]//*[normalize-space(text())="
          + "'Protokoll prüfen und unterzeichnen']"));
      browser.waitUntil(d -> d.findElements(By.cssSelector("[ng-show*='tasklistForm']")).stream()
          .anyMatch(form -> !form.getAttribute("class").contains("disabled-form")));
      WebElement sign = browser.waitForClickable(By.xpath(
          "//label[contains(normalize-space(.), 'Ich unterzeichne das Protokoll in dieser Fassung')]"));
      browser.script("arguments[0].scrollIntoView({block: 'center'})", sign);
      sign.click();
      browser.screenshot("03-tasklist-formular-unterzeichnen");
      browser.waitForClickable(By.xpath("//button[normalize-space(.)='Abschließen']")).click();
      browser.waitUntil(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
      assertThat(signatures(key)).containsExactly("v1 abecker", "v1 jmueller");
      assertThat(protocolState(key)).isEqualTo("IN_FORCE");

      browser.open(baseUrl() + "/uebersicht?programm=" + code + "&suche=M%2011");
      WebElement row = browser.waitFor(By.cssSelector("tr[data-measure='" + key + "']"));
      assertThat(row.findElement(By.cssSelector("td.protocol")).getText()).contains("von allen unterzeichnet");
      browser.screenshot("04-uebersicht-nach-unterzeichnung");

      browser.open(baseUrl() + "/uebersicht/massnahmen/" + key);
      assertThat(browser.text(By.id("protokoll-stand"))).contains("von allen unterzeichnet (Fassung 1)");
      assertThat(browser.text(By.cssSelector("ol.timeline"))).contains("Protokoll Fassung 1 unterzeichnet – jmueller");
      browser.screenshot("05-massnahme-mit-unterschrift");
    }
  }

  @Test
  void manager_opensTheOverviewFromCockpit_andReadsTheMeasuresChart() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "UICHART");
    String key = code + "-M14";
    int year = LocalDate.now(BERLIN).getYear();
    yearlyValuesOfM14(key, year);

    try (Browser browser = Browser.laptop()) {
      browser.loginToTasklist(baseUrl(), "cwolf", TestIdentities.password());
      browser.open(baseUrl() + "/camunda/app/cockpit/default/#/dashboard");
      WebElement link = browser.waitFor(By.xpath("//a[@href='/uebersicht' and contains(., 'Umsetzungsübersicht')]"));
      browser.screenshot("06-cockpit-mit-umsetzungsuebersicht");
      link.click();

      browser.waitFor(By.tagName("h1"));
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Umsetzungsübersicht");
      browser.open(baseUrl() + "/uebersicht?programm=" + code);
      List<WebElement> rows = browser.all(By.cssSelector("tr[data-measure]"));
      assertThat(rows).as("a manager sees every measure of the programme").hasSize(14);
      WebElement m12 = browser.waitFor(By.cssSelector("tr[data-measure='" + code + "-M12']"));
      assertThat(m12.getText()).contains("Gespräch steht noch aus", "Gespräch terminieren");
      assertThat(browser.all(By.cssSelector("tr.overdue[data-measure='" + key + "']")))
          .as("the current year's period is pending, last year's overdue").hasSize(1);
      browser.screenshot("07-uebersicht-manager");

      browser.open(baseUrl() + "/uebersicht/massnahmen/" + key);
      WebElement chart = browser.waitFor(By.cssSelector("svg.chart[data-indicator='Plätze in Betriebskitas']"));
      assertThat(chart.findElements(By.cssSelector("circle.dot"))).hasSize(3);
      assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
          .contains((year - 4) + ": 20 Plätze", (year - 3) + ": 24 Plätze", (year - 2) + ": 31 Plätze");
      assertThat(browser.all(By.xpath("//a[contains(@href, '/camunda/app/cockpit/default/#/process-instance/')]")))
          .as("managers get the link into Cockpit").hasSize(1);
      browser.screenshot("08-massnahme");
      browser.script("arguments[0].scrollIntoView({block: 'center'})", chart);
      browser.screenshot("09-massnahme-diagramm");
    }
  }

  @Test
  void officeUser_seesOnlyTheMeasuresOfTheirOffice() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "UIOFF");
    try (Browser browser = Browser.laptop()) {
      browser.loginToTasklist(baseUrl(), "lweber", TestIdentities.password());
      browser.open(baseUrl() + "/uebersicht?programm=" + code);
      browser.waitFor(By.tagName("h1"));
      List<String> shown = browser.all(By.cssSelector("tr[data-measure]")).stream()
          .map(row -> row.getAttribute("data-measure")).toList();
      assertThat(shown).as("the Liegenschaftsamt leads M 24 only").containsExactly(code + "-M24");
      browser.screenshot("10-uebersicht-liegenschaftsamt");

      browser.open(baseUrl() + "/uebersicht/massnahmen/" + code + "-M11");
      assertThat(browser.text(By.cssSelector("[role='alert']"))).isEqualTo("Keine Maßnahme " + code + "-M11 in Ihren Programmen.");
      browser.open(baseUrl() + "/uebersicht?programm=" + code + "&stelle=jugendamt");
      assertThat(browser.text(By.cssSelector("[role='alert']"))).contains("Die Stelle „jugendamt“");
    }
  }

  @Test
  void overviewAndMeasurePage_haveNoSeriousAccessibilityViolations_andFitATablet() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "UIA11Y");
    yearlyValuesOfM14(code + "-M14", LocalDate.now(BERLIN).getYear());
    try (Browser browser = Browser.laptop()) {
      browser.loginToTasklist(baseUrl(), "abecker", TestIdentities.password());
      browser.open(baseUrl() + "/uebersicht?programm=" + code);
      browser.waitFor(By.cssSelector("tr[data-measure]"));
      assertThat(browser.seriousAccessibilityViolations()).as("overview").isEmpty();
      browser.open(baseUrl() + "/uebersicht/massnahmen/" + code + "-M14");
      browser.waitFor(By.cssSelector("svg.chart"));
      assertThat(browser.seriousAccessibilityViolations()).as("measure page").isEmpty();

      // keyboard: the skip link comes first and leads to the content
      browser.open(baseUrl() + "/uebersicht?programm=" + code);
      browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
      assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Zum Inhalt springen");
    }
    try (Browser tablet = Browser.tablet()) {
      tablet.loginToTasklist(baseUrl(), "abecker", TestIdentities.password());
      tablet.open(baseUrl() + "/uebersicht?programm=" + code);
      tablet.waitFor(By.cssSelector("tr[data-measure]"));
      Object overflow = tablet.script("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(((Number) overflow).intValue()).as("the page itself does not scroll sideways on a tablet").isLessThanOrEqualTo(0);
      tablet.screenshot("11-uebersicht-tablet");
    }
  }

  @Test
  void everyWebapp_speaksGerman_underOurName_andHidesTheVendorsMigrationBanner() {
    try (Browser browser = Browser.laptop()) {
      browser.loginToTasklist(baseUrl(), TestIdentities.ADMIN, TestIdentities.password());
      assertGermanUnderOurName(browser, "tasklist", "#/", "Prozess starten");
      assertGermanUnderOurName(browser, "cockpit", "#/dashboard", "Laufende Prozessinstanzen");
      assertGermanUnderOurName(browser, "admin", "#/users", "Benutzer");
      assertGermanUnderOurName(browser, "welcome", "#!/welcome", "Anwendungen");
    }
  }

  private void assertGermanUnderOurName(Browser browser, String app, String route, String germanText) {
    browser.open(baseUrl() + "/camunda/app/" + app + "/default/" + route);
    browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains(germanText));
    browser.screenshot("12-" + app + "-deutsch");
    assertThat(browser.text(By.cssSelector(".navbar-brand, .app-banner"))).as(app).contains("Umsetzungsmonitor");
    // the community edition renders the banner; our user-styles.css keeps it out of sight
    browser.waitUntil(d -> !d.findElements(By.cssSelector(".ce-eol-banner")).isEmpty());
    assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).as(app).noneMatch(WebElement::isDisplayed);
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).as(app).doesNotContain("Camunda 8");
  }

  /** Indicator "Plätze in Betriebskitas" for M 14, with accepted values for three past years. */
  private void yearlyValuesOfM14(String key, int year) {
    transaction.executeWithoutResult(status -> {
      var measure = measures.findByBusinessKey(key).orElseThrow();
      var jugendamt = offices.findByCode("jugendamt").orElseThrow();
      Indicator places = indicators.save(new Indicator(measure, "Plätze in Betriebskitas", "Plätze zum 31.12.",
          "Plätze", jugendamt, 1, "abecker", Instant.now()).typed(ValueType.COUNT));
      DataAgreement agreement = agreements.findByMeasureIdOrderByPosition(measure.getId()).stream()
          .filter(a -> a.getSupplierOffice().getCode().equals("jugendamt")).findFirst().orElseThrow();
      accepted(agreement, year - 4, places, "20");
      accepted(agreement, year - 3, places, "24");
      accepted(agreement, year - 2, places, "31");
      open(agreement, year - 1);
    });
  }

  private void accepted(DataAgreement agreement, int year, Indicator indicator, String value) {
    Delivery delivery = open(agreement, year);
    Instant submitted = LocalDate.of(year, 12, 20).atTime(10, 0).atZone(BERLIN).toInstant();
    delivery.submit(List.of(DeliveryValue.number(indicator, new BigDecimal(value))), null, "jmueller", submitted);
    delivery.accept("abecker", submitted.plusSeconds(86_400));
  }

  private Delivery open(DataAgreement agreement, int year) {
    int index = year - agreement.getFirstDue().getYear();
    ReportingPeriod period = ReportingPeriod.of(agreement.getFirstDue(), agreement.reportingPeriod(), index);
    assertThat(period.label()).isEqualTo(String.valueOf(year));
    return deliveries.save(new Delivery(agreement, period, period.due().plusMonths(2),
        LocalDate.of(year, 1, 1).atStartOfDay(BERLIN).toInstant()));
  }
}
