package de.umsetzungsmonitor.deliveries;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * One reporting period of a data agreement: the days it covers and its due date, its last day.
 * Period {@code k} of an agreement ends on {@code firstDue + k × period}; each one starts the day
 * after the previous one ended. Computed from the first due date every time, so month ends stay
 * month ends (31.12. → 31.03. → 30.06. → 30.09.).
 */
public record ReportingPeriod(int index, LocalDate start, LocalDate end) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

  /** Period {@code index} (0 = the first) of an agreement due first on {@code firstDue}. */
  public static ReportingPeriod of(LocalDate firstDue, Period length, int index) {
    LocalDate end = firstDue.plus(length.multipliedBy(index));
    LocalDate start = firstDue.plus(length.multipliedBy(index - 1)).plusDays(1);
    return new ReportingPeriod(index, start, end);
  }

  /**
   * The first period to open when deliveries start on {@code today}: the latest period already
   * due (one overdue period is asked for; older ones are not claimed back), or the first period
   * if none is due yet.
   */
  public static ReportingPeriod firstToOpen(LocalDate firstDue, Period length, LocalDate today) {
    ReportingPeriod period = of(firstDue, length, 0);
    while (true) {
      ReportingPeriod next = period.next(firstDue, length);
      if (!next.end().isBefore(today)) {
        return period;
      }
      period = next;
    }
  }

  public ReportingPeriod next(LocalDate firstDue, Period length) {
    return of(firstDue, length, index + 1);
  }

  public LocalDate due() {
    return end;
  }

  /** German name of the period: "2018", "1. Halbjahr 2019", "3. Quartal 2019", "Oktober 2019", or the dates. */
  public String label() {
    boolean monthAligned = start.getDayOfMonth() == 1 && end.equals(end.withDayOfMonth(end.lengthOfMonth()));
    if (monthAligned && start.getYear() == end.getYear()) {
      int months = end.getMonthValue() - start.getMonthValue() + 1;
      int year = start.getYear();
      if (months == 12) {
        return String.valueOf(year);
      }
      if (months == 6 && (start.getMonth() == Month.JANUARY || start.getMonth() == Month.JULY)) {
        return (start.getMonthValue() == 1 ? 1 : 2) + ". Halbjahr " + year;
      }
      if (months == 3 && (start.getMonthValue() - 1) % 3 == 0) {
        return ((start.getMonthValue() - 1) / 3 + 1) + ". Quartal " + year;
      }
      if (months == 1) {
        return start.getMonth().getDisplayName(TextStyle.FULL, Locale.GERMANY) + " " + year;
      }
    }
    return DATE.format(start) + "–" + DATE.format(end);
  }
}
