package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.StatusReport.ChangeGroup;
import de.umsetzungsmonitor.reporting.StatusReport.Changes;
import de.umsetzungsmonitor.reporting.StatusReport.ExternalBodyEntry;
import de.umsetzungsmonitor.reporting.StatusReport.IndicatorEntry;
import de.umsetzungsmonitor.reporting.StatusReport.MeasureEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between the report the committee saw at its previous briefing and a new one
 * (Veränderungen seit der letzten Unterrichtung): talks scheduled and held, protocols signed by
 * all, new indicators, data received, closed measures, new measures, the start of Phase II. In
 * German, grouped by kind, measures in the new report's order.
 */
public final class ReportChanges {

  private ReportChanges() {}

  /** The changes since {@code previous} (the stored report of the previous briefing). */
  public static Changes between(String previousKey, LocalDate previousHeldOn, StatusReport previous, StatusReport current) {
    Map<String, MeasureEntry> measuresBefore = previous.measures().stream()
        .collect(Collectors.toMap(MeasureEntry::businessKey, Function.identity()));
    List<String> added = new ArrayList<>();
    List<String> scheduled = new ArrayList<>();
    List<String> held = new ArrayList<>();
    List<String> signed = new ArrayList<>();
    List<String> indicators = new ArrayList<>();
    List<String> deliveries = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (MeasureEntry now : current.measures()) {
      MeasureEntry earlier = measuresBefore.get(now.businessKey());
      if (earlier == null) {
        added.add(now.code() + ": " + now.text());
      }
      MeasureEntry then = earlier == null ? emptyLike(now) : earlier;
      if (now.talkHeld() && !then.talkHeld()) {
        held.add(now.code() + ": am " + PageFormat.GERMAN.date(now.talkHeldOn())
            + (now.approach() == null ? "" : " (Vorgehensweise: " + now.approachWithRemarks() + ")"));
      } else if (!now.talkHeld() && now.talkScheduledFor() != null
          && !Objects.equals(now.talkScheduledFor(), then.talkScheduledFor())) {
        scheduled.add(now.code() + ": für den " + PageFormat.GERMAN.date(now.talkScheduledFor())
            + (then.talkScheduledFor() == null ? "" : " (bisher " + PageFormat.GERMAN.date(then.talkScheduledFor()) + ")"));
      }
      if (now.protocolInForce() && !then.protocolInForce()) {
        signed.add(now.code());
      }
      List<String> known = then.indicators().stream().map(IndicatorEntry::name).toList();
      now.indicators().stream().filter(i -> !known.contains(i.name()))
          .forEach(i -> indicators.add(now.code() + ": " + i.name()));
      List<String> received = now.receivedPeriods().stream().filter(p -> !then.receivedPeriods().contains(p)).toList();
      if (!received.isEmpty()) {
        deliveries.add(now.code() + ": " + StatusReports.germanList(received));
      }
      if (now.closed() && !then.closed()) {
        closed.add(now.code() + (now.closure() == null ? "" : ": " + now.closure()));
      }
      Map<String, ExternalBodyEntry> before = then.externalBodies().stream()
          .collect(Collectors.toMap(ExternalBodyEntry::name, Function.identity(), (a, b) -> b));
      for (ExternalBodyEntry body : now.externalBodies()) {
        ExternalBodyEntry earlier2 = before.get(body.name());
        if (earlier2 == null) {
          bodies.add(now.code() + ": " + body.name() + " hinzugezogen (" + body.state() + ")");
        } else if (!earlier2.state().equals(body.state())) {
          bodies.add(now.code() + ": " + body.name() + " – " + body.state() + " (bisher " + earlier2.state() + ")");
        }
      }
    }
    List<ChangeGroup> groups = new ArrayList<>();
    add(groups, "Neu aufgenommene Maßnahmen", added);
    add(groups, "Gespräche terminiert", scheduled);
    add(groups, "Gespräche geführt", held);
    add(groups, signed.size() == 1 ? "Protokoll von allen Beteiligten unterzeichnet" : "Protokolle von allen Beteiligten unterzeichnet",
        signed.isEmpty() ? List.of() : List.of(StatusReports.germanList(signed)));
    add(groups, "Neue Indikatoren", indicators);
    add(groups, "Eingegangene Datenlieferungen", deliveries);
    add(groups, "Externe Stellen", bodies);
    add(groups, "Abgeschlossene Maßnahmen", closed);
    if (current.phaseTwo().opened() && !previous.phaseTwo().opened()) {
      groups.add(new ChangeGroup("Umsetzungsphase II", List.of(current.phaseTwo().text())));
    }
    return new Changes(previousKey, previous.asOf(), previousHeldOn, List.copyOf(groups));
  }

  /** For the first briefing of a programme's committee: nothing to compare with. */
  public static Changes first() {
    return new Changes(null, null, null, List.of());
  }

  private static void add(List<ChangeGroup> groups, String title, List<String> items) {
    if (!items.isEmpty()) {
      groups.add(new ChangeGroup(title, List.copyOf(items)));
    }
  }

  private static MeasureEntry emptyLike(MeasureEntry now) {
    return new MeasureEntry(now.businessKey(), now.code(), now.text(), now.fieldOfAction(), now.leadOffices(), null, null,
        null, null, false, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, false);
  }
}
