package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.DeliveryState;
import java.time.LocalDate;

/**
 * Where one reporting period stands on a given day, and how it counts in the statistics.
 *
 * <ul>
 *   <li>{@code due}: the due date lies before today (on the due date itself the office can still
 *       deliver on time, so the period is not yet due).</li>
 *   <li>{@code received}: data are in, checked or not: state {@code SUBMITTED} or {@code ACCEPTED}.
 *       Returned data are not usable and do not count until corrected.</li>
 *   <li>{@code receivedOnTime}: received, and the latest submission came in by the end of the due
 *       date (German local time, {@link Delivery#submittedOnTime()}).</li>
 * </ul>
 */
public record PeriodStatus(Completeness completeness, boolean due, boolean received, boolean receivedOnTime) {

  /** The status of a delivery on {@code today}. */
  public static PeriodStatus of(Delivery delivery, LocalDate today) {
    return of(delivery.getState(), delivery.getDueDate(), delivery.submittedOnTime(), today);
  }

  /** The status of a period in {@code state}, due on {@code dueDate}, on {@code today}. */
  public static PeriodStatus of(DeliveryState state, LocalDate dueDate, boolean submittedOnTime, LocalDate today) {
    boolean due = dueDate.isBefore(today);
    boolean received = state == DeliveryState.SUBMITTED || state == DeliveryState.ACCEPTED;
    Completeness completeness = switch (state) {
      case OPEN -> due ? Completeness.OVERDUE : Completeness.PENDING;
      case SUBMITTED -> Completeness.IN_REVIEW;
      case ACCEPTED -> submittedOnTime ? Completeness.ON_TIME : Completeness.LATE;
      case RETURNED -> Completeness.RETURNED;
      case LOCKED -> Completeness.LOCKED;
      case MISSED -> Completeness.MISSED;
    };
    return new PeriodStatus(completeness, due, received, received && submittedOnTime);
  }
}
