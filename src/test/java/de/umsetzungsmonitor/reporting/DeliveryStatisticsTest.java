package de.umsetzungsmonitor.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.ReportingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completeness of a period and the reporting and on-time rates, on real delivery entities, without a database. */
class DeliveryStatisticsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate TODAY = LocalDate.of(2019, 7, 15);
  private static final LocalDate LAST_QUARTER = LocalDate.of(2019, 6, 30);

  // --- one period ------------------------------------------------------------------------------------

  @Test
  void openPeriod_isPendingUpToAndOnItsDueDate_andOverdueTheDayAfter() {
    assertThat(PeriodStatus.of(period(TODAY.plusDays(1)), TODAY))
        .isEqualTo(new PeriodStatus(Completeness.PENDING, false, false, false));
    assertThat(PeriodStatus.of(period(TODAY), TODAY))
        .isEqualTo(new PeriodStatus(Completeness.PENDING, false, false, false));
    assertThat(PeriodStatus.of(period(TODAY.minusDays(1)), TODAY))
        .isEqualTo(new PeriodStatus(Completeness.OVERDUE, true, false, false));
  }

  @Test
  void acceptedPeriod_isOnTimeUntilMidnightOfItsDueDateInGermanTime_andLateAfterwards() {
    Delivery lastMinute = accepted(period(LAST_QUARTER), berlin(LAST_QUARTER, 23, 59));
    Delivery nextMorning = accepted(period(LAST_QUARTER), berlin(LAST_QUARTER.plusDays(1), 0, 1));

    assertThat(PeriodStatus.of(lastMinute, TODAY)).isEqualTo(new PeriodStatus(Completeness.ON_TIME, true, true, true));
    assertThat(PeriodStatus.of(nextMorning, TODAY)).isEqualTo(new PeriodStatus(Completeness.LATE, true, true, false));
  }

  @Test
  void submittedPeriod_isInReview_andCountsAsReceived_onTimeOrLate() {
    Delivery onTime = submitted(period(LAST_QUARTER), berlin(LAST_QUARTER, 10, 0));
    Delivery late = submitted(period(LAST_QUARTER), berlin(LAST_QUARTER.plusDays(3), 10, 0));

    assertThat(PeriodStatus.of(onTime, TODAY)).isEqualTo(new PeriodStatus(Completeness.IN_REVIEW, true, true, true));
    assertThat(PeriodStatus.of(late, TODAY)).isEqualTo(new PeriodStatus(Completeness.IN_REVIEW, true, true, false));
  }

  @Test
  void returnedPeriod_doesNotCountAsReceived_evenIfItsFirstSubmissionWasOnTime() {
    Delivery returned = submitted(period(LAST_QUARTER), berlin(LAST_QUARTER, 10, 0));
    returned.returnForCorrection("Summe stimmt nicht", "abecker", berlin(LAST_QUARTER.plusDays(2), 9, 0));

    assertThat(PeriodStatus.of(returned, TODAY)).isEqualTo(new PeriodStatus(Completeness.RETURNED, true, false, false));
  }

  @Test
  void correctedAfterTheDueDate_isLate_becauseTheLatestSubmissionCounts() {
    Delivery delivery = submitted(period(LAST_QUARTER), berlin(LAST_QUARTER, 10, 0));
    delivery.returnForCorrection("Summe stimmt nicht", "abecker", berlin(LAST_QUARTER.plusDays(2), 9, 0));
    delivery.submit(List.of(), "berichtigt", "jmueller", berlin(LAST_QUARTER.plusDays(5), 9, 0));
    delivery.accept("abecker", berlin(LAST_QUARTER.plusDays(6), 9, 0));

    assertThat(PeriodStatus.of(delivery, TODAY)).isEqualTo(new PeriodStatus(Completeness.LATE, true, true, false));
  }

  @Test
  void lockedAndMissedPeriods_areDueAndNotReceived() {
    Delivery locked = period(LAST_QUARTER);
    locked.lock();
    Delivery missed = period(LAST_QUARTER);
    missed.closeAsMissed();

    assertThat(PeriodStatus.of(locked, TODAY)).isEqualTo(new PeriodStatus(Completeness.LOCKED, true, false, false));
    assertThat(PeriodStatus.of(missed, TODAY)).isEqualTo(new PeriodStatus(Completeness.MISSED, true, false, false));
  }

  @Test
  void periodDeliveredBeforeItIsDue_isOnTime_butNotYetDue() {
    Delivery early = accepted(period(TODAY.plusDays(10)), berlin(TODAY, 8, 0));

    assertThat(PeriodStatus.of(early, TODAY)).isEqualTo(new PeriodStatus(Completeness.ON_TIME, false, true, true));
  }

  // --- rates -----------------------------------------------------------------------------------------

  @Test
  void constructedCase_givesExactRates_overDuePeriodsOnly() {
    LocalDate q1 = LocalDate.of(2018, 9, 30);
    LocalDate q2 = LocalDate.of(2018, 12, 31);
    LocalDate q3 = LocalDate.of(2019, 3, 31);
    Delivery returned = submitted(period(q2), berlin(q2, 12, 0));
    returned.returnForCorrection("unvollständig", "abecker", berlin(q2.plusDays(1), 12, 0));
    Delivery locked = period(q1);
    locked.lock();
    Delivery missed = period(q2);
    missed.closeAsMissed();
    List<Delivery> deliveries = List.of(
        accepted(period(q1), berlin(q1, 12, 0)),                 // on time
        accepted(period(q2), berlin(q2.minusDays(3), 12, 0)),    // on time
        accepted(period(q3), berlin(q3.plusDays(20), 12, 0)),    // late
        submitted(period(LAST_QUARTER), berlin(LAST_QUARTER, 18, 0)), // in review, on time
        returned,
        period(LAST_QUARTER),                                    // overdue
        locked,
        missed,
        period(LocalDate.of(2019, 9, 30)),                       // pending, not yet due
        accepted(period(LocalDate.of(2019, 9, 30)), berlin(TODAY, 9, 0))); // early, not yet due

    DeliveryCounts counts = DeliveryCounts.of(deliveries.stream().map(d -> PeriodStatus.of(d, TODAY)).toList());

    assertThat(counts.periods()).isEqualTo(10);
    assertThat(counts.notYetDue()).isEqualTo(2);
    assertThat(counts.due()).isEqualTo(8);
    assertThat(counts.received()).isEqualTo(4);
    assertThat(counts.receivedOnTime()).isEqualTo(3);
    assertThat(counts.receivedLate()).isEqualTo(1);
    assertThat(counts.inReview()).isEqualTo(1);
    assertThat(counts.returned()).isEqualTo(1);
    assertThat(counts.overdue()).isEqualTo(1);
    assertThat(counts.locked()).isEqualTo(1);
    assertThat(counts.missed()).isEqualTo(1);
    assertThat(counts.due()).isEqualTo(counts.received() + counts.returned() + counts.overdue() + counts.locked() + counts.missed());
    assertThat(counts.reportingRate()).isEqualTo(new DeliveryCounts.Rate(4, 8, new BigDecimal("0.5000"), "50,0 %"));
    assertThat(counts.onTimeRate()).isEqualTo(new DeliveryCounts.Rate(3, 8, new BigDecimal("0.3750"), "37,5 %"));
  }

  @Test
  void thirds_areRoundedHalfUp() {
    LocalDate due = LAST_QUARTER;
    DeliveryCounts counts = DeliveryCounts.of(List.of(
        PeriodStatus.of(accepted(period(due), berlin(due, 9, 0)), TODAY),
        PeriodStatus.of(accepted(period(due), berlin(due.plusDays(1), 9, 0)), TODAY),
        PeriodStatus.of(period(due), TODAY)));

    assertThat(counts.reportingRate()).isEqualTo(new DeliveryCounts.Rate(2, 3, new BigDecimal("0.6667"), "66,7 %"));
    assertThat(counts.onTimeRate()).isEqualTo(new DeliveryCounts.Rate(1, 3, new BigDecimal("0.3333"), "33,3 %"));
  }

  @Test
  void withoutAnyDuePeriod_thereIsNoRate() {
    DeliveryCounts counts = DeliveryCounts.of(List.of(PeriodStatus.of(period(TODAY.plusMonths(1)), TODAY)));
    DeliveryCounts none = DeliveryCounts.of(List.of());

    assertThat(counts.notYetDue()).isEqualTo(1);
    assertThat(counts.due()).isZero();
    assertThat(counts.reportingRate()).isEqualTo(new DeliveryCounts.Rate(0, 0, null, "–"));
    assertThat(counts.onTimeRate()).isEqualTo(new DeliveryCounts.Rate(0, 0, null, "–"));
    assertThat(none.periods()).isZero();
    assertThat(none.reportingRate().value()).isNull();
  }

  // --- helpers ---------------------------------------------------------------------------------------

  /** An open quarterly period ending (and due) on {@code due}; the agreement does not matter here. */
  private static Delivery period(LocalDate due) {
    return new Delivery(null, new ReportingPeriod(0, due.minusMonths(3).plusDays(1), due), due.plusDays(30),
        berlin(due.minusMonths(3), 0, 0));
  }

  private static Delivery submitted(Delivery delivery, Instant at) {
    delivery.submit(List.of(), null, "jmueller", at);
    return delivery;
  }

  private static Delivery accepted(Delivery delivery, Instant at) {
    submitted(delivery, at).accept("abecker", at.plusSeconds(3600));
    return delivery;
  }

  private static Instant berlin(LocalDate date, int hour, int minute) {
    return date.atTime(hour, minute).atZone(BERLIN).toInstant();
  }
}
