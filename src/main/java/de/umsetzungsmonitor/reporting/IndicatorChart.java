package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.IndicatorOverview.IndicatorPeriod;
import de.umsetzungsmonitor.reporting.IndicatorOverview.IndicatorView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The geometry of a line chart of one indicator's values over its periods, drawn by the page as an
 * SVG (no script, so it prints and works under the pages' Content-Security-Policy). Every period of
 * the indicator gets a place on the x axis, in order; a period without a usable value leaves a gap.
 * The y axis starts at zero (or below, for negative values) and ends at a round number. Text
 * indicators have no chart.
 */
public final class IndicatorChart {

  static final int WIDTH = 640;
  static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 44;
  private static final int MAX_X_LABELS = 8;

  private IndicatorChart() {}

  /** The chart of an indicator, or nothing when none of its periods has a numeric value. */
  public static Optional<Chart> of(IndicatorView indicator) {
    List<IndicatorPeriod> periods = indicator.periods();
    List<BigDecimal> numbers = periods.stream().filter(p -> p.value() != null && p.value().number() != null)
        .map(p -> p.value().number()).toList();
    if (numbers.isEmpty()) {
      return Optional.empty();
    }
    double min = Math.min(0, numbers.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
    double max = numbers.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
    double step = niceStep(Math.max(max - min, 1e-9) / 4);
    double low = Math.floor(min / step) * step;
    double high = Math.ceil(max / step) * step;
    if (high <= low) {
      high = low + step;
    }

    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
    format.setMaximumFractionDigits(2);

    List<Tick> ticks = new ArrayList<>();
    for (double value = low; value <= high + step / 2; value += step) {
      ticks.add(new Tick(round(TOP + plotHeight * (1 - (value - low) / (high - low))), format.format(value)));
    }
    int every = (int) Math.ceil(periods.size() / (double) MAX_X_LABELS);
    List<Point> points = new ArrayList<>();
    List<XLabel> labels = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      IndicatorPeriod period = periods.get(i);
      double x = round(LEFT + plotWidth * (i + 0.5) / periods.size());
      if (i % every == 0 || i == periods.size() - 1) {
        labels.add(new XLabel(x, period.periodLabel()));
      }
      if (period.value() != null && period.value().number() != null) {
        double y = round(TOP + plotHeight * (1 - (period.value().number().doubleValue() - low) / (high - low)));
        points.add(new Point(x, y, period.periodLabel(), period.value().display(), period.value().provisional()));
      }
    }
    String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    String description = "Werte je Zeitraum: " + points.stream()
        .map(p -> p.period() + ": " + p.value() + (p.provisional() ? " (vorläufig)" : ""))
        .collect(Collectors.joining("; ")) + ".";
    return Optional.of(new Chart(indicator.id(), "Verlauf: " + indicator.name(), description, WIDTH, HEIGHT, LEFT,
        WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, ticks, labels, points, line));
  }

  /** 1, 2, 2.5 or 5 times a power of ten, the smallest at least {@code rough}. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * power >= rough) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** A chart in SVG user units; {@code x0..x1} and {@code y0..y1} bound the plot area. */
  public record Chart(Long indicatorId, String title, String description, int width, int height, int x0, int x1,
      int y0, int y1, List<Tick> yTicks, List<XLabel> xLabels, List<Point> points, String line) {}

  public record Tick(double y, String label) {}

  public record XLabel(double x, String text) {}

  /** A value in the chart; a provisional one (still in review) is drawn hollow. */
  public record Point(double x, double y, String period, String value, boolean provisional) {}
}
