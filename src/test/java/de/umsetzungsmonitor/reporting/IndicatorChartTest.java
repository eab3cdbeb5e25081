package de.umsetzungsmonitor.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.reporting.IndicatorChart.Chart;
import de.umsetzungsmonitor.reporting.IndicatorOverview.IndicatorPeriod;
import de.umsetzungsmonitor.reporting.IndicatorOverview.IndicatorView;
import de.umsetzungsmonitor.reporting.IndicatorOverview.OfficeRef;
import de.umsetzungsmonitor.reporting.IndicatorOverview.ValueView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart geometry of an indicator, and the CSV export's defence against spreadsheet formulas. */
class IndicatorChartTest {

  @Test
  void valuesSitOnARoundAxisFromZero_aPeriodWithoutValueLeavesAGap_provisionalValuesAreMarked() {
    Chart chart = IndicatorChart.of(indicator(value("20", false), value("24", false), null, value("31", true))).orElseThrow();

    assertThat(chart.yTicks()).extracting(IndicatorChart.Tick::label).containsExactly("0", "10", "20", "30", "40");
    assertThat(chart.points()).hasSize(3);
    assertThat(chart.points()).extracting(IndicatorChart.Point::period).containsExactly("2018", "2019", "2021");
    assertThat(chart.points().get(2).provisional()).isTrue();
    // 4 periods spread evenly across the plot; higher values sit higher (smaller y)
    double plotWidth = chart.x1() - chart.x0();
    assertThat(chart.points().get(0).x()).isEqualTo(chart.x0() + plotWidth / 8, org.assertj.core.data.Offset.offset(0.1));
    assertThat(chart.points().get(2).x()).isEqualTo(chart.x0() + plotWidth * 7 / 8, org.assertj.core.data.Offset.offset(0.1));
    assertThat(chart.points().get(0).y()).isGreaterThan(chart.points().get(1).y());
    // 20 of 40: half-way up the plot
    assertThat(chart.points().get(0).y()).isEqualTo((chart.y0() + chart.y1()) / 2.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(chart.description()).isEqualTo("Werte je Zeitraum: 2018: 20 Plätze; 2019: 24 Plätze; 2021: 31 Plätze (vorläufig).");
    assertThat(chart.line()).isEqualTo(chart.points().stream().map(p -> p.x() + "," + p.y())
        .reduce((a, b) -> a + " " + b).orElseThrow());
  }

  @Test
  void anIndicatorWithoutNumbersHasNoChart() {
    assertThat(IndicatorChart.of(indicator(null, null))).isEmpty();
  }

  @Test
  void niceSteps_areOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
    assertThat(IndicatorChart.niceStep(7.75)).isEqualTo(10);
    assertThat(IndicatorChart.niceStep(0.3)).isEqualTo(0.5);
    assertThat(IndicatorChart.niceStep(1.6)).isEqualTo(2);
    assertThat(IndicatorChart.niceStep(2.2)).isEqualTo(2.5);
    assertThat(IndicatorChart.niceStep(300)).isEqualTo(500);
  }

  @Test
  void csvCells_thatASpreadsheetWouldRunAsAFormula_getALeadingApostrophe() {
    assertThat(OverviewCsv.defused("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(OverviewCsv.defused("+1")).isEqualTo("'+1");
    assertThat(OverviewCsv.defused("-1")).isEqualTo("'-1");
    assertThat(OverviewCsv.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(OverviewCsv.defused("M 11")).isEqualTo("M 11");
    assertThat(OverviewCsv.defused("")).isEmpty();
  }

  private static ValueView value(String number, boolean provisional) {
    return new ValueView(number + " Plätze", new BigDecimal(number), null, provisional);
  }

  private static IndicatorView indicator(ValueView... values) {
    List<IndicatorPeriod> periods = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int year = 2018 + i;
      periods.add(new IndicatorPeriod((long) i, 1L, String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
          LocalDate.of(year, 12, 31), "ACCEPTED", "angenommen", "ON_TIME", "fristgerecht geliefert", values[i]));
    }
    return new IndicatorView(7L, "Plätze in Betriebskitas", "Plätze zum 31.12.", "Plätze", "COUNT", "Anzahl",
        new OfficeRef("jugendamt", "Jugendamt"), periods, null);
  }
}
