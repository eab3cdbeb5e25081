package de.umsetzungsmonitor.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;

/**
 * Completeness of a set of reporting periods (of an office, a measure or a programme) on one day.
 * Only periods already due (due date before today) enter the rates; periods not yet due are
 * counted apart. {@code due = received + returned + overdue + locked + missed}.
 *
 * <ul>
 *   <li>reporting rate (Lieferquote) = received / due</li>
 *   <li>on-time rate (Pünktlichkeitsquote) = received on time / due</li>
 * </ul>
 */
public record DeliveryCounts(
    int periods,
    int notYetDue,
    int due,
    int received,
    int receivedOnTime,
    int receivedLate,
    int inReview,
    int returned,
    int overdue,
    int locked,
    int missed,
    Rate reportingRate,
    Rate onTimeRate) {

  /** Counts the periods; see the class comment for what counts where. */
  public static DeliveryCounts of(Collection<PeriodStatus> statuses) {
    int notYetDue = 0;
    int due = 0;
    int received = 0;
    int onTime = 0;
    int inReview = 0;
    int returned = 0;
    int overdue = 0;
    int locked = 0;
    int missed = 0;
    for (PeriodStatus status : statuses) {
      if (!status.due()) {
        notYetDue++;
        continue;
      }
      due++;
      if (status.received()) {
        received++;
        if (status.receivedOnTime()) {
          onTime++;
        }
        if (status.completeness() == Completeness.IN_REVIEW) {
          inReview++;
        }
      } else {
        switch (status.completeness()) {
          case RETURNED -> returned++;
          case OVERDUE -> overdue++;
          case LOCKED -> locked++;
          case MISSED -> missed++;
          default -> throw new IllegalStateException("A due period not received cannot be " + status.completeness());
        }
      }
    }
    return new DeliveryCounts(statuses.size(), notYetDue, due, received, onTime, received - onTime, inReview,
        returned, overdue, locked, missed, Rate.of(received, due), Rate.of(onTime, due));
  }

  /**
   * A share as an exact fraction, its value rounded to four places, and a German percentage with
   * one decimal ("66,7 %"). Without any due period there is no rate: {@code value} is {@code null}
   * and the label says so.
   */
  public record Rate(int numerator, int denominator, BigDecimal value, String label) {

    static Rate of(int numerator, int denominator) {
      if (denominator == 0) {
        return new Rate(0, 0, null, "–");
      }
      BigDecimal value = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
      NumberFormat percent = NumberFormat.getNumberInstance(Locale.GERMANY);
      percent.setMinimumFractionDigits(1);
      percent.setMaximumFractionDigits(1);
      percent.setRoundingMode(RoundingMode.HALF_UP);
      String label = percent.format(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP)) + " %";
      return new Rate(numerator, denominator, value, label);
    }
  }
}
