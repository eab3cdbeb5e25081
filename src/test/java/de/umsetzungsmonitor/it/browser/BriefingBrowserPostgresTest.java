package de.umsetzungsmonitor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.Browser;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TestIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The report pages in a real browser: the coordinating unit opens the programme's reports from the
 * overview, reads the status report as of the seed's day, starts a briefing with the page's form,
 * and axe-core finds no serious accessibility violation on any of these pages.
 */
@PostgresIntegrationTest
@ExtendWith(Browser.class)
class BriefingBrowserPostgresTest extends PostgresTestSupport {

  @Test
  void coordinatingUnit_readsTheReportAsOfADay_andStartsABriefing_onAccessiblePages() {
    String code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "UIREP");
    try (Browser browser = Browser.laptop()) {
      browser.loginToTasklist(baseUrl(), "abecker", TestIdentities.password());
      browser.open(baseUrl() + "/uebersicht");
      browser.waitForClickable(By.linkText("Berichte und Unterrichtungen")).click();
      browser.waitForClickable(By.xpath("//a[contains(@href, '/berichte/programme/" + code + "')]")).click();
      browser.waitFor(By.id("phase-2"));
      assertThat(browser.text(By.id("offene-punkte"))).contains("M 12: Das Gespräch hat noch nicht stattgefunden");
      assertThat(browser.seriousAccessibilityViolations()).as("programme's reports").isEmpty();
      browser.screenshot("20-berichte-programm");

      WebElement day = browser.waitFor(By.id("f-stand"));
      browser.script("arguments[0].value = '2018-09-21'", day);
      browser.waitForClickable(By.xpath("//button[@value='html']")).click();
      browser.waitFor(By.id("massnahmen"));
      assertThat(browser.text(By.cssSelector("p.stand"))).isEqualTo("Stand: 21. September 2018");
      assertThat(browser.text(By.cssSelector("tr[data-measure='" + code + "-M12'] em.ausstehend"))).isEqualTo("wird terminiert");
      assertThat(browser.all(By.cssSelector("#massnahmen tbody tr"))).hasSize(14);
      assertThat(browser.seriousAccessibilityViolations()).as("status report").isEmpty();
      browser.screenshot("21-statusbericht");

      browser.open(baseUrl() + "/berichte/programme/" + code);
      WebElement briefingDay = browser.waitFor(By.id("f-unterrichtung-stand"));
      browser.script("arguments[0].value = '2018-09-21'", briefingDay);
      browser.waitForClickable(By.xpath("//button[normalize-space(.)='Unterrichtung vorbereiten']")).click();
      browser.waitFor(By.id("zustand"));
      assertThat(browser.text(By.id("zustand"))).isEqualTo("in Vorbereitung");
      assertThat(browser.text(By.cssSelector("[role='status']"))).contains(code + "_Unterrichtung_1");
      assertThat(browser.all(By.linkText("Bericht zur Unterrichtung vorbereiten"))).hasSize(1);
      assertThat(browser.seriousAccessibilityViolations()).as("briefing").isEmpty();
      browser.screenshot("22-unterrichtung");
    }
  }
}
