package de.umsetzungsmonitor.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.ValueType;
import de.umsetzungsmonitor.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** Reporting periods, value checks and what HTTP sources may return. */
class DeliveryRulesTest {

  private static Indicator indicator(ValueType type) {
    return new Indicator(null, "Plätze", "Plätze in Betriebskitas", "Plätze", new Office("jugendamt", "Jugendamt", null),
        1, "test", Instant.EPOCH).typed(type);
  }

  @Test
  void periodsEndOnTheDueDateAndKeepMonthEnds() {
    LocalDate firstDue = LocalDate.of(2018, 12, 31);
    assertThat(ReportingPeriod.of(firstDue, Period.ofMonths(3), 0)).isEqualTo(
        new ReportingPeriod(0, LocalDate.of(2018, 10, 1), LocalDate.of(2018, 12, 31)));
    ReportingPeriod third = ReportingPeriod.of(firstDue, Period.ofMonths(3), 3);
    assertThat(third.start()).isEqualTo(LocalDate.of(2019, 7, 1));
    assertThat(third.due()).isEqualTo(LocalDate.of(2019, 9, 30));
    assertThat(third.label()).isEqualTo("3. Quartal 2019");
    assertThat(ReportingPeriod.of(firstDue, Period.ofYears(1), 1).label()).isEqualTo("2019");
    assertThat(ReportingPeriod.of(firstDue, Period.ofMonths(6), 1).label()).isEqualTo("1. Halbjahr 2019");
    assertThat(ReportingPeriod.of(firstDue, Period.ofMonths(1), 10).label()).isEqualTo("Oktober 2019");
    assertThat(ReportingPeriod.of(LocalDate.of(2019, 2, 14), Period.ofWeeks(2), 0).label()).isEqualTo("01.02.2019–14.02.2019");
  }

  @Test
  void deliveriesStartedLateAskForTheLastDuePeriodOnlyNotForEveryOldOne() {
    LocalDate firstDue = LocalDate.of(2018, 12, 31);
    ReportingPeriod first = ReportingPeriod.firstToOpen(firstDue, Period.ofYears(1), LocalDate.of(2026, 11, 22));
    assertThat(first.label()).isEqualTo("2025");
    assertThat(ReportingPeriod.firstToOpen(firstDue, Period.ofYears(1), LocalDate.of(2018, 9, 21)).label()).isEqualTo("2018");
    assertThat(ReportingPeriod.firstToOpen(firstDue, Period.ofMonths(1), LocalDate.of(2026, 11, 22)).label()).isEqualTo("Oktober 2026");
  }

  @Test
  void isoCyclesAreReadWithOrWithoutRepetition() {
    assertThat(de.umsetzungsmonitor.deliveries.Frequency.parseCycle("R/P2M")).isEqualTo(Period.ofMonths(2));
    assertThat(de.umsetzungsmonitor.deliveries.Frequency.parseCycle("P2W")).isEqualTo(Period.ofWeeks(2));
    assertThat(de.umsetzungsmonitor.deliveries.Frequency.parseCycle("PT5H")).isNull();
    assertThat(de.umsetzungsmonitor.deliveries.Frequency.parseCycle("P0D")).isNull();
  }

  @Test
  void valuesAreCheckedByTheirIndicatorsType() {
    assertThat(DeliveryValues.parse(indicator(ValueType.NUMBER), "1234,5").getNumericValue()).isEqualByComparingTo("1234.5");
    assertThat(DeliveryValues.parse(indicator(ValueType.PERCENT), "12,5 %").getNumericValue()).isEqualByComparingTo("12.5");
    assertThat(DeliveryValues.parse(indicator(ValueType.COUNT), "42").getNumericValue()).isEqualByComparingTo(BigDecimal.valueOf(42));
    assertThat(DeliveryValues.parse(indicator(ValueType.TEXT), " Beschluss gefasst ").getTextValue()).isEqualTo("Beschluss gefasst");

    assertThatThrownBy(() -> DeliveryValues.parse(indicator(ValueType.NUMBER), "abc"))
        .isInstanceOf(InvalidInputException.class).hasMessage("„abc“ ist keine Zahl: bitte für „Plätze“ eine Zahl angeben (Dezimalkomma erlaubt, ohne Tausenderpunkte).");
    assertThatThrownBy(() -> DeliveryValues.parse(indicator(ValueType.COUNT), "-3"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ganze Zahl ab 0");
    assertThatThrownBy(() -> DeliveryValues.parse(indicator(ValueType.COUNT), "2,5"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ganze Zahl ab 0");
    assertThatThrownBy(() -> DeliveryValues.parse(indicator(ValueType.PERCENT), "120"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("von 0 bis 100");
    assertThatThrownBy(() -> DeliveryValues.parse(indicator(ValueType.NUMBER), " "))
        .isInstanceOf(InvalidInputException.class).hasMessage("Bitte einen Wert für „Plätze“ angeben.");
  }

  @Test
  void onlyCsvXlsxAndPdfFilesUpTo10MbAreTaken() {
    DeliveryFiles.check(new UploadedFile("zahlen.csv", "text/csv", new byte[] {1}));
    assertThatThrownBy(() -> DeliveryFiles.check(new UploadedFile("makro.xlsm", null, new byte[] {1})))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("CSV, XLSX oder PDF");
    assertThatThrownBy(() -> DeliveryFiles.check(new UploadedFile("leer.pdf", null, new byte[0])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("leer");
    assertThatThrownBy(() -> DeliveryFiles.check(new UploadedFile("gross.pdf", null, new byte[10 * 1024 * 1024 + 1])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("zu groß");
  }

  @Test
  void sourcesAnswerJsonOrCsvPerIndicatorAndPeriod() {
    assertThat(SourceData.parse(SourceFormat.JSON, "{\"Plätze\": 42}", "2019")).containsEntry("Plätze", "42");
    assertThat(SourceData.parse(SourceFormat.JSON,
        "[{\"indicator\":\"Plätze\",\"period\":\"2018\",\"value\":40},{\"indicator\":\"Plätze\",\"period\":\"2019\",\"value\":42}]", "2019"))
        .containsEntry("Plätze", "42").hasSize(1);
    assertThat(SourceData.parse(SourceFormat.CSV, "Indikator;Zeitraum;Wert\nPlätze;2018;40\nPlätze;2019;42\n", "2019"))
        .containsEntry("Plätze", "42").hasSize(1);
    assertThatThrownBy(() -> SourceData.parse(SourceFormat.JSON, "<html>", "2019"))
        .isInstanceOf(SourceUnusableException.class).hasMessageContaining("kein gültiges JSON");
    assertThatThrownBy(() -> SourceData.parse(SourceFormat.CSV, "a;b\n1;2", "2019"))
        .isInstanceOf(SourceUnusableException.class).hasMessageContaining("Spalten");
  }
}
