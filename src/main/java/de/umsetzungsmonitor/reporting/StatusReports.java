package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.DeliveryEvent;
import de.umsetzungsmonitor.deliveries.DeliveryState;
import de.umsetzungsmonitor.deliveries.DeliveryValue;
import de.umsetzungsmonitor.external.Involvement;
import de.umsetzungsmonitor.external.InvolvementEvent;
import de.umsetzungsmonitor.external.InvolvementState;
import de.umsetzungsmonitor.reporting.StatusReport.ExternalBodyEntry;
import de.umsetzungsmonitor.reporting.StatusReport.IndicatorEntry;
import de.umsetzungsmonitor.reporting.StatusReport.MeasureEntry;
import de.umsetzungsmonitor.reporting.StatusReport.PhaseTwo;
import de.umsetzungsmonitor.reporting.StatusReport.Step;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkDate;
import de.umsetzungsmonitor.talks.TalkParticipant;
import de.umsetzungsmonitor.talks.protocol.Protocol;
import de.umsetzungsmonitor.talks.protocol.ProtocolVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a programme's {@link StatusReport} as of a day from our tables. "As of" means as known at
 * the end of that day (German time): a talk counts as held once its results were recorded, a
 * protocol as signed once the last signature of its version was given, a period by the events of
 * its delivery up to then; later changes do not alter a report as of an earlier day.
 *
 * <p>The same facts give the list of what is still missing before Phase II
 * ({@link #missingForPhaseTwo}), so the report and the gate never disagree.
 */
@Service
@Transactional(readOnly = true)
public class StatusReports {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final OverviewQueries overviewQueries;
  private final DeliveryReportingQueries deliveryQueries;
  private final Clock clock;

  public StatusReports(OverviewQueries overviewQueries, DeliveryReportingQueries deliveryQueries, Clock clock) {
    this.overviewQueries = overviewQueries;
    this.deliveryQueries = deliveryQueries;
    this.clock = clock;
  }

  /** The report of {@code programme} as of the end of {@code asOf}. */
  public StatusReport asOf(Programme programme, LocalDate asOf) {
    Instant cutoff = endOf(asOf);
    boolean phaseTwoOpen = programme.getPhaseTwoOpenedAt() != null && programme.getPhaseTwoOpenedAt().isBefore(cutoff);
    Map<MeasureEntry, LocalTime> entries = entries(programme, asOf, cutoff, phaseTwoOpen);
    // as the documentation prints them: the talks held in the order they took place, then the rest
    List<MeasureEntry> ordered = new ArrayList<>(entries.keySet().stream().filter(MeasureEntry::talkHeld)
        .sorted(Comparator.comparing(MeasureEntry::talkHeldOn)
            .thenComparing(entries::get, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList());
    entries.keySet().stream().filter(e -> !e.talkHeld()).forEach(ordered::add);

    String coordination = programme.getCoordinatingOffice().getName();
    return new StatusReport(programme.getCode(), programme.getTitle(), programme.reportTitle(), programme.getCommittee(),
        coordination, paragraphs(programme.getDescription()), programme.getFundingNote(), asOf, Instant.now(clock),
        List.copyOf(ordered), openItems(List.copyOf(entries.keySet()), coordination, phaseTwoOpen),
        phaseTwo(programme, cutoff, coordination), List.of(), null, null);
  }

  /**
   * What is still missing before the coordinating unit may declare all internal information
   * complete, as of now: talks not held, protocols not signed by all, indicators not concretised,
   * deliveries overdue. One German line per item, in programme order; empty when nothing is missing.
   */
  public List<String> missingForPhaseTwo(Programme programme) {
    LocalDate today = LocalDate.now(clock);
    List<String> missing = new ArrayList<>();
    for (MeasureEntry measure : entries(programme, today, endOf(today), false).keySet()) {
      if (measure.closed()) {
        continue;
      }
      if (!measure.talkHeld()) {
        missing.add(measure.code() + ": Das Gespräch hat noch nicht stattgefunden ("
            + (measure.talkScheduledFor() == null ? "noch nicht terminiert" : measure.pendingTalkText()) + ").");
      } else if (!measure.protocolIssued()) {
        missing.add(measure.code() + ": Das Protokoll ist noch nicht erstellt.");
      } else if (!measure.protocolInForce()) {
        missing.add(measure.code() + ": Das Protokoll ist noch nicht von allen unterzeichnet (es fehlen: "
            + String.join(", ", measure.missingSignatories()) + ").");
      }
      if (measure.indicators().isEmpty()) {
        missing.add(measure.code() + ": Die Indikatoren sind noch nicht konkretisiert.");
      }
      for (String period : measure.overduePeriods()) {
        missing.add(measure.code() + ": Die Datenlieferung " + period + " steht aus.");
      }
    }
    return missing;
  }

  /** Every measure as of the cutoff, in programme order, with the time its talk was set for. */
  private Map<MeasureEntry, LocalTime> entries(Programme programme, LocalDate asOf, Instant cutoff, boolean phaseTwoOpen) {
    List<Measure> measures = overviewQueries.measuresOf(List.of(programme.getId())).stream()
        .sorted(Comparator.comparing(Measure::getPosition)).toList();
    Set<Long> measureIds = measures.stream().map(Measure::getId).collect(Collectors.toSet());
    Map<Long, Talk> talks = overviewQueries.talksOf(measureIds).stream()
        .collect(Collectors.toMap(t -> t.getMeasure().getId(), t -> t));
    List<Long> talkIds = talks.values().stream().map(Talk::getId).toList();
    Map<Long, List<TalkDate>> talkDates = deliveryQueries.talkDatesOf(talkIds);
    Map<Long, Protocol> protocols = overviewQueries.protocolsOf(talkIds).stream()
        .collect(Collectors.toMap(p -> p.getTalk().getId(), p -> p));
    Map<Long, List<Indicator>> indicators = deliveryQueries.indicatorsOf(measureIds).stream()
        .collect(Collectors.groupingBy(i -> i.getMeasure().getId()));
    Map<Long, List<DataAgreement>> agreements = overviewQueries.agreementsOf(measureIds).stream()
        .collect(Collectors.groupingBy(a -> a.getMeasure().getId()));
    List<Delivery> deliveries = deliveryQueries.deliveriesWithValuesOf(measureIds);
    Map<Long, List<DeliveryEvent>> events = deliveryQueries.eventsOf(deliveries.stream().map(Delivery::getId).toList());
    Map<Long, List<Delivery>> deliveriesByMeasure = deliveries.stream()
        .collect(Collectors.groupingBy(d -> d.getDataAgreement().getMeasure().getId()));
    List<Involvement> involvements = deliveryQueries.involvementsOf(measureIds);
    Map<Long, List<InvolvementEvent>> involvementEvents =
        deliveryQueries.involvementEventsOf(involvements.stream().map(Involvement::getId).toList());
    Map<Long, List<Involvement>> involvementsByMeasure = involvements.stream()
        .collect(Collectors.groupingBy(i -> i.getMeasure().getId()));

    Map<MeasureEntry, LocalTime> entries = new LinkedHashMap<>();
    for (Measure measure : measures) {
      Talk talk = talks.get(measure.getId());
      if (talk != null && !talk.getCreatedAt().isBefore(cutoff)) {
        talk = null;
      }
      MeasureEntry entry = entry(measure, talk, talk == null ? List.of() : talkDates.getOrDefault(talk.getId(), List.of()),
          talk == null ? null : protocols.get(talk.getId()), indicators.getOrDefault(measure.getId(), List.of()),
          agreements.getOrDefault(measure.getId(), List.of()), deliveriesByMeasure.getOrDefault(measure.getId(), List.of()),
          events, asOf, cutoff, phaseTwoOpen);
      entry = withPhaseTwo(entry, measure, involvementsByMeasure.getOrDefault(measure.getId(), List.of()),
          involvementEvents, cutoff);
      entries.put(entry, talk == null ? null : talk.getScheduledTime());
    }
    return entries;
  }

  /** The first moment after {@code day} in German time. */
  public static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(BERLIN).toInstant();
  }

  private MeasureEntry entry(Measure measure, Talk talk, List<TalkDate> dates, Protocol protocol,
      List<Indicator> indicators, List<DataAgreement> agreements, List<Delivery> deliveries,
      Map<Long, List<DeliveryEvent>> events, LocalDate asOf, Instant cutoff, boolean phaseTwoOpen) {
    // imported as done: closed from the start; closed in Phase II: from the moment it was closed
    boolean closed = measure.getPhase() == MeasurePhase.COMPLETED || measure.getStatus() == MeasureStatus.DONE
        || (measure.getClosedAt() != null && measure.getClosedAt().isBefore(cutoff));
    List<Step> steps = new ArrayList<>();

    LocalDate scheduledFor = null;
    LocalDate heldOn = null;
    String approach = null;
    String remarks = null;
    if (talk != null) {
      scheduledFor = dates.stream().filter(d -> d.getRecordedAt().isBefore(cutoff))
          .max(Comparator.comparing(TalkDate::getRecordedAt)).map(TalkDate::getScheduledFor)
          .orElse(dates.isEmpty() ? talk.getScheduledFor() : null);
      if (talk.getOutcomeRecordedAt() != null && talk.getOutcomeRecordedAt().isBefore(cutoff)) {
        heldOn = talk.getHeldOn();
        approach = talk.getApproach();
        remarks = talk.getRemarks();
      }
    }
    if (heldOn != null) {
      steps.add(new Step("Gespräch am " + PageFormat.GERMAN.date(heldOn) + " geführt", false));
    } else if (scheduledFor != null) {
      steps.add(new Step("Gespräch am " + PageFormat.GERMAN.date(scheduledFor), true));
    } else {
      steps.add(new Step("Gespräch terminieren", true));
    }

    boolean issued = false;
    boolean inForce = false;
    List<String> missingSignatories = List.of();
    ProtocolVersion current = protocol == null ? null : protocol.getVersions().stream()
        .filter(v -> v.getCreatedAt().isBefore(cutoff)).max(Comparator.comparing(ProtocolVersion::getVersionNo)).orElse(null);
    if (current != null) {
      issued = true;
      Set<Long> signedBy = current.getSignatures().stream().filter(s -> s.getSignedAt().isBefore(cutoff))
          .map(s -> s.getParticipant().getId()).collect(Collectors.toSet());
      missingSignatories = talk.getParticipants().stream().filter(p -> !signedBy.contains(p.getId()))
          .map(TalkParticipant::getDisplayName).sorted().toList();
      inForce = missingSignatories.isEmpty();
    }
    if (inForce) {
      steps.add(new Step("Protokoll von allen Beteiligten unterzeichnet", false));
    } else if (issued) {
      steps.add(new Step("Unterzeichnung des Protokolls durch " + germanList(missingSignatories), true));
    } else {
      steps.add(new Step(heldOn == null ? "Protokoll des Gesprächs unterzeichnen" : "Protokoll erstellen und unterzeichnen", true));
    }

    List<Indicator> known = indicators.stream().filter(i -> i.getCreatedAt().isBefore(cutoff))
        .sorted(Comparator.comparing(Indicator::getPosition)).toList();
    if (known.isEmpty()) {
      steps.add(new Step("Indikatoren konkretisieren", true));
    } else {
      steps.add(new Step(known.size() == 1 ? "1 Indikator konkretisiert" : known.size() + " Indikatoren konkretisiert", false));
    }

    List<DatedPeriod> periods = deliveries.stream().filter(d -> d.getCreatedAt().isBefore(cutoff))
        .map(d -> DatedPeriod.of(d, events.getOrDefault(d.getId(), List.of()), cutoff, asOf))
        .sorted(Comparator.comparing((DatedPeriod p) -> p.delivery().getDueDate()).thenComparing(p -> p.delivery().getId()))
        .toList();
    List<String> received = new ArrayList<>();
    List<String> overdue = new ArrayList<>();
    for (DatedPeriod period : periods) {
      if (period.status().received()) {
        received.add(period.label());
      } else if (period.status().completeness() == Completeness.OVERDUE
          || (period.status().completeness() == Completeness.RETURNED && period.status().due())) {
        overdue.add(period.label());
      }
    }
    boolean agreed = heldOn != null && !agreements.isEmpty();
    if (agreed) {
      DeliveryCounts counts = DeliveryCounts.of(periods.stream().map(DatedPeriod::status).toList());
      if (counts.due() > 0) {
        steps.add(new Step("Datenlieferungen: " + counts.received() + " von " + counts.due()
            + " fälligen Zeiträumen erhalten", false));
      }
      for (DatedPeriod period : periods) {
        if (overdue.contains(period.label())) {
          steps.add(new Step("Datenlieferung " + period.label() + ", fällig seit "
              + PageFormat.GERMAN.date(period.delivery().getDueDate()), true));
        }
      }
      periods.stream().filter(p -> p.status().completeness() == Completeness.PENDING).findFirst()
          .ifPresentOrElse(next -> steps.add(new Step("nächste Datenlieferung " + next.label() + " bis "
                  + PageFormat.GERMAN.date(next.delivery().getDueDate()), true)),
              () -> {
                if (periods.isEmpty()) {
                  agreements.stream().map(DataAgreement::getFirstDue).min(Comparator.naturalOrder())
                      .ifPresent(first -> steps.add(new Step("erste Datenlieferung bis " + PageFormat.GERMAN.date(first), true)));
                }
              });
    }
    if (!phaseTwoOpen) {
      steps.add(new Step("Bearbeitung mit externen Stellen (Umsetzungsphase II)", true));
    }

    List<IndicatorEntry> indicatorEntries = known.stream()
        .map(indicator -> indicatorEntry(indicator, periods)).toList();
    String closure = !closed ? null : closure(measure);
    List<Step> shown = closed ? List.of(new Step(closure, false)) : List.copyOf(steps);
    return new MeasureEntry(measure.getBusinessKey(), measure.getCode(), measure.getText(),
        measure.getFieldOfAction().getName(),
        measure.getLeadOffices().stream().map(Office::getName).sorted().toList(),
        scheduledFor, heldOn, approach, remarks, issued, inForce, missingSignatories, indicatorEntries,
        List.copyOf(received), List.copyOf(overdue), shown, List.of(), closure, closed);
  }

  private static String closure(Measure measure) {
    if (measure.getPhase() == MeasurePhase.IMPLEMENTED) {
      return "Maßnahme umgesetzt (abgeschlossen am " + PageFormat.GERMAN.date(day(measure.getClosedAt())) + ")"
          + (measure.getClosureReason() == null ? "" : ": " + measure.getClosureReason());
    }
    if (measure.getPhase() == MeasurePhase.NOT_IMPLEMENTABLE) {
      return "Maßnahme nicht umsetzbar (abgeschlossen am " + PageFormat.GERMAN.date(day(measure.getClosedAt())) + "): "
          + measure.getClosureReason();
    }
    return "Maßnahme abgeschlossen";
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(BERLIN).toLocalDate();
  }

  /**
   * The measure's Phase II as of the cutoff: the bodies involved by then, each in the state its
   * events had reached, and the steps still pending with them.
   */
  private static MeasureEntry withPhaseTwo(MeasureEntry entry, Measure measure, List<Involvement> involvements,
      Map<Long, List<InvolvementEvent>> events, Instant cutoff) {
    if (measure.getPhaseTwoStartedAt() == null || !measure.getPhaseTwoStartedAt().isBefore(cutoff)) {
      return entry;
    }
    List<ExternalBodyEntry> bodies = new ArrayList<>();
    List<Step> phaseTwoSteps = new ArrayList<>();
    phaseTwoSteps.add(new Step("Umsetzungsphase II begonnen am " + PageFormat.GERMAN.date(day(measure.getPhaseTwoStartedAt())), false));
    for (Involvement involvement : involvements) {
      InvolvementState state = null;
      for (InvolvementEvent event : events.getOrDefault(involvement.getId(), List.of())) {
        if (event.getOccurredAt().isBefore(cutoff) && event.getKind().state() != null) {
          state = event.getKind().state();
        }
      }
      if (state == null) {
        continue; // not yet involved on that day
      }
      String name = involvement.getExternalBody().displayName();
      bodies.add(new ExternalBodyEntry(name, state.label(), state.ended()));
      switch (state) {
        case ADDED -> phaseTwoSteps.add(new Step(name + ": Kontakt aufnehmen", true));
        case CONTACTED -> phaseTwoSteps.add(new Step(name + ": Beitrag vereinbaren", true));
        case AGREED -> phaseTwoSteps.add(new Step(name + ": Beitrag steht aus", true));
        case FINISHED -> phaseTwoSteps.add(new Step(name + ": Beitrag abgeschlossen", false));
        case WITHDRAWN -> phaseTwoSteps.add(new Step(name + ": nicht mehr beteiligt", false));
        default -> { }
      }
    }
    if (bodies.isEmpty()) {
      phaseTwoSteps.add(new Step("externe Stellen einbeziehen", true));
    }
    List<Step> steps = entry.closed() ? entry.steps() : concat(entry.steps(), phaseTwoSteps);
    return new MeasureEntry(entry.businessKey(), entry.code(), entry.text(), entry.fieldOfAction(), entry.leadOffices(),
        entry.talkScheduledFor(), entry.talkHeldOn(), entry.approach(), entry.remarks(), entry.protocolIssued(),
        entry.protocolInForce(), entry.missingSignatories(), entry.indicators(), entry.receivedPeriods(),
        entry.overduePeriods(), steps, List.copyOf(bodies), entry.closure(), entry.closed());
  }

  private static List<Step> concat(List<Step> first, List<Step> second) {
    List<Step> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static IndicatorEntry indicatorEntry(Indicator indicator, List<DatedPeriod> periods) {
    List<DatedPeriod> own = periods.stream()
        .filter(p -> p.delivery().getDataAgreement().getSupplierOffice().getId().equals(indicator.getSourceOffice().getId())
            || p.delivery().getValues().stream().anyMatch(v -> v.getIndicator().getId().equals(indicator.getId())))
        .toList();
    String latestValue = null;
    String latestPeriod = null;
    LocalDate latestEnd = null;
    for (DatedPeriod period : own) {
      if (!period.accepted()) {
        continue;
      }
      for (DeliveryValue value : period.delivery().getValues()) {
        if (value.getIndicator().getId().equals(indicator.getId())
            && (latestEnd == null || period.delivery().getPeriodEnd().isAfter(latestEnd))) {
          latestEnd = period.delivery().getPeriodEnd();
          latestValue = value.display();
          latestPeriod = period.delivery().getPeriodLabel();
        }
      }
    }
    DeliveryCounts counts = DeliveryCounts.of(own.stream().map(DatedPeriod::status).toList());
    String completeness = counts.due() == 0 ? "noch keine Lieferung fällig"
        : counts.received() + " von " + counts.due() + " fälligen Lieferungen erhalten (" + counts.reportingRate().label() + ")";
    return new IndicatorEntry(indicator.getName(), indicator.getUnit(), indicator.getSourceOffice().getName(),
        latestValue, latestPeriod, completeness);
  }

  private static List<String> openItems(List<MeasureEntry> measures, String coordination, boolean phaseTwoOpen) {
    List<MeasureEntry> open = measures.stream().filter(m -> !m.closed()).toList();
    List<String> items = new ArrayList<>();
    List<String> unscheduled = codes(open, m -> !m.talkHeld() && m.talkScheduledFor() == null);
    if (unscheduled.size() == 1) {
      items.add("Das Gespräch zu " + unscheduled.get(0) + " steht noch aus. Es wird zurzeit terminiert.");
    } else if (unscheduled.size() > 1) {
      items.add("Die Gespräche zu " + germanList(unscheduled) + " stehen noch aus. Diese werden zurzeit terminiert.");
    }
    open.stream().filter(m -> !m.talkHeld() && m.talkScheduledFor() != null)
        .forEach(m -> items.add("Das Gespräch zu " + m.code() + " ist für den "
            + PageFormat.GERMAN.date(m.talkScheduledFor()) + " terminiert."));
    List<String> unsigned = codes(open, m -> m.talkHeld() && !m.protocolInForce());
    if (unsigned.size() == 1) {
      items.add("Das Protokoll zu " + unsigned.get(0) + " ist noch nicht von allen Beteiligten unterzeichnet.");
    } else if (unsigned.size() > 1) {
      items.add("Die Protokolle zu " + germanList(unsigned) + " sind noch nicht von allen Beteiligten unterzeichnet.");
    }
    List<String> noIndicators = codes(open, m -> m.talkHeld() && m.indicators().isEmpty());
    if (!noIndicators.isEmpty()) {
      items.add("Die Indikatoren zu " + germanList(noIndicators) + " werden von der " + coordination
          + " noch konkretisiert. Das heißt, dass für jede Maßnahme festgelegt wird, welche Daten und Informationen"
          + " nötig sind, um zu beobachten, wie sich die einzelnen Felder entwickeln.");
    }
    List<String> overdue = open.stream().flatMap(m -> m.overduePeriods().stream().map(p -> m.code() + " (" + p + ")")).toList();
    if (!overdue.isEmpty()) {
      items.add("Ausstehende Datenlieferungen: " + germanList(overdue) + ".");
    }
    if (!phaseTwoOpen) {
      items.add("Sobald die " + coordination + " alle verwaltungsinternen Informationen gesichtet, aufbereitet und"
          + " dokumentiert hat, startet Umsetzungsphase II.");
    } else {
      List<String> withoutBodies = codes(open, m -> m.externalBodies().isEmpty()
          && m.steps().stream().anyMatch(step -> step.pending() && step.text().equals("externe Stellen einbeziehen")));
      if (!withoutBodies.isEmpty()) {
        items.add("Für " + germanList(withoutBodies) + " sind die externen Stellen noch einzubeziehen.");
      }
      List<String> awaited = open.stream().flatMap(m -> m.externalBodies().stream().filter(b -> !b.ended())
          .map(b -> m.code() + " (" + b.name() + ": " + b.state() + ")")).toList();
      if (!awaited.isEmpty()) {
        items.add("In Umsetzungsphase II laufen noch die Beteiligungen: " + germanList(awaited) + ".");
      }
    }
    return List.copyOf(items);
  }

  private static PhaseTwo phaseTwo(Programme programme, Instant cutoff, String coordination) {
    Instant opened = programme.getPhaseTwoOpenedAt();
    if (opened != null && opened.isBefore(cutoff)) {
      LocalDate day = opened.atZone(BERLIN).toLocalDate();
      return new PhaseTwo(true, day, "Umsetzungsphase II hat am " + PageFormat.GERMAN.date(day) + " begonnen: die "
          + coordination + " hat alle verwaltungsinternen Informationen gesichtet, aufbereitet und dokumentiert."
          + " Die Handlungsempfehlungen werden nun mit externen Stellen bearbeitet.");
    }
    return new PhaseTwo(false, null, "Umsetzungsphase II (Bearbeitung der Handlungsempfehlungen mit externen Stellen)"
        + " hat noch nicht begonnen.");
  }

  private static List<String> codes(List<MeasureEntry> measures, java.util.function.Predicate<MeasureEntry> which) {
    return measures.stream().filter(which).map(MeasureEntry::code).toList();
  }

  /** "M 12", "M 12 und M 13", "M 11, M 21 und M 43". */
  static String germanList(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " und " + items.get(items.size() - 1);
  }

  private static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    // a folded YAML text (">-") keeps a blank line as one line break: every line break ends a paragraph
    return Arrays.stream(text.split("\\n+")).map(p -> p.strip().replaceAll("\\s+", " "))
        .filter(p -> !p.isEmpty()).toList();
  }

  /**
   * A period as it stood at the cutoff: its state replayed from the delivery's events (a delivery
   * without any event, as written by hand, counts with its current state).
   */
  record DatedPeriod(Delivery delivery, PeriodStatus status, boolean accepted) {

    static DatedPeriod of(Delivery delivery, List<DeliveryEvent> events, Instant cutoff, LocalDate asOf) {
      DeliveryState state = events.isEmpty() ? delivery.getState() : DeliveryState.OPEN;
      Instant submitted = events.isEmpty() ? delivery.getSubmittedAt() : null;
      boolean returnedBefore = false;
      for (DeliveryEvent event : events) {
        if (!event.getOccurredAt().isBefore(cutoff)) {
          break;
        }
        switch (event.getKind()) {
          case OPENED -> state = DeliveryState.OPEN;
          case SUBMITTED, FETCHED -> {
            state = DeliveryState.SUBMITTED;
            submitted = event.getOccurredAt();
          }
          case RETURNED -> {
            state = DeliveryState.RETURNED;
            returnedBefore = true;
          }
          case ACCEPTED -> state = DeliveryState.ACCEPTED;
          case LOCKED -> state = DeliveryState.LOCKED;
          case REOPENED -> state = returnedBefore ? DeliveryState.RETURNED : DeliveryState.OPEN;
          case MISSED -> state = DeliveryState.MISSED;
          default -> { }
        }
      }
      boolean onTime = submitted != null && submitted.isBefore(endOf(delivery.getDueDate()));
      // as in the overview: on its due date itself a period is not yet due
      PeriodStatus status = PeriodStatus.of(state, delivery.getDueDate(), onTime, asOf);
      return new DatedPeriod(delivery, status, state == DeliveryState.ACCEPTED);
    }

    String label() {
      return delivery.getPeriodLabel() + " (" + delivery.getDataAgreement().getSupplierOffice().getName() + ")";
    }
  }
}
