package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.IndicatorRepository;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.DeliveryState;
import de.umsetzungsmonitor.deliveries.DeliveryValue;
import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.security.ProgrammeReaders;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator overview of a measure (every indicator with its definition, source office, values
 * per period and latest accepted value; every period's completeness) and the delivery statistics
 * (reporting and on-time rate per office, measure and programme). Reads our tables only; "today"
 * comes from the injected clock.
 *
 * <p>A measure is shown to those who may read its process instances: administrators, the
 * programme's coordinating unit and manager groups, the measure's own offices (its lead offices and
 * the offices delivering data under one of its agreements, their staff and their heads), and anyone else the engine lets read an
 * instance with the measure's business key. A programme's statistics are shown to administrators,
 * its coordinating unit and its manager groups. For everybody else a measure or programme does not
 * exist, exactly as when the key is unknown.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorOverview {

  private static final Comparator<Delivery> BY_PERIOD = Comparator.comparing(Delivery::getPeriodStart)
      .thenComparing(d -> d.getDataAgreement().getPosition())
      .thenComparing(Delivery::getId);

  private final MeasureRepository measures;
  private final ProgrammeRepository programmes;
  private final IndicatorRepository indicators;
  private final DeliveryReportingQueries queries;
  private final ProgrammeReaders readers;
  private final HistoryService history;
  private final IdentityService identity;
  private final Clock clock;

  public IndicatorOverview(MeasureRepository measures, ProgrammeRepository programmes, IndicatorRepository indicators,
      DeliveryReportingQueries queries, ProgrammeReaders readers, HistoryService history, IdentityService identity,
      Clock clock) {
    this.measures = measures;
    this.programmes = programmes;
    this.indicators = indicators;
    this.queries = queries;
    this.readers = readers;
    this.history = history;
    this.identity = identity;
    this.clock = clock;
  }

  /** The overview of a measure such as {@code SL2015-M41}; empty when unknown or not the caller's. */
  public Optional<MeasureIndicators> ofMeasure(String businessKey, Collection<String> callerGroups) {
    Measure measure = businessKey == null ? null : measures.findByBusinessKey(businessKey).orElse(null);
    if (measure == null) {
      return Optional.empty();
    }
    List<DataAgreement> agreements = queries.agreementsOfMeasure(measure.getId());
    if (!mayReadMeasure(measure, agreements, callerGroups)) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    List<Delivery> deliveries = new ArrayList<>(queries.deliveriesOfMeasure(measure.getId()));
    deliveries.sort(BY_PERIOD);
    Map<Long, PeriodStatus> statuses = new LinkedHashMap<>();
    for (Delivery delivery : deliveries) {
      statuses.put(delivery.getId(), PeriodStatus.of(delivery, today));
    }

    List<IndicatorView> indicatorViews = indicators.findByMeasureIdOrderByPosition(measure.getId()).stream()
        .map(indicator -> indicatorView(indicator, deliveries, statuses)).toList();

    List<AgreementView> agreementViews = new ArrayList<>();
    Map<OfficeRef, List<PeriodStatus>> byOffice = new LinkedHashMap<>();
    for (DataAgreement agreement : agreements) {
      List<PeriodView> periods = new ArrayList<>();
      List<PeriodStatus> officePeriods = byOffice.computeIfAbsent(OfficeRef.of(agreement.getSupplierOffice()),
          o -> new ArrayList<>());
      for (Delivery delivery : deliveries) {
        if (delivery.getDataAgreement().getId().equals(agreement.getId())) {
          periods.add(periodView(delivery, statuses.get(delivery.getId())));
          officePeriods.add(statuses.get(delivery.getId()));
        }
      }
      agreementViews.add(new AgreementView(agreement.getId(), OfficeRef.of(agreement.getSupplierOffice()),
          agreement.getDataDescription(), agreement.frequencyLabel(), agreement.getFirstDue(), periods));
    }
    List<OfficeStatistics> offices = byOffice.entrySet().stream()
        .map(e -> new OfficeStatistics(e.getKey(), DeliveryCounts.of(e.getValue()))).toList();

    Programme programme = measure.getProgramme();
    return Optional.of(new MeasureIndicators(measure.getBusinessKey(), measure.getCode(), measure.getText(),
        programme.getCode(), programme.getTitle(), today, indicatorViews, agreementViews,
        new Statistics(offices, DeliveryCounts.of(statuses.values()))));
  }

  /** Reporting and on-time rates of a programme per office and measure; empty when unknown or not the caller's. */
  public Optional<ProgrammeStatistics> ofProgramme(String code, Collection<String> callerGroups) {
    Programme programme = code == null ? null : programmes.findByCode(code).orElse(null);
    if (programme == null || !mayReadProgramme(programme, callerGroups)) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    List<DataAgreement> agreements = queries.agreementsOfProgramme(programme.getId());
    Map<Long, List<PeriodStatus>> byAgreement = new LinkedHashMap<>();
    for (Delivery delivery : queries.deliveriesOfProgramme(programme.getId())) {
      byAgreement.computeIfAbsent(delivery.getDataAgreement().getId(), id -> new ArrayList<>())
          .add(PeriodStatus.of(delivery, today));
    }
    Map<OfficeRef, List<PeriodStatus>> byOffice = new LinkedHashMap<>();
    Map<MeasureRef, List<PeriodStatus>> byMeasure = new LinkedHashMap<>();
    List<PeriodStatus> all = new ArrayList<>();
    for (DataAgreement agreement : agreements) {
      List<PeriodStatus> periods = byAgreement.getOrDefault(agreement.getId(), List.of());
      byOffice.computeIfAbsent(OfficeRef.of(agreement.getSupplierOffice()), o -> new ArrayList<>()).addAll(periods);
      byMeasure.computeIfAbsent(new MeasureRef(agreement.getMeasure().getBusinessKey(), agreement.getMeasure().getCode()),
          m -> new ArrayList<>()).addAll(periods);
      all.addAll(periods);
    }
    List<OfficeStatistics> offices = byOffice.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().name()))
        .map(e -> new OfficeStatistics(e.getKey(), DeliveryCounts.of(e.getValue()))).toList();
    List<MeasureStatistics> measureStatistics = byMeasure.entrySet().stream()
        .map(e -> new MeasureStatistics(e.getKey().businessKey(), e.getKey().code(), DeliveryCounts.of(e.getValue())))
        .toList();
    return Optional.of(new ProgrammeStatistics(programme.getCode(), programme.getTitle(), today, offices,
        DeliveryCounts.of(all), measureStatistics));
  }

  /** Whether the caller reads everything of the programme (its statistics included). */
  public boolean mayReadProgramme(String code, Collection<String> callerGroups) {
    return programmes.findByCode(code).map(p -> mayReadProgramme(p, callerGroups)).orElse(false);
  }

  private boolean mayReadProgramme(Programme programme, Collection<String> callerGroups) {
    return callerGroups.contains(Groups.ADMINISTRATORS)
        || callerGroups.contains(programme.coordinationGroup())
        || programme.getManagerGroups().stream().anyMatch(callerGroups::contains);
  }

  private boolean mayReadMeasure(Measure measure, List<DataAgreement> agreements, Collection<String> callerGroups) {
    Set<String> groups = new HashSet<>(readers.of(measure.getBusinessKey()).all());
    groups.add(Groups.ADMINISTRATORS);
    measure.getLeadOffices().forEach(office -> {
      groups.add(office.groupId());
      groups.add(office.headGroupId());
    });
    agreements.forEach(agreement -> {
      groups.add(agreement.getSupplierOffice().groupId());
      groups.add(agreement.getSupplierOffice().headGroupId());
    });
    return groups.stream().anyMatch(callerGroups::contains) || engineLetsCallerRead(measure.getBusinessKey());
  }

  /** Whether the engine, asked as the caller, shows any process instance of the measure. */
  private boolean engineLetsCallerRead(String businessKey) {
    // without a caller on the engine its queries are unchecked: that proves nothing
    return identity.getCurrentAuthentication() != null
        && history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
  }

  private static IndicatorView indicatorView(Indicator indicator, List<Delivery> deliveries, Map<Long, PeriodStatus> statuses) {
    List<IndicatorPeriod> periods = new ArrayList<>();
    LatestValue latest = null;
    for (Delivery delivery : deliveries) {
      DeliveryValue value = delivery.getValues().stream()
          .filter(v -> v.getIndicator().getId().equals(indicator.getId())).findFirst().orElse(null);
      boolean fromSourceOffice = Objects.equals(delivery.getDataAgreement().getSupplierOffice().getId(),
          indicator.getSourceOffice().getId());
      if (!fromSourceOffice && value == null) {
        continue;
      }
      PeriodStatus status = statuses.get(delivery.getId());
      boolean usable = delivery.getState() == DeliveryState.SUBMITTED || delivery.getState() == DeliveryState.ACCEPTED;
      ValueView shown = value != null && usable
          ? new ValueView(value.display(), value.getNumericValue(), value.getTextValue(), delivery.getState() == DeliveryState.SUBMITTED)
          : null;
      periods.add(new IndicatorPeriod(delivery.getId(), delivery.getDataAgreement().getId(), delivery.getPeriodLabel(),
          delivery.getPeriodStart(), delivery.getPeriodEnd(), delivery.getDueDate(), delivery.getState().name(),
          delivery.getState().label(), status.completeness().name(), status.completeness().label(), shown));
      if (value != null && delivery.getState() == DeliveryState.ACCEPTED
          && (latest == null || !delivery.getPeriodEnd().isBefore(latest.periodEnd()))) {
        latest = new LatestValue(delivery.getId(), delivery.getPeriodLabel(), delivery.getPeriodEnd(), value.display(),
            value.getNumericValue(), value.getTextValue());
      }
    }
    return new IndicatorView(indicator.getId(), indicator.getName(), indicator.getDefinition(), indicator.getUnit(),
        indicator.getValueType().name(), indicator.getValueType().label(), OfficeRef.of(indicator.getSourceOffice()),
        periods, latest);
  }

  private static PeriodView periodView(Delivery delivery, PeriodStatus status) {
    return new PeriodView(delivery.getId(), delivery.getPeriodLabel(), delivery.getPeriodStart(), delivery.getPeriodEnd(),
        delivery.getDueDate(), delivery.getLockDate(), delivery.getState().name(), delivery.getState().label(),
        status.completeness().name(), status.completeness().label(), delivery.getSubmittedAt(), status.due(),
        status.received(), status.receivedOnTime(),
        delivery.getState() == DeliveryState.RETURNED ? delivery.getReturnReason() : null);
  }

  /** An office by code (its Camunda group) and name. */
  public record OfficeRef(String code, String name) {
    static OfficeRef of(Office office) {
      return new OfficeRef(office.getCode(), office.getName());
    }
  }

  /** The indicator overview of one measure on {@code asOf}. */
  public record MeasureIndicators(String businessKey, String measureCode, String measureText, String programmeCode,
      String programmeTitle, LocalDate asOf, List<IndicatorView> indicators, List<AgreementView> agreements,
      Statistics statistics) {}

  /** One indicator with its values per period and its latest accepted value (absent if none). */
  public record IndicatorView(Long id, String name, String definition, String unit, String valueType,
      String valueTypeLabel, OfficeRef sourceOffice, List<IndicatorPeriod> periods, LatestValue latestAcceptedValue) {}

  /** One period of the indicator's source office (or one holding a value for it), with the value if usable. */
  public record IndicatorPeriod(Long deliveryId, Long agreementId, String periodLabel, LocalDate periodStart,
      LocalDate periodEnd, LocalDate dueDate, String state, String stateLabel, String completeness,
      String completenessLabel, ValueView value) {}

  /** A delivered value; {@code provisional} while the delivery is still in review. */
  public record ValueView(String display, BigDecimal number, String text, boolean provisional) {}

  /** The value of the latest period whose delivery was accepted. */
  public record LatestValue(Long deliveryId, String periodLabel, LocalDate periodEnd, String display, BigDecimal number,
      String text) {}

  /** A data agreement with every period opened for it. */
  public record AgreementView(Long id, OfficeRef supplierOffice, String dataDescription, String frequencyLabel,
      LocalDate firstDue, List<PeriodView> periods) {}

  /** One reporting period of an agreement and how it counts. */
  public record PeriodView(Long deliveryId, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
      LocalDate dueDate, LocalDate lockDate, String state, String stateLabel, String completeness,
      String completenessLabel, Instant submittedAt, boolean due, boolean received, boolean receivedOnTime,
      String returnReason) {}

  /** Counts and rates per supplier office and in total. */
  public record Statistics(List<OfficeStatistics> offices, DeliveryCounts total) {}

  public record OfficeStatistics(OfficeRef office, DeliveryCounts counts) {}

  private record MeasureRef(String businessKey, String code) {}

  public record MeasureStatistics(String businessKey, String measureCode, DeliveryCounts counts) {}

  /** A programme's delivery statistics on {@code asOf}: per office, in total, per measure. */
  public record ProgrammeStatistics(String programmeCode, String programmeTitle, LocalDate asOf,
      List<OfficeStatistics> offices, DeliveryCounts total, List<MeasureStatistics> measures) {}
}
